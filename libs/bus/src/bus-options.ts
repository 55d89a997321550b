import type { QueueType } from './queue-arguments';

/** What the bus needs from the service's settings. */
export interface BusOptions {
  /** The service name: `source` of its events, prefix of its queues. */
  service: string;
  amqpUrl: string;
  prefetch: number;
  retryDelaysMs: number[];
  outboxPollMs: number;
  /** `AMQP_QUEUE_TYPE`: how the shared durable queues are declared. */
  queueType: QueueType;
}

export const BUS_OPTIONS = Symbol('BUS_OPTIONS');
