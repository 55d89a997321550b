import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessProfileBodyDto, AccessProfileView, Deleted, EventTypes, PageQueryDto, UpdateAccessProfilePayloadDto } from '@app/contracts';
import { Outbox } from '@app/bus';
import { pageOf, rethrowUnique, ServiceError } from '@app/service-kit';
import { idempotentValue, KeyedRequest } from '@app/service-kit/database';
import { DataSource, EntityManager } from 'typeorm';

const COLUMNS = `id, name, description, features, built_in AS "builtIn", created_at AS "createdAt", updated_at AS "updatedAt"`;
const UNIQUE_NAME = { portal_access_profiles_name_unique: 'name', portal_access_profiles_name_ci_unique: 'name' };

/**
 * Access profiles: named tiers with a description and the features they open. MINIMUM is built in
 * and fixed. A profile that users hold cannot be deleted (409 ACCESS_PROFILE_IN_USE, enforced by the
 * foreign key of portal_user_access, so no user is ever left on a missing profile); a rename follows
 * to its holders (ON UPDATE CASCADE). Changing its features tells the gateway about every holder.
 */
@Injectable()
export class AccessProfilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async list(query: PageQueryDto) {
    const { limit, offset } = pageOf(query);
    const items: AccessProfileView[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM portal_access_profiles ORDER BY built_in DESC, name_key LIMIT $1 OFFSET $2`, [limit, offset]);
    const [{ total }] = await this.dataSource.query('SELECT count(*)::int AS total FROM portal_access_profiles');
    return { items, total };
  }

  async create(request: KeyedRequest, body: AccessProfileBodyDto): Promise<AccessProfileView> {
    try {
      return await this.dataSource.transaction((manager) =>
        idempotentValue(manager, request, async () => {
          const [row] = await manager.query(`INSERT INTO portal_access_profiles (name, description, features) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`, [
            body.name,
            body.description.trim(),
            body.features,
          ]);
          return row;
        }),
      );
    } catch (error) {
      rethrowUnique(error, UNIQUE_NAME);
    }
  }

  async update(requestId: string, body: UpdateAccessProfilePayloadDto): Promise<AccessProfileView> {
    try {
      return await this.outbox.transaction(requestId, async (manager, publish) => {
        const before = await this.lockedEditable(manager, body.id);
        // UPDATE answers [rows, count] in TypeORM's PostgreSQL driver.
        const [[row]] = await manager.query(
          `UPDATE portal_access_profiles SET name = coalesce($2, name), description = coalesce($3, description), features = coalesce($4, features), updated_at = now()
            WHERE id = $1 RETURNING ${COLUMNS}`,
          [body.id, body.name ?? null, body.description?.trim() ?? null, body.features ?? null],
        );
        if (before.name !== row.name || (body.features && body.features.join() !== before.features.join())) {
          await publish(EventTypes.PortalAccessChanged, { userId: null, profile: row.name });
        }
        return row;
      });
    } catch (error) {
      rethrowUnique(error, UNIQUE_NAME);
    }
  }

  async delete(id: string): Promise<Deleted> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.lockedEditable(manager, id);
        await manager.query('DELETE FROM portal_access_profiles WHERE id = $1', [id]);
        return { id, deleted: true as const };
      });
    } catch (error) {
      if ((error as { code?: string }).code !== '23503') throw error;
      throw new ServiceError(409, 'This access profile is held by users; move them to another profile (or remove their access) first.', 'ACCESS_PROFILE_IN_USE');
    }
  }

  private async lockedEditable(manager: EntityManager, id: string): Promise<AccessProfileView> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM portal_access_profiles WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw ServiceError.notFound(`access profile ${id}`, 'ACCESS_PROFILE_NOT_FOUND');
    if (row.builtIn) throw new ServiceError(409, `The access profile ${row.name} is built in and cannot be changed or deleted.`, 'ACCESS_PROFILE_BUILT_IN');
    return row;
  }
}
