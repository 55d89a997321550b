import { eventually, SuiteProcess, TestEnvironment } from '@app/testing';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { PrivatePostgres } from './private-postgres';

const run = promisify(execFile);

/** One fault as it happened: from its injection until every service answered /health 200 again. */
export interface FaultRecord {
  name: string;
  startedAt: number;
  recoveredAt: number;
  /** Users created when it was injected: shows it hit the suite under load. */
  createdAtStart: number;
  detail: string;
}

export type Service = 'identity' | 'tickets' | 'portal' | 'gateway';
const SERVICES: Service[] = ['identity', 'tickets', 'portal', 'gateway'];

export interface FaultTarget {
  environment: TestEnvironment;
  suite: SuiteProcess;
  postgres: PrivatePostgres;
  /** The file the crash-after-commit hook reads (libs/bus outbox/crash-after-commit.ts). */
  crashFile: string;
  created(): number;
}

/** The pid of the service's latest start, from the supervisor's `[svc] started (pid N)` lines. */
export function currentPid(suite: SuiteProcess, service: Service): number {
  const pids = [...suite.logs().matchAll(new RegExp(`^\\[${service}\\]\\s+started \\(pid (\\d+)`, 'gm'))].map((m) => Number(m[1]));
  if (pids.length === 0) throw new Error(`no start of ${service} in the suite's log`);
  return pids[pids.length - 1];
}

const healthOf = (port: string) =>
  fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) }).then(
    (r) => r.status,
    () => 0,
  );

const portOf = (environment: TestEnvironment, service: Service) =>
  environment.env[{ identity: 'IDENTITY_PORT', tickets: 'TICKETS_PORT', portal: 'PORTAL_PORT', gateway: 'PORT' }[service]];

/** Waits until every service answers /health 200 (supervision and reconnection did their work). */
export async function allHealthy(environment: TestEnvironment): Promise<void> {
  await eventually(async () => ((await Promise.all(SERVICES.map((s) => healthOf(portOf(environment, s))))).every((status) => status === 200) ? true : undefined), 120_000, 100);
}

/** Waits until the supervisor has started `service` again with a pid other than `before`. */
const restarted = (target: FaultTarget, service: Service, before: number) =>
  eventually(async () => (currentPid(target.suite, service) !== before ? true : undefined), 120_000, 50);

async function recorded(target: FaultTarget, name: string, inject: () => Promise<string>): Promise<FaultRecord> {
  const startedAt = Date.now();
  const createdAtStart = target.created();
  const detail = await inject();
  await allHealthy(target.environment);
  return { name, startedAt, recoveredAt: Date.now(), createdAtStart, detail };
}

/** SIGKILL (a crash) or SIGTERM (an orderly stop) to one service; the supervisor starts it again. */
export const signalService = (target: FaultTarget, service: Service, signal: 'SIGKILL' | 'SIGTERM') =>
  recorded(target, `${signal} ${service}`, async () => {
    const pid = currentPid(target.suite, service);
    process.kill(pid, signal);
    await restarted(target, service, pid);
    return `pid ${pid} -> ${currentPid(target.suite, service)}`;
  });

/**
 * Identity exits right after committing a user with its outbox row, before the relay publishes it:
 * the test hook arms on the file naming the service, and the next such commit kills the process.
 */
export const crashBetweenCommitAndPublish = (target: FaultTarget) =>
  recorded(target, 'identity killed between commit and publish', async () => {
    const pid = currentPid(target.suite, 'identity');
    writeFileSync(target.crashFile, 'identity');
    await restarted(target, 'identity', pid);
    const line = /TEST FAULT: exiting after committing (.*) before publishing/.exec(target.suite.logs());
    if (!line) throw new Error('identity restarted without the crash-after-commit line');
    return line[1];
  });

/** The unpublished events the crash left behind, as its log line named them. */
export function eventsLeftByCrash(suite: SuiteProcess): Array<{ type: string; id: string }> {
  const line = /TEST FAULT: exiting after committing (.*) before publishing/.exec(suite.logs());
  return (line?.[1] ?? '').split(', ').filter(Boolean).map((part) => {
    const [type, id] = part.split(' ');
    return { type, id };
  });
}

const rabbitmqctl = (command: string) => run('rabbitmqctl', ['-q', command], { timeout: 60_000 });

/**
 * The machine's RabbitMQ node stops its app and starts it again: every connection drops. It is the
 * shared broker, so the window is kept short (as test/e2e/broker-restart does).
 */
export const brokerRestart = (target: FaultTarget) =>
  recorded(target, 'RabbitMQ stop_app/start_app', async () => {
    await rabbitmqctl('stop_app');
    try {
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      await rabbitmqctl('start_app');
    }
    return 'stopped about 1 s';
  });

/** The run's private PostgreSQL restarts (fast mode: connections cut) while requests are in flight. */
export const postgresRestart = (target: FaultTarget) =>
  recorded(target, 'PostgreSQL restart', async () => {
    await target.postgres.restart();
    return target.postgres.url;
  });
