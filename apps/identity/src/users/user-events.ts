import { UserCreatedData, UserUpdatedData } from '@app/contracts';

/** The user properties the identity.user.* events carry (DESIGN.md section 2, the events table). */
export type MirroredUser = Omit<UserCreatedData, 'email'> & { primaryEmail: string };

/** identity.user.created: the user as other services mirror it. */
export const userCreatedData = (user: MirroredUser): UserCreatedData => ({
  id: user.id,
  username: user.username,
  email: user.primaryEmail,
  namePrefix: user.namePrefix,
  firstName: user.firstName,
  middleName: user.middleName,
  lastName: user.lastName,
  nameSuffix: user.nameSuffix,
  enabled: user.enabled,
  organizationIds: user.organizationIds,
  businessUnitIds: user.businessUnitIds,
  ownerBusinessUnitId: user.ownerBusinessUnitId,
  securityProfiles: user.securityProfiles,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * identity.user.updated: the id and only the mirrored fields that changed, or null when none did.
 * `enabled` is left out: enabling and disabling have events of their own.
 */
export function userUpdatedData(before: MirroredUser, after: MirroredUser): UserUpdatedData | null {
  const was = userCreatedData(before) as unknown as Record<string, unknown>;
  const now = userCreatedData(after) as unknown as Record<string, unknown>;
  const data: Record<string, unknown> = { id: after.id };
  for (const key of Object.keys(now)) {
    if (key !== 'id' && key !== 'enabled' && !same(was[key], now[key])) data[key] = now[key];
  }
  return Object.keys(data).length > 1 ? (data as unknown as UserUpdatedData) : null;
}
