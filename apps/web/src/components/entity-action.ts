import type { Access } from '../auth/access';

/**
 * Whether the session's roles give one action on an entity at some level (from /api/me/permissions'
 * `levels`): finer than canChange, for buttons of one action (CREATE a user, EDIT a unit).
 */
export function canAct(access: Access, entity: string, action: string, source: 'identity' | 'tickets' = 'identity'): boolean {
  const level = access.permissions.entities.find((e) => e.entity === entity && e.source === source)?.levels[action];
  return level !== undefined && level !== 'NONE';
}
