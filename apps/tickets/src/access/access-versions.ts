import { EntityManager } from 'typeorm';

/** Every compiled subject depends on role definitions and the unit tree: one counter for both. */
export const bumpAclVersion = (manager: EntityManager): Promise<unknown> => manager.query('UPDATE ticket_acl_state SET version = version + 1 WHERE id = 1');

/** One user's subject depends on the roles it holds and its units. */
export const bumpUserAccess = (manager: EntityManager, userIds: string[]): Promise<unknown> =>
  manager.query('UPDATE ticket_users SET access_version = access_version + 1 WHERE id = ANY($1::uuid[])', [userIds]);
