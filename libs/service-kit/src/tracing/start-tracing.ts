import type { OTLPTraceExporter as OtlpTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOffSampler, BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { within } from '../async/within';

/** A flush of the spans still queued gives up after this long: a collector that is away must not hold up a stop. */
const FLUSH_BOUND_MS = 2_000;

let registered: NodeTracerProvider | undefined;

/**
 * The exporter, loaded only when spans are sent: its OTLP transformer and metrics SDK are some 130
 * modules that every service otherwise loads at start for nothing.
 */
function otlpExporter(): OtlpTraceExporter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  return new OTLPTraceExporter();
}

/** Whether spans are recorded and sent: only with an OTLP endpoint to send them to. */
export const tracingExported = (env: Record<string, string | undefined> = process.env): boolean =>
  Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);

/**
 * Registers the process's tracer provider, its AsyncLocalStorage context (which also carries the log
 * fields) and the W3C `traceparent` propagator. Trace ids always travel (HTTP, RPC, the bus) and reach
 * the log lines; spans are recorded and sent over OTLP/HTTP only when `OTEL_EXPORTER_OTLP_ENDPOINT`
 * (or `..._TRACES_ENDPOINT`) is set. Without it every span is a non-recording one: ids, nothing kept.
 * The exporter reads the other `OTEL_*` settings (headers, timeout, sampler) itself.
 */
export function startTracing(service: string, env: Record<string, string | undefined> = process.env): NodeTracerProvider {
  const exported = tracingExported(env);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || service }),
    // Unset, the sampler follows OTEL_TRACES_SAMPLER (default: parent-based, always on).
    ...(exported ? {} : { sampler: new AlwaysOffSampler() }),
    spanProcessors: exported ? [new BatchSpanProcessor(otlpExporter())] : [],
  });
  provider.register();
  registered = provider;
  return provider;
}

/**
 * Sends the spans the batch processor still holds (it sends every few seconds, and nothing sends
 * them when the process exits), within FLUSH_BOUND_MS. Nothing to do when spans are not exported.
 */
export async function flushTraces(): Promise<void> {
  if (registered) await within(registered.forceFlush(), FLUSH_BOUND_MS);
}
