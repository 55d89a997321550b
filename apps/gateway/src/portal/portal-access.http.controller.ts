import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { AccessProfileBodyDto, PageQueryDto, PortalRpc, SetUserAccessDto, UpdateAccessProfileDto } from '@app/contracts';
import { AccessPolicy } from '../access/access-policy';
import { RequireCapability } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { keyedCallContext } from '../http/idempotency-key-header';
import { RpcClient } from '../rpc/rpc.client';

/**
 * Portal access administration (`portal_access_admin`): access profiles, and users' access for the
 * users the administrator reaches (its session's organization; everybody with User VIEW at GLOBAL).
 */
@Controller('portal')
export class PortalAccessHttpController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly policy: AccessPolicy,
  ) {}

  @Get('access-profiles')
  @RequireCapability('portal_access_admin')
  listProfiles(@Query() query: PageQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(PortalRpc.profilesList, query, callContext(request));
  }

  @Post('access-profiles')
  @RequireCapability('portal_access_admin')
  createProfile(@Body() body: AccessProfileBodyDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(PortalRpc.profilesCreate, body, keyedCallContext(request));
  }

  @Patch('access-profiles/:id')
  @RequireCapability('portal_access_admin')
  updateProfile(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateAccessProfileDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(PortalRpc.profilesUpdate, { ...body, id }, callContext(request));
  }

  /** 409 ACCESS_PROFILE_IN_USE while users hold it. */
  @Delete('access-profiles/:id')
  @RequireCapability('portal_access_admin')
  deleteProfile(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(PortalRpc.profilesDelete, { id }, callContext(request));
  }

  @Get('users/:userId/access')
  @RequireCapability('portal_access_admin')
  access(@Param('userId', uuidParam('userId')) userId: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(PortalRpc.userAccessGet, this.reach(request, userId), callContext(request));
  }

  @Put('users/:userId/access')
  @RequireCapability('portal_access_admin')
  setAccess(@Param('userId', uuidParam('userId')) userId: string, @Body() body: SetUserAccessDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(PortalRpc.userAccessSet, { ...this.reach(request, userId), profile: body.profile }, callContext(request));
  }

  /** Restores the minimum. */
  @Delete('users/:userId/access')
  @RequireCapability('portal_access_admin')
  removeAccess(@Param('userId', uuidParam('userId')) userId: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(PortalRpc.userAccessReset, this.reach(request, userId), callContext(request));
  }

  private reach(request: AuthenticatedRequest, userId: string) {
    return { userId, organizationId: this.policy.reachableOrganizationOf(request.user) };
  }
}
