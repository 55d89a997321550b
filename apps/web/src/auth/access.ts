import { AclState, Me, Permissions } from '../api/types';

/** What the session may do, as /api/me and /api/me/permissions say: pages and the menu ask this. */
export interface Access {
  me: Me;
  permissions: Permissions;
}

/** An entity's state for this session; identity's entities unless `source` says tickets. */
export function entityState(access: Access, entity: string, source: 'identity' | 'tickets' = 'identity'): AclState {
  return access.permissions.entities.find((e) => e.entity === entity && e.source === source)?.state ?? 'DISABLED';
}

/** Whether the session may at least read the entity (ENABLED or READ_ONLY). */
export const canSee = (access: Access, entity: string, source: 'identity' | 'tickets' = 'identity'): boolean =>
  entityState(access, entity, source) !== 'DISABLED';

/** Whether the session may change the entity (ENABLED). */
export const canChange = (access: Access, entity: string, source: 'identity' | 'tickets' = 'identity'): boolean =>
  entityState(access, entity, source) === 'ENABLED';

/** Whether one of identity's capabilities is granted (tickets' own ones sit in permissions.tickets). */
export const hasCapability = (access: Access, capability: string): boolean =>
  access.permissions.capabilities.some((c) => c.capability === capability && c.state !== 'DISABLED');

/** Whether the ticket routes are open to this session (an ACTIVE, enabled tickets user). */
export const ticketsUsable = (access: Access): boolean => access.permissions.tickets.usable === true;
