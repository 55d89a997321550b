import { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { ServiceError } from '@app/service-kit/errors/service-error';

/** The row, locked for the rest of the transaction; a 404 naming `what` when there is none. */
export async function lockedOr404<T extends { id: string }>(manager: EntityManager, entity: EntityTarget<T>, id: string, what: string): Promise<T> {
  const row = await manager.findOne(entity, { where: { id } as FindOptionsWhere<T>, lock: { mode: 'pessimistic_write' } });
  if (!row) throw ServiceError.notFound(`${what} ${id}`);
  return row;
}
