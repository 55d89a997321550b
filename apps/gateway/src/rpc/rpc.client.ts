import { HttpException, Inject, Injectable, Logger } from '@nestjs/common';
import type { AclScope } from '@app/acl';
import { RpcClientRmq, startChildSpan, traceparentOf } from '@app/bus';
import { context as activeContext, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { errorBody, isErrorBody, RpcActor, RpcContract, RpcReplyOf, RpcRequest, RpcRequestOf, RpcService } from '@app/contracts';
import { outcomeOfStatus, rpcClientDuration, SETTINGS, Settings } from '@app/service-kit';
import { TimeoutError } from 'rxjs';
import { commitByOf } from './commit-by';
import { idempotencyOf } from './idempotency-hash';
import { RPC_CLIENTS } from './rpc-client.tokens';

/** Who is asking and under which request id; every RPC carries both. */
export interface CallContext {
  requestId: string;
  actor: RpcActor | null;
  scope?: AclScope;
  roleEscalate?: boolean;
  /** The caller's `Idempotency-Key` on a creating route (see http/idempotency-key.ts). */
  idempotencyKey?: string;
}

/**
 * Request/reply to a service with a deadline: an answer, the service's own error as HTTP, or a 503
 * saying which service did not answer. Never a hang. The contract entry names the service, the
 * pattern, and the payload and reply types (libs/contracts, `IdentityRpc`, `TicketsRpc`, `PortalRpc`).
 */
@Injectable()
export class RpcClient {
  private readonly logger = new Logger('Rpc');
  private readonly clients: Record<RpcService, RpcClientRmq>;

  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(RPC_CLIENTS.identity) identity: RpcClientRmq,
    @Inject(RPC_CLIENTS.tickets) tickets: RpcClientRmq,
    @Inject(RPC_CLIENTS.portal) portal: RpcClientRmq,
  ) {
    this.clients = { identity, tickets, portal };
  }

  async call<TContract extends RpcContract>(contract: TContract, payload: RpcRequestOf<TContract>, context: CallContext): Promise<RpcReplyOf<TContract>> {
    const { service, pattern } = contract;
    // A client span per call: the service's own span hangs under it in the request's trace.
    const { span, context: callContext } = startChildSpan(pattern, SpanKind.CLIENT);
    const traceparent = traceparentOf(callContext);
    const deadline = this.settings.rpcTimeoutMs;
    const request: RpcRequest<RpcRequestOf<TContract>> = {
      requestId: context.requestId,
      traceparent,
      actor: context.actor,
      scope: context.scope,
      roleEscalate: context.roleEscalate,
      idempotency: idempotencyOf(pattern, payload, context.idempotencyKey, context.actor?.organizationId),
      commitBy: commitByOf(deadline),
      payload,
    };
    const started = performance.now();
    const took = () => (performance.now() - started) / 1000;
    try {
      const reply = await activeContext.with(callContext, () => this.clients[service].request<RpcReplyOf<TContract>>(pattern, request, deadline));
      rpcClientDuration.observe({ service, pattern, outcome: 'ok' }, took());
      return reply;
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      if (isErrorBody(error)) {
        rpcClientDuration.observe({ service, pattern, outcome: outcomeOfStatus(error.statusCode) }, took());
        throw new HttpException(error, error.statusCode);
      }
      rpcClientDuration.observe({ service, pattern, outcome: error instanceof TimeoutError ? 'timeout' : 'unavailable' }, took());
      const why = error instanceof TimeoutError ? `did not answer within ${deadline} ms` : `cannot be reached (${(error as Error)?.message ?? error})`;
      this.logger.warn(`${pattern} [${context.requestId}]: ${service} ${why}`);
      throw new HttpException(errorBody(503, `The ${service} service ${why}; try again shortly.`, 'SERVICE_UNAVAILABLE'), 503);
    } finally {
      span.end();
    }
  }
}
