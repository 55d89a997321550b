import { User } from './user.entity';
import type { UserView } from '@app/contracts';

export interface UserViewExtras {
  groups?: UserView['groups'];
  hasAvatar?: boolean;
}

export const toUserView = (user: User, roles: UserView['roles'], extras: UserViewExtras = {}): UserView => ({
  id: user.id,
  username: user.username,
  enabled: user.enabled,
  authStatus: user.authStatus,
  namePrefix: user.namePrefix,
  firstName: user.firstName,
  middleName: user.middleName,
  lastName: user.lastName,
  nameSuffix: user.nameSuffix,
  birthday: user.birthday ?? null,
  primaryEmail: user.primaryEmail,
  emails: user.emails ?? [],
  phone: user.phone ?? null,
  customFields: user.customFields ?? {},
  avatarUrl: extras.hasAvatar ? `/api/users/${user.id}/avatar` : null,
  ownerBusinessUnitId: user.ownerBusinessUnitId,
  organizationIds: user.organizationIds,
  businessUnitIds: user.businessUnitIds,
  securityProfiles: user.securityProfiles,
  groups: extras.groups ?? [],
  roles,
  ...(user.ldapDn ? { ldapDn: user.ldapDn } : {}),
  ...(user.ldapDirectoryId ? { passwordManagedByDirectory: true as const } : {}),
  createdAt: user.createdAt.toISOString(),
  updatedAt: (user.updatedAt ?? user.createdAt).toISOString(),
});
