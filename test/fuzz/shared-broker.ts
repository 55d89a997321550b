import { connect } from 'amqplib';
import { eventually } from '@app/testing';

/**
 * The broker is shared with other runs on the machine, and a test of theirs may stop it (the broker
 * restart test does `rabbitmqctl stop_app`), or a busy machine may starve the services past the RPC
 * timeout: the fuzzer then waits until the broker answers and every service is healthy again.
 */
export async function brokerAnswers(amqpUrl: string): Promise<boolean> {
  try {
    const connection = await connect(amqpUrl, { timeout: 2000 });
    await connection.close();
    return true;
  } catch {
    return false;
  }
}

/** Waits until the broker answers and every service's /health is 200 again. */
export async function waitForRecovery(amqpUrl: string, healthUrls: string[], timeoutMs = 180_000): Promise<void> {
  await eventually(async () => {
    if (!(await brokerAnswers(amqpUrl))) return undefined;
    const statuses = await Promise.all(healthUrls.map((url) => fetch(url, { signal: AbortSignal.timeout(2000) }).then((r) => r.status, () => 0)));
    return statuses.every((status) => status === 200) ? true : undefined;
  }, timeoutMs, 500);
}
