/** What the bus needs from the service's settings. */
export interface BusOptions {
  /** The service name: `source` of its events, prefix of its queues. */
  service: string;
  amqpUrl: string;
  prefetch: number;
  retryDelaysMs: number[];
  outboxPollMs: number;
}

export const BUS_OPTIONS = Symbol('BUS_OPTIONS');
