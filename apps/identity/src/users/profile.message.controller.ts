import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DirectoryPatterns, RpcRequest, UpdateProfileDto } from '@app/contracts';
import { parsePayload, ServiceError } from '@app/service-kit';
import { UserAccountsService } from './user-accounts.service';

/** The caller's own profile: the actor the gateway vouches for, never an id from the body. */
@Controller()
export class ProfileMessageController {
  constructor(private readonly accounts: UserAccountsService) {}

  @MessagePattern(DirectoryPatterns.profileGet)
  async profile(@Payload() request: RpcRequest) {
    return this.accounts.profile(actorOf(request));
  }

  @MessagePattern(DirectoryPatterns.profileUpdate)
  async updateProfile(@Payload() request: RpcRequest) {
    return this.accounts.updateProfile(actorOf(request), await parsePayload(UpdateProfileDto, request), request.requestId);
  }
}

const actorOf = (request: RpcRequest): string => {
  if (!request?.actor?.userId) throw new ServiceError(401, 'This needs a logged-in user.', 'NOT_AUTHENTICATED');
  return request.actor.userId;
};
