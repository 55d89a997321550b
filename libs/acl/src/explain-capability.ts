import { UnknownAclNameError } from './errors';
import { ExplainSubject } from './explain';
import { AclState } from './states';

/** What one role does for a capability; `code` is stable, `message` is for a person. */
export interface RoleCapabilityExplanation {
  readonly role: string;
  readonly readOnly: boolean;
  /** FULL: counts; READ_ONLY: named by a read-only role, shown but not usable; NONE: not named. */
  readonly grant: 'FULL' | 'READ_ONLY' | 'NONE';
  readonly code: 'GRANTED' | 'READ_ONLY_ROLE' | 'NO_GRANT';
  readonly message: string;
}

export interface CapabilityExplanation {
  readonly capability: string;
  /** As Subject.hasCapability: some role that is not read-only grants it. */
  readonly allowed: boolean;
  /** As Subject.capabilityState. */
  readonly state: AclState;
  /** The roles that make it allowed (empty when it is not). */
  readonly grantingRoles: readonly string[];
  readonly roles: readonly RoleCapabilityExplanation[];
  readonly summary: string;
}

/** Which roles give a capability, and why a read-only role's grant does not count. */
export function explainCapability(subject: ExplainSubject, capability: string): CapabilityExplanation {
  if (subject.catalogue.capabilityIndex(capability) === undefined) throw new UnknownAclNameError('capability', capability);
  const roles = subject.roles.map((role): RoleCapabilityExplanation => {
    const readOnly = role.readOnly === true;
    const names = role.capabilities.includes(capability);
    if (!names) return Object.freeze({ role: role.name, readOnly, grant: 'NONE', code: 'NO_GRANT', message: `Role ${role.name} does not grant ${capability}.` });
    if (readOnly) {
      return Object.freeze({
        role: role.name,
        readOnly,
        grant: 'READ_ONLY',
        code: 'READ_ONLY_ROLE',
        message: `Role ${role.name} names ${capability} but is read-only, so it shows as READ_ONLY and does not allow its use.`,
      });
    }
    return Object.freeze({ role: role.name, readOnly, grant: 'FULL', code: 'GRANTED', message: `Role ${role.name} grants ${capability}.` });
  });
  const grantingRoles = roles.filter((role) => role.grant === 'FULL').map((role) => role.role);
  const allowed = grantingRoles.length > 0;
  const state: AclState = allowed ? 'ENABLED' : roles.some((role) => role.grant === 'READ_ONLY') ? 'READ_ONLY' : 'DISABLED';
  const summary = allowed
    ? `You hold ${capability}, given by ${grantingRoles.join(', ')}.`
    : state === 'READ_ONLY'
      ? `You do not hold ${capability}: only read-only roles name it.`
      : `You do not hold ${capability}: none of your roles grants it.`;
  return Object.freeze({ capability, allowed, state, grantingRoles: Object.freeze(grantingRoles), roles: Object.freeze(roles), summary });
}
