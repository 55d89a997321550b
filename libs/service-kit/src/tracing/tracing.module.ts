import { Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { flushTraces } from './start-tracing';

/**
 * The spans of a service's last requests reach the collector when it stops: Nest calls this after
 * the HTTP server and the RPC server have finished their requests, and then ends the process.
 */
@Injectable()
class SpansSentAtShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return flushTraces();
  }
}

/** Every app imports it once (startTracing, called before Nest starts, registers the provider). */
@Module({ providers: [SpansSentAtShutdown] })
export class TracingModule {}
