import type { LdapDirectoryView } from '@app/contracts';
import { LdapDirectory } from './ldap-directory.entity';

/** What administrators see of a directory: everything but the password, which is only said to exist. */
export const toDirectoryView = (d: LdapDirectory): LdapDirectoryView => ({
  id: d.id,
  organizationId: d.organizationId,
  url: d.url,
  bindDn: d.bindDn,
  hasBindPassword: true,
  baseDn: d.baseDn,
  userFilter: d.userFilter,
  attributeMapping: d.attributeMapping,
  roleMapping: d.roleMapping,
  ownerBusinessUnitId: d.ownerBusinessUnitId,
  defaultRoleIds: d.defaultRoleIds,
  createdAt: d.createdAt.toISOString(),
  updatedAt: (d.updatedAt ?? d.createdAt).toISOString(),
});
