import { User } from './user.entity';

/** A user as the API shows it: never the password hash, never the avatar's bytes (see avatarUrl). */
export interface UserView {
  id: string;
  username: string;
  enabled: boolean;
  authStatus: string;
  namePrefix: string | null;
  firstName: string;
  middleName: string | null;
  lastName: string;
  nameSuffix: string | null;
  birthday: string | null;
  primaryEmail: string;
  emails: string[];
  phone: string | null;
  customFields: Record<string, string | number | boolean>;
  avatarUrl: string | null;
  ownerBusinessUnitId: string;
  organizationIds: string[];
  businessUnitIds: string[];
  securityProfiles: string[];
  groups: { id: string; name: string }[];
  roles: { roleId: string; name: string; fixed: boolean; default: boolean }[];
  createdAt: string;
  updatedAt: string;
}

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
  createdAt: user.createdAt.toISOString(),
  updatedAt: (user.updatedAt ?? user.createdAt).toISOString(),
});
