import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CreatePaymentPayloadDto, ModuleKeyDto, PageQueryDto, PortalRpc, RpcRequest } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { ModulesService } from '../modules/modules.service';
import { accountActorOf } from './actor';
import { PaymentsService } from './payments.service';

/** The caller's client account (its session's organization): ledger, payments, modules. */
@Controller()
export class AccountMessageController {
  constructor(
    private readonly ledger: PaymentsService,
    private readonly modules: ModulesService,
  ) {}

  @RpcHandler(PortalRpc.accountGet)
  async account(@Payload() request: RpcRequest) {
    return this.ledger.account(accountActorOf(request).organizationId);
  }

  @RpcHandler(PortalRpc.paymentsList)
  async payments(@Payload() request: RpcRequest) {
    return this.ledger.list(accountActorOf(request).organizationId, await parsePayload(PageQueryDto, request));
  }

  @RpcHandler(PortalRpc.paymentsCreate)
  async pay(@Payload() request: RpcRequest) {
    return this.ledger.record(request.requestId, accountActorOf(request), await parsePayload(CreatePaymentPayloadDto, request));
  }

  @RpcHandler(PortalRpc.modulesList)
  async modulesList(@Payload() request: RpcRequest) {
    return this.modules.list(accountActorOf(request).organizationId);
  }

  @RpcHandler(PortalRpc.modulesAdd)
  async addModule(@Payload() request: RpcRequest) {
    return this.modules.add(request, accountActorOf(request), (await parsePayload(ModuleKeyDto, request)).key);
  }

  @RpcHandler(PortalRpc.modulesRemove)
  async removeModule(@Payload() request: RpcRequest) {
    return this.modules.remove(request.requestId, accountActorOf(request), (await parsePayload(ModuleKeyDto, request)).key);
  }
}
