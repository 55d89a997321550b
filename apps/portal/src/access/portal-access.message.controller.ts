import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { PortalRpc, RpcRequest, UserRefDto } from '@app/contracts';
import { parsePayload, RpcHandler, ServiceError } from '@app/service-kit';
import { PortalAccessService, UserAccessView } from './portal-access.service';
import { FeatureView } from './portal-features';

@Controller()
export class PortalAccessMessageController {
  constructor(private readonly access: PortalAccessService) {}

  @RpcHandler(PortalRpc.homeGet)
  async home(@Payload() request: RpcRequest): Promise<{ profile: string; features: FeatureView[] }> {
    if (!request?.actor) throw new ServiceError(401, 'The portal home belongs to a logged-in user.', 'NOT_AUTHENTICATED');
    return this.access.home(request.actor.userId);
  }

  @RpcHandler(PortalRpc.accessGet)
  async accessOf(@Payload() request: RpcRequest): Promise<UserAccessView> {
    return this.access.accessOf((await parsePayload(UserRefDto, request)).userId);
  }
}
