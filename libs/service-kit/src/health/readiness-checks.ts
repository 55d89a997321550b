import { BusConnection, readOutboxBacklog } from '@app/bus';
import { HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';

const CHECK_TIMEOUT_MS = 2000;

/**
 * What `/health/ready` checks: the broker connection always; with a database, a ping and the outbox
 * lag (the oldest unpublished event younger than OUTBOX_LAG_READY_MS: a relay that stopped
 * publishing makes the process unready even while its database and broker answer).
 */
export function readinessChecks(indicators: HealthIndicatorService, connection: BusConnection, dataSource: DataSource | null, outboxLagReadyMs: number): HealthIndicatorFunction[] {
  const broker: HealthIndicatorFunction = () => {
    const session = indicators.check('broker');
    return connection.isConnected() ? session.up() : session.down({ message: 'no broker connection' });
  };
  if (!dataSource) return [broker];
  const database: HealthIndicatorFunction = () =>
    indicators
      .check('database')
      .attempt(async () => {
        await dataSource.query('SELECT 1');
      })
      .withTimeout(CHECK_TIMEOUT_MS);
  const outbox: HealthIndicatorFunction = async () => {
    const session = indicators.check('outbox');
    try {
      const backlog = await Promise.race([
        readOutboxBacklog((sql, params) => dataSource.query(sql, params)),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref()),
      ]);
      const details = { waiting: backlog.waiting, oldestAgeMs: backlog.oldestAgeMs, limitMs: outboxLagReadyMs };
      return backlog.oldestAgeMs <= outboxLagReadyMs ? session.up(details) : session.down(details);
    } catch (error) {
      return session.down({ message: `outbox unreadable: ${(error as Error).message}` });
    }
  };
  return [broker, database, outbox];
}
