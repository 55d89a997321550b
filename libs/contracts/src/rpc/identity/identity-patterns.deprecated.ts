import { patternsOf } from '../rpc-contract';
import { IdentityRpc } from './identity.rpc';

// The pattern maps identity's message controllers still read; they derive from IdentityRpc, so the
// strings exist once. Identity switches to `IdentityRpc.<entry>.pattern` and these go.

/** @deprecated Use `IdentityRpc`. */
export const RpcPatterns = { identity: patternsOf(IdentityRpc, ['authLogin', 'sessionsGet', 'sessionsEnd', 'usersCreate']) } as const;

/** @deprecated Use `IdentityRpc`. */
export const DirectoryPatterns = patternsOf(IdentityRpc, [
  'organizationsList',
  'organizationsGet',
  'organizationsCreate',
  'organizationsRename',
  'businessUnitsList',
  'businessUnitsGet',
  'businessUnitsCreate',
  'businessUnitsRename',
  'businessUnitsMove',
  'rolesList',
  'rolesGet',
  'rolesCreate',
  'rolesUpdate',
  'rolesDelete',
  'securityProfilesList',
  'securityProfilesGet',
  'securityProfilesCreate',
  'securityProfilesUpdate',
  'securityProfilesDelete',
  'groupsList',
  'groupsGet',
  'groupsCreate',
  'groupsRename',
  'groupsDelete',
  'usersList',
  'usersView',
  'usersUpdate',
  'usersEnable',
  'usersDisable',
  'usersActivate',
  'usersAvatarGet',
  'profileGet',
  'profileUpdate',
  'configurationGet',
  'configurationPut',
]);

/** @deprecated Use `IdentityRpc`. */
export const IdentityCredentialsPatterns = patternsOf(IdentityRpc, [
  'passwordsChange',
  'passwordsSuggest',
  'passwordResetsCreate',
  'passwordResetsCreateOne',
  'passwordResetsConfirm',
  'apiKeysGenerate',
  'apiKeysVerify',
  'exportsCreate',
  'exportsGet',
  'exportsRead',
]);
