import { User } from './user.entity';

/** A user as the API shows it: never the password hash. */
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
  primaryEmail: string;
  ownerBusinessUnitId: string;
  organizationIds: string[];
  businessUnitIds: string[];
  securityProfiles: string[];
  roles: { roleId: string; name: string; fixed: boolean; default: boolean }[];
  createdAt: string;
}

export const toUserView = (user: User, roles: UserView['roles']): UserView => ({
  id: user.id,
  username: user.username,
  enabled: user.enabled,
  authStatus: user.authStatus,
  namePrefix: user.namePrefix,
  firstName: user.firstName,
  middleName: user.middleName,
  lastName: user.lastName,
  nameSuffix: user.nameSuffix,
  primaryEmail: user.primaryEmail,
  ownerBusinessUnitId: user.ownerBusinessUnitId,
  organizationIds: user.organizationIds,
  businessUnitIds: user.businessUnitIds,
  securityProfiles: user.securityProfiles,
  roles,
  createdAt: user.createdAt.toISOString(),
});
