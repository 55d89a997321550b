import { AclScope, placementInScope, Subject } from '@app/acl';
import { ServiceError } from '@app/service-kit';

/** What these checks read of a role. */
export interface ScopedRole {
  organizationId: string | null;
}

/** VIEW: system-wide roles and those of the scope's organization; GLOBAL: every role. */
export const roleVisible = (scope: AclScope, role: ScopedRole): boolean =>
  scope.level === 'GLOBAL' || (scope.level !== 'NONE' && (role.organizationId === null || role.organizationId === scope.organizationId));

/** A system-wide role is managed only at GLOBAL level; an organization's role within that organization. */
export function assertRoleInScope(actor: Subject, action: 'CREATE' | 'EDIT' | 'DELETE', organizationId: string | null): void {
  const scope = actor.scope('Role', action);
  if (organizationId === null ? scope.level === 'GLOBAL' : placementInScope(scope, { organizationId })) return;
  const where = organizationId === null ? 'a system-wide role, which needs GLOBAL' : `a role of organization ${organizationId}`;
  throw new ServiceError(403, `Access denied: ${action} on ${where} is beyond your level on Role (${scope.level}).`, 'ACCESS_DENIED', {
    missing: { entity: 'Role', action, level: organizationId === null ? 'GLOBAL' : 'ORGANIZATION' },
  });
}

/** 404 when the actor's VIEW scope does not show the role, 403 when the action's scope does not reach it. */
export function assertRoleReachable(actor: Subject, role: ScopedRole & { id: string }, action: 'EDIT' | 'DELETE'): void {
  if (!roleVisible(actor.scope('Role', 'VIEW'), role)) throw ServiceError.notFound(`role ${role.id}`);
  assertRoleInScope(actor, action, role.organizationId);
}
