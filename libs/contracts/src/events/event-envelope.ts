/** The JSON every event on `suite.events` carries (DESIGN.md section 2). */
export interface EventEnvelope<TData = unknown, TType extends string = string> {
  id: string;
  type: TType;
  version: number;
  occurredAt: string;
  source: string;
  correlationId: string | null;
  data: TData;
}
