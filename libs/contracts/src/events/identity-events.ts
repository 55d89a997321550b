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

/**
 * Why a lock ended: an administrator's Activate, the wait of a temporary lock running out, or an
 * operator's `npm run user:activate`.
 */
export type UnlockReason = 'ACTIVATED' | 'EXPIRED' | 'OPERATOR';

/** Payload of `identity.user.unlocked`: a LOCKED user is ACTIVE again. */
export interface UserUnlockedData {
  id: string;
  reason: UnlockReason;
}

/**
 * Payload of `identity.session.ended`: one session ended by its logout. The session id is no
 * credential (a token also needs the signing secret); user and password events end all of a user's
 * sessions and have events of their own.
 */
export interface SessionEndedData {
  sessionId: string;
  userId: string;
  reason: 'LOGOUT';
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
