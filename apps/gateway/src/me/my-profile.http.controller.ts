import { Body, Controller, Get, Patch, Put, Req } from '@nestjs/common';
import { IdentityRpc, UpdateProfileDto, UserConfigurationDto } from '@app/contracts';
import { Authenticated } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { RpcClient } from '../rpc/rpc.client';

/** What every user may do to themself: their profile and their settings in the current organization. */
@Controller('me')
export class MyProfileHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('profile')
  @Authenticated()
  profile(@Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.profileGet, {}, callContext(request));
  }

  @Patch('profile')
  @Authenticated()
  updateProfile(@Body() body: UpdateProfileDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.profileUpdate, body, callContext(request));
  }

  @Get('configuration')
  @Authenticated()
  configuration(@Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.configurationGet, { userId: request.user.userId }, callContext(request));
  }

  @Put('configuration')
  @Authenticated()
  configure(@Body() body: UserConfigurationDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.configurationPut, { ...body, userId: request.user.userId }, callContext(request));
  }
}
