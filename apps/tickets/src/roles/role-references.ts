import { ServiceError } from '@app/service-kit';
import { fieldProblem } from '@app/contracts';
import { EntityManager } from 'typeorm';

/** 400 naming `field` when one of the role ids is no tickets role; rows are share-locked until commit. */
export async function assertRolesExist(manager: EntityManager, roleIds: string[], field = 'roleIds'): Promise<void> {
  if (!roleIds.length) return;
  const rows: { id: string }[] = await manager.query('SELECT id FROM ticket_roles WHERE id = ANY($1::uuid[]) FOR SHARE', [roleIds]);
  const known = new Set(rows.map((r) => r.id));
  const unknown = roleIds.filter((id) => !known.has(id));
  if (unknown.length) throw ServiceError.badInput([fieldProblem(field, `unknown tickets role(s): ${unknown.join(', ')}`)]);
}
