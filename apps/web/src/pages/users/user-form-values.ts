import type { RoleAssignment, User } from './users-api';

/** A user form's state: every field of POST /api/users (PATCH takes the same but the password). */
export interface UserFormValues {
  username: string;
  password: string;
  passwordConfirm: string;
  primaryEmail: string;
  namePrefix: string;
  firstName: string;
  middleName: string;
  lastName: string;
  nameSuffix: string;
  birthday: string;
  phone: string;
  emails: string[];
  enabled: boolean;
  ownerBusinessUnitId: string | null;
  organizationIds: string[];
  businessUnitIds: string[];
  roles: RoleAssignment[];
  securityProfiles: string[];
  groups: string[];
  sendInvitation: boolean;
}

export const emptyUserForm = (organizationId: string | null): UserFormValues => ({
  username: '',
  password: '',
  passwordConfirm: '',
  primaryEmail: '',
  namePrefix: '',
  firstName: '',
  middleName: '',
  lastName: '',
  nameSuffix: '',
  birthday: '',
  phone: '',
  emails: [],
  enabled: true,
  ownerBusinessUnitId: null,
  organizationIds: organizationId ? [organizationId] : [],
  businessUnitIds: [],
  roles: [],
  securityProfiles: [],
  groups: [],
  sendInvitation: false,
});

export const userFormOf = (user: User): UserFormValues => ({
  ...emptyUserForm(null),
  username: user.username,
  primaryEmail: user.primaryEmail,
  namePrefix: user.namePrefix ?? '',
  firstName: user.firstName,
  middleName: user.middleName ?? '',
  lastName: user.lastName,
  nameSuffix: user.nameSuffix ?? '',
  birthday: user.birthday ?? '',
  phone: user.phone ?? '',
  emails: user.emails,
  enabled: user.enabled,
  ownerBusinessUnitId: user.ownerBusinessUnitId,
  organizationIds: user.organizationIds,
  businessUnitIds: user.businessUnitIds,
  roles: user.roles.map(({ roleId, fixed, default: byDefault }) => ({ roleId, fixed, default: byDefault })),
  securityProfiles: user.securityProfiles,
  groups: user.groups.map((g) => g.id),
});

/** Optional texts: left empty they are left out of a create, and cleared (null) by an edit. */
const OPTIONAL_TEXTS = ['namePrefix', 'middleName', 'nameSuffix', 'birthday', 'phone'] as const;

/** The body of POST /api/users; the API checks every field and names the ones it refuses. */
export function createBody(values: UserFormValues, withSecurityProfiles: boolean, withGroups: boolean): Record<string, unknown> {
  const { ownerBusinessUnitId, securityProfiles, groups, sendInvitation, ...rest } = values;
  const body: Record<string, unknown> = { ...rest, ownerBusinessUnitId: ownerBusinessUnitId ?? '' };
  for (const field of OPTIONAL_TEXTS) if (!values[field]) delete body[field];
  if (withSecurityProfiles) body.securityProfiles = securityProfiles;
  if (withGroups) body.groups = groups;
  if (sendInvitation) body.sendInvitation = true;
  return body;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The body of PATCH /api/users/:id: only what changed (an unchanged field is left alone, and needs no right). */
export function updateBody(before: UserFormValues, after: UserFormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const fields = Object.keys(after).filter((f) => !['password', 'passwordConfirm', 'sendInvitation'].includes(f)) as (keyof UserFormValues)[];
  for (const field of fields) {
    if (same(before[field], after[field])) continue;
    const value = after[field];
    body[field] = (OPTIONAL_TEXTS as readonly string[]).includes(field) && value === '' ? null : value;
  }
  return body;
}
