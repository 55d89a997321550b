import { parseDuration } from './settings';

/** Settings of `/metrics` and `/health/ready` (docs/OPERATIONS.md). */
export interface OperationsSettings {
  /** `METRICS_TOKEN`: when set, `/metrics` wants `Authorization: Bearer <token>`; unset, it is open as Prometheus expects. */
  metricsToken: string | null;
  /** `OUTBOX_LAG_READY_MS` (default 60s): a service whose oldest unpublished event is older is not ready. */
  outboxLagReadyMs: number;
}

export function readOperationsSettings(env: Record<string, string | undefined> = process.env): OperationsSettings {
  return {
    metricsToken: env.METRICS_TOKEN || null,
    outboxLagReadyMs: parseDuration(env.OUTBOX_LAG_READY_MS || '60000', 'OUTBOX_LAG_READY_MS'),
  };
}
