/** Payload of `identity.user.created`: everything another service may mirror, never a credential. */
export interface UserCreatedData {
  id: string;
  username: string;
  email: string;
  namePrefix: string | null;
  firstName: string;
  middleName: string | null;
  lastName: string;
  nameSuffix: string | null;
  enabled: boolean;
  organizationIds: string[];
  businessUnitIds: string[];
  ownerBusinessUnitId: string;
  securityProfiles: string[];
}

/** Payload of `identity.user.updated`: the id and only the fields that changed. */
export type UserUpdatedData = { id: string } & Partial<Omit<UserCreatedData, 'id'>>;

/** Payload of `identity.user.enabled`, `.disabled`, `.locked` and `.password_reset`. */
export interface UserRefData {
  id: string;
}

export interface RoleChangedData {
  roleId: string;
}

/**
 * Payload of `identity.business-unit.changed` (a unit created or moved): what another service needs
 * to rebuild the business-unit tree for DIVISION scopes.
 */
export interface BusinessUnitChangedData {
  id: string;
  organizationId: string;
  parentId: string | null;
}
