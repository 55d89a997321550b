import { Injectable } from '@nestjs/common';
import { CreateSecurityProfileDto, EventTypes, PageQueryDto, SecurityProfileView, UpdateSecurityProfileDto, UserUpdatedData } from '@app/contracts';
import { Outbox } from '@app/bus';
import { Page, pageOf, rethrowUnique, ServiceError } from '@app/service-kit';
import { idempotentValue, KeyedRequest } from '@app/service-kit/database';
import { assertNameFree, lockedOr404 } from '@app/role-store';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SecurityProfile } from './security-profile.entity';

const UNIQUE = { security_profiles_name_ci: 'name' };

@Injectable()
export class SecurityProfilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async list(query: PageQueryDto): Promise<Page<SecurityProfileView>> {
    const { limit, offset } = pageOf(query);
    const [profiles, total] = await this.dataSource.getRepository(SecurityProfile).findAndCount({ order: { name: 'ASC' }, take: limit, skip: offset });
    return { items: await this.views(this.dataSource.manager, profiles), total };
  }

  async get(id: string): Promise<SecurityProfileView> {
    const profile = await this.dataSource.getRepository(SecurityProfile).findOneBy({ id });
    if (!profile) throw ServiceError.notFound(`security profile ${id}`);
    return (await this.views(this.dataSource.manager, [profile]))[0];
  }

  async create(dto: CreateSecurityProfileDto, request: KeyedRequest): Promise<SecurityProfileView> {
    try {
      return await this.outbox.transaction(request.requestId, (manager) => idempotentValue(manager, request, async () => {
        await nameFree(manager, dto.name.trim(), null);
        const profile = await manager.save(manager.create(SecurityProfile, { name: dto.name.trim(), description: dto.description ?? null }));
        return (await this.views(manager, [profile]))[0];
      }));
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  /**
   * A rename is carried to every user holding the profile, each with identity.user.updated, so that
   * tickets keeps matching its own profiles by the new name.
   */
  async update(id: string, dto: UpdateSecurityProfileDto, correlationId: string | null): Promise<SecurityProfileView> {
    try {
      return await this.outbox.transaction(correlationId, async (manager, publish) => {
        const profile = await lockedOr404(manager, SecurityProfile, id, 'security profile');
        const name = dto.name?.trim();
        if (name !== undefined && name !== profile.name) {
          await nameFree(manager, name, id);
          // TypeORM answers an UPDATE with [rows, count].
          const [holders]: [{ id: string; security_profiles: string[] }[], number] = await manager.query(
            `UPDATE users SET security_profiles = array_replace(security_profiles, $1, $2), updated_at = now()
              WHERE $1 = ANY(security_profiles) RETURNING id, security_profiles`,
            [profile.name, name],
          );
          for (const holder of holders) {
            await publish(EventTypes.UserUpdated, { id: holder.id, securityProfiles: holder.security_profiles });
          }
          profile.name = name;
        }
        if (dto.description !== undefined) profile.description = dto.description;
        await manager.save(profile);
        return (await this.views(manager, [profile]))[0];
      });
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  /** Deletes a profile no user holds; a held one is a 409. */
  async delete(id: string, correlationId: string | null): Promise<{ id: string; deleted: true }> {
    return this.outbox.transaction(correlationId, async (manager) => {
      const profile = await lockedOr404(manager, SecurityProfile, id, 'security profile');
      const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM users WHERE $1 = ANY(security_profiles)', [profile.name]);
      if (count > 0) throw new ServiceError(409, `The security profile ${profile.name} is held by ${count} user(s); remove it from them first.`, 'SECURITY_PROFILE_IN_USE');
      await manager.delete(SecurityProfile, { id });
      return { id, deleted: true as const };
    });
  }

  private async views(manager: EntityManager, profiles: SecurityProfile[]): Promise<SecurityProfileView[]> {
    const counts: { name: string; count: number }[] = profiles.length
      ? await manager.query(
          'SELECT p.name, count(*)::int AS count FROM users u, unnest(u.security_profiles) AS p(name) WHERE p.name = ANY($1::text[]) GROUP BY p.name',
          [profiles.map((p) => p.name)],
        )
      : [];
    const countOf = new Map(counts.map((c) => [c.name, c.count]));
    return profiles.map((p) => ({ id: p.id, name: p.name, description: p.description, userCount: countOf.get(p.name) ?? 0, createdAt: p.createdAt.toISOString() }));
  }
}

const nameFree = (manager: EntityManager, name: string, except: string | null) =>
  assertNameFree(manager, 'security_profiles', name, except, () => `a security profile named ${name} exists already`);
