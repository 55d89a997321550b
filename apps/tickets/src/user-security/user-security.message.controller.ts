import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AssignTicketRolesPayloadDto, ListUserSecurityDto, RpcRequest, TicketsRpc } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { UserSecurityService } from './user-security.service';

/** Gated in the gateway by identity's `ticket_user_security` capability. */
@Controller()
export class UserSecurityMessageController {
  constructor(private readonly userSecurity: UserSecurityService) {}

  @RpcHandler(TicketsRpc.userSecurityList)
  async list(@Payload() request: RpcRequest) {
    return this.userSecurity.list(await parsePayload(ListUserSecurityDto, request));
  }

  @RpcHandler(TicketsRpc.userSecurityAssignRoles)
  async assignRoles(@Payload() request: RpcRequest) {
    const { userId, roleIds } = await parsePayload(AssignTicketRolesPayloadDto, request);
    return this.userSecurity.assignRoles(userId, roleIds, request);
  }
}
