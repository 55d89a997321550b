/**
 * A service `npm start` runs has an IPC channel to the start script (scripts/start-suite.js). When
 * the channel closes, the script is gone (killed outright, crashed, its own parent gone) and nobody
 * will stop or restart the service: it stops as on SIGTERM, so no orphan keeps its port, its queues
 * and its database connections. Without a channel (an image, a manifest, a CLI) there is nothing to
 * watch. The channel alone does not keep the service running.
 */
export function stopWhenSupervisorGoes(): void {
  if (!process.channel) return;
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
