import { Counter, Histogram } from 'prom-client';

/**
 * The bus's counters, on prom-client's default registry (one per process, served at `/metrics`).
 * Defined once at module load: the bus classes only increment them, so they still run in plain
 * tests, and a second Outbox or consumer in one process shares the same series.
 */
export const eventsPublished = new Counter({
  name: 'bus_events_published_total',
  help: 'Events the outbox relay handed to the broker (published: confirmed; failed: the batch rolled back and will be tried again).',
  labelNames: ['type', 'outcome'] as const,
});

export const eventsConsumed = new Counter({
  name: 'bus_events_consumed_total',
  help: 'Deliveries an event consumer settled, by queue, event type and outcome (applied, duplicate, ignored, retried, dead-lettered).',
  labelNames: ['queue', 'type', 'outcome'] as const,
});

export const eventRetries = new Counter({
  name: 'bus_event_retries_total',
  help: 'Deliveries whose handler failed and that went to a retry queue, by queue and event type.',
  labelNames: ['queue', 'type'] as const,
});

export const deadLetters = new Counter({
  name: 'bus_dead_letters_total',
  help: 'Deliveries sent to <queue>.dlq after the last retry (or unreadable), by queue and event type.',
  labelNames: ['queue', 'type'] as const,
});

export const rpcRequestsPerMessage = new Histogram({
  name: 'rpc_requests_per_message',
  help: 'gateway: how many RPC requests each message to a service carried (the requests of one turn of the event loop go together).',
  labelNames: ['service'] as const,
  buckets: [1, 2, 4, 8, 16],
});
