import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Req, StreamableFile } from '@nestjs/common';
import { ConfigurationQueryDto, IdentityRpc, ListUsersDto, UpdateUserDto, UserConfigurationDto } from '@app/contracts';
import { RequirePermission } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { RpcClient } from '../rpc/rpc.client';

/** The users directory beyond create (which users.http.controller.ts serves). */
@Controller('users')
export class UserDirectoryHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('User', 'VIEW')
  list(@Query() query: ListUsersDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.usersList, query, callContext(request));
  }

  @Get(':id')
  @RequirePermission('User', 'VIEW')
  view(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.usersView, { id }, callContext(request));
  }

  @Get(':id/avatar')
  @RequirePermission('User', 'VIEW')
  async avatar(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest): Promise<StreamableFile> {
    const image = await this.rpc.call(IdentityRpc.usersAvatarGet, { id }, callContext(request));
    return new StreamableFile(Buffer.from(image.dataBase64, 'base64'), { type: image.contentType });
  }

  @Patch(':id')
  @RequirePermission('User', 'EDIT')
  update(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateUserDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.usersUpdate, { ...body, id }, callContext(request));
  }

  @Post(':id/enable')
  @HttpCode(200)
  @RequirePermission('User', 'EDIT')
  enable(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.usersEnable, { id }, callContext(request));
  }

  @Post(':id/disable')
  @HttpCode(200)
  @RequirePermission('User', 'EDIT')
  disable(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.usersDisable, { id }, callContext(request));
  }

  /** OroCRM's Activate: unlocks a user locked after too many failed logins. */
  @Post(':id/activate')
  @HttpCode(200)
  @RequirePermission('User', 'EDIT')
  activate(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.usersActivate, { id }, callContext(request));
  }

  /** The user's settings in `?organizationId=` (the administrator's current organization by default). */
  @Get(':id/configuration')
  @RequirePermission('User', 'CONFIGURE')
  configuration(@Param('id', uuidParam('id')) id: string, @Query() query: ConfigurationQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.configurationGet, { userId: id, ...query }, callContext(request));
  }

  @Put(':id/configuration')
  @RequirePermission('User', 'CONFIGURE')
  configure(
    @Param('id', uuidParam('id')) id: string,
    @Query() query: ConfigurationQueryDto,
    @Body() body: UserConfigurationDto,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.rpc.call(IdentityRpc.configurationPut, { ...body, userId: id, ...query }, callContext(request));
  }
}
