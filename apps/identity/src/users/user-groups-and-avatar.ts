import { AvatarInput } from '@app/contracts';
import { EntityManager } from 'typeorm';
import { UserGroup } from '../groups/group.entity';
import { UserAvatar } from './user-avatar.entity';
import { UserViewExtras } from './user-view';

/** Replaces the user's groups (ids already checked). */
export async function saveGroups(manager: EntityManager, userId: string, groupIds: string[]): Promise<void> {
  await manager.delete(UserGroup, { userId });
  if (groupIds.length) await manager.insert(UserGroup, groupIds.map((groupId) => ({ userId, groupId })));
}

/** Stores (or with null removes) the user's avatar; the input passed the image check already. */
export async function saveAvatar(manager: EntityManager, userId: string, avatar: AvatarInput | null): Promise<void> {
  if (avatar === null) {
    await manager.delete(UserAvatar, { userId });
    return;
  }
  await manager.upsert(UserAvatar, { userId, contentType: avatar.contentType, data: Buffer.from(avatar.dataBase64, 'base64') }, ['userId']);
}

/** Groups and avatar presence of several users, for their views. */
export async function loadExtras(manager: EntityManager, userIds: string[]): Promise<Map<string, UserViewExtras>> {
  const extras = new Map<string, UserViewExtras>(userIds.map((id) => [id, { groups: [], hasAvatar: false }]));
  if (!userIds.length) return extras;
  const groups: { userId: string; id: string; name: string }[] = await manager.query(
    `SELECT ug.user_id AS "userId", g.id, g.name FROM user_groups ug JOIN groups g ON g.id = ug.group_id
      WHERE ug.user_id = ANY($1::uuid[]) ORDER BY lower(g.name)`,
    [userIds],
  );
  for (const g of groups) extras.get(g.userId)!.groups!.push({ id: g.id, name: g.name });
  const avatars: { userId: string }[] = await manager.query('SELECT user_id AS "userId" FROM user_avatars WHERE user_id = ANY($1::uuid[])', [userIds]);
  for (const a of avatars) extras.get(a.userId)!.hasAvatar = true;
  return extras;
}

