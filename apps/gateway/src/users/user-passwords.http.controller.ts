import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ChangePasswordDto, IdentityRpc, PasswordChanged, PasswordResetsDone, PasswordSuggestion, ResetPasswordsDto } from '@app/contracts';
import { RequireCapability, RequirePermission } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { RpcClient } from '../rpc/rpc.client';

/**
 * An administrator's password actions on users (OroCRM "Change Password", "Reset Password").
 * Editing a user's credentials is editing the user: User EDIT, within the scope identity applies.
 */
@Controller('users')
export class UserPasswordsHttpController {
  constructor(private readonly rpc: RpcClient) {}

  /** A strong random password that meets the policy, for the administrator to hand over. */
  @Get('password-suggestion')
  @RequireCapability('user_management')
  suggest(@Req() request: AuthenticatedRequest): Promise<PasswordSuggestion> {
    return this.rpc.call(IdentityRpc.passwordsSuggest, {}, callContext(request));
  }

  /** The same for one user, checked like setting its password: 404 out of reach, 409 PASSWORD_MANAGED_BY_DIRECTORY for an LDAP user. */
  @Get(':id/password-suggestion')
  @RequirePermission('User', 'EDIT')
  suggestFor(@Param('id', uuidParam('id')) userId: string, @Req() request: AuthenticatedRequest): Promise<PasswordSuggestion> {
    return this.rpc.call(IdentityRpc.passwordsSuggestFor, { userId }, callContext(request));
  }

  /** Sets the password; a user of an LDAP directory is a 409 PASSWORD_MANAGED_BY_DIRECTORY (its password is the directory's). */
  @Post(':id/password')
  @HttpCode(200)
  @RequirePermission('User', 'EDIT')
  change(@Param('id', uuidParam('id')) userId: string, @Body() body: ChangePasswordDto, @Req() request: AuthenticatedRequest): Promise<PasswordChanged> {
    return this.rpc.call(IdentityRpc.passwordsChange, { ...body, userId }, callContext(request));
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @RequirePermission('User', 'EDIT')
  resetOne(@Param('id', uuidParam('id')) userId: string, @Req() request: AuthenticatedRequest): Promise<PasswordResetsDone> {
    return this.rpc.call(IdentityRpc.passwordResetsCreateOne, { userId }, callContext(request));
  }

  /**
   * The mass action of the users list: all of them or, if one is unknown, none. Users of an LDAP
   * directory are left as they are and listed under `skipped` with PASSWORD_MANAGED_BY_DIRECTORY;
   * the single reset answers 409 for them.
   */
  @Post('password-reset')
  @HttpCode(200)
  @RequirePermission('User', 'EDIT')
  resetMany(@Body() body: ResetPasswordsDto, @Req() request: AuthenticatedRequest): Promise<PasswordResetsDone> {
    return this.rpc.call(IdentityRpc.passwordResetsCreate, body, callContext(request));
  }
}
