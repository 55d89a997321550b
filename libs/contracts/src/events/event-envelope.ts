/** The JSON every event on `suite.events` carries (DESIGN.md section 2). */
export interface EventEnvelope<TData = unknown, TType extends string = string> {
  id: string;
  type: TType;
  version: number;
  occurredAt: string;
  source: string;
  correlationId: string | null;
  /**
   * The W3C trace context of the work that published the event (`00-<trace id>-<span id>-<flags>`),
   * so the consumer continues the same trace. Optional: envelopes written before it existed, and by
   * scripts outside any trace, have none.
   */
  traceparent?: string;
  data: TData;
}
