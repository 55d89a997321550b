import { EventTypes, TicketsUserStatus, UserRolesView } from '@app/contracts';
import type { PublishInTransaction } from '@app/bus';
import { EntityManager } from 'typeorm';
import { userAccessChanged } from '../access/access-versions';

/**
 * Replaces the tickets roles a user holds (the caller has checked the role ids and locked the user).
 * Roles make the user ACTIVE, none make it NEW again; a change of status is announced.
 */
export async function setUserRoles(manager: EntityManager, publish: PublishInTransaction, userId: string, previous: TicketsUserStatus, roleIds: string[]): Promise<UserRolesView> {
  await manager.query('DELETE FROM ticket_user_roles WHERE user_id = $1', [userId]);
  if (roleIds.length) await manager.query('INSERT INTO ticket_user_roles (user_id, role_id) SELECT $1, unnest($2::uuid[])', [userId, roleIds]);
  const status: TicketsUserStatus = roleIds.length ? 'ACTIVE' : 'NEW';
  await manager.query('UPDATE ticket_users SET status = $2, updated_at = now() WHERE id = $1', [userId, status]);
  await userAccessChanged(manager, publish, [userId]);
  const view = await userRolesView(manager, userId, status);
  if (status !== previous) {
    await publish(status === 'ACTIVE' ? EventTypes.TicketsUserActivated : EventTypes.TicketsUserDeactivated, { userId, roles: view.roles });
  }
  return view;
}

export async function userRolesView(manager: EntityManager, userId: string, status: TicketsUserStatus): Promise<UserRolesView> {
  const roles: { id: string; name: string }[] = await manager.query(
    'SELECT r.id, r.name FROM ticket_user_roles ur JOIN ticket_roles r ON r.id = ur.role_id WHERE ur.user_id = $1 ORDER BY r.name',
    [userId],
  );
  return { id: userId, status, roles: roles.map((r) => r.name), roleIds: roles.map((r) => r.id) };
}

/** The union of the roles of the tickets profiles named exactly (case and spaces count) as one of `profileNames`. */
export async function rolesOfMatchingProfiles(manager: EntityManager, profileNames: string[]): Promise<string[]> {
  if (!profileNames.length) return [];
  const rows: { id: string }[] = await manager.query(
    `SELECT DISTINCT pr.role_id AS id FROM ticket_security_profiles p JOIN ticket_security_profile_roles pr ON pr.profile_id = p.id
      WHERE p.name = ANY($1::text[])`,
    [profileNames],
  );
  return rows.map((r) => r.id);
}
