import { Global, Module } from '@nestjs/common';
import { ClientsModule } from '@nestjs/microservices';
import { RpcClientRmq, rpcTransportOptions } from '@app/bus';
import type { RpcService } from '@app/contracts';
import { SETTINGS, Settings } from '@app/service-kit';
import { RPC_CLIENTS } from './rpc-client.tokens';
import { RpcClient } from './rpc.client';

const client = (service: RpcService) => ({
  name: RPC_CLIENTS[service],
  inject: [SETTINGS],
  useFactory: (settings: Settings) => ({ customClass: RpcClientRmq, options: rpcTransportOptions(service, settings.amqpUrl, settings.amqpQueueType).options }),
});

@Global()
@Module({
  imports: [ClientsModule.registerAsync([client('identity'), client('tickets'), client('portal')])],
  providers: [RpcClient],
  exports: [RpcClient],
})
export class RpcModule {}
