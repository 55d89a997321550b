import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AclScope, GLOBAL_SCOPE, Subject } from '@app/acl';
import { EventTypes, ListUsersDto, UpdateProfileDto, UpdateUserDto, UserRefData, UserUpdatedData } from '@app/contracts';
import { Outbox, PublishInTransaction } from '@app/bus';
import { containsPattern, Page, pageOf, ServiceError } from '@app/service-kit';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { assertTargetsCovered } from '../access/write-checks';
import { Session } from '../auth/session.entity';
import { outOfScope } from '../access/scope-checks';
import { activateUser } from './user-activation';
import { loadExtras, saveAvatar, saveGroups } from './user-groups-and-avatar';
import { userUpdatedData } from './user-events';
import { userReferenceProblems } from './user-references';
import { UserAvatar } from './user-avatar.entity';
import { UserRole } from './user-role.entity';
import { userInScope, userScopeCondition } from './user-scope';
import { assertEditAllowed, Assignment } from './user-write-rules';
import { toUserView, UserView } from './user-view';
import { User } from './user.entity';

const SORT_COLUMNS: Record<string, string> = {
  username: 'lower(u.username)',
  lastName: 'lower(u.last_name)',
  createdAt: 'u.created_at',
  primaryEmail: 'lower(u.primary_email)',
};

/** Plain user columns a PATCH may set as they are. */
const PLAIN_FIELDS = [
  'username', 'primaryEmail', 'namePrefix', 'firstName', 'middleName', 'lastName', 'nameSuffix', 'birthday', 'phone', 'emails',
  'customFields', 'ownerBusinessUnitId', 'organizationIds', 'businessUnitIds', 'securityProfiles',
] as const;

/** A user account once created (DESIGN.md section 5): list, view, edit, enable, disable, activate, avatar, own profile. */
@Injectable()
export class UserAccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** One page of the users in scope that match the filters, and how many there are in all. */
  async list(query: ListUsersDto, scope: AclScope): Promise<Page<UserView>> {
    const { limit, offset } = pageOf(query);
    const params: unknown[] = [];
    const scoped = userScopeCondition(scope, 'u', 1);
    params.push(...scoped.params);
    const conditions = [scoped.sql];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.enabled !== undefined) conditions.push(`u.enabled = ${bind(query.enabled)}`);
    if (query.authStatus) conditions.push(`u.auth_status = ${bind(query.authStatus)}`);
    if (query.cannotLogin !== undefined) {
      const cannot = `(NOT u.enabled OR u.auth_status <> 'ACTIVE' OR cardinality(u.organization_ids) = 0)`;
      conditions.push(query.cannotLogin ? cannot : `NOT ${cannot}`);
    }
    if (query.q) {
      const q = bind(containsPattern(query.q));
      const like = (column: string) => `${column} ILIKE ${q} ESCAPE '\\'`;
      conditions.push(
        `(${['u.username', 'u.first_name', 'u.middle_name', 'u.last_name', 'u.primary_email'].map(like).join(' OR ')}` +
          ` OR EXISTS (SELECT 1 FROM unnest(u.emails) e WHERE ${like('e')}))`,
      );
    }
    if (query.organizationId) conditions.push(`${bind(query.organizationId)}::uuid = ANY(u.organization_ids)`);
    if (query.businessUnitId) {
      const unit = bind(query.businessUnitId);
      conditions.push(`(u.owner_business_unit_id = ${unit}::uuid OR ${unit}::uuid = ANY(u.business_unit_ids))`);
    }
    const where = conditions.join(' AND ');
    const order = `${SORT_COLUMNS[query.sort ?? 'username']} ${query.order === 'desc' ? 'DESC' : 'ASC'}, u.id`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM users u WHERE ${where}`, params);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT u.id FROM users u WHERE ${where} ORDER BY ${order} LIMIT ${bind(limit)} OFFSET ${bind(offset)}`,
      params,
    );
    const users = rows.length ? await this.dataSource.getRepository(User).findBy({ id: In(rows.map((r) => r.id)) }) : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    const views = await this.views(this.dataSource.manager, rows.map((r) => byId.get(r.id)!).filter(Boolean));
    return { items: views, total };
  }

  /** A user within the scope: 404 when there is none, 403 when it lies outside the caller's level. */
  async view(id: string, scope: AclScope): Promise<UserView> {
    const user = inScope(await this.dataSource.getRepository(User).findOneBy({ id }), id, scope);
    return (await this.views(this.dataSource.manager, [user]))[0];
  }

  async avatar(id: string, scope: AclScope): Promise<{ contentType: string; dataBase64: string }> {
    inScope(await this.dataSource.getRepository(User).findOneBy({ id }), id, scope);
    const avatar = await this.dataSource.getRepository(UserAvatar).findOneBy({ userId: id });
    if (!avatar) throw ServiceError.notFound(`the avatar of user ${id}`);
    return { contentType: avatar.contentType, dataBase64: avatar.data.toString('base64') };
  }

  /**
   * `PATCH /api/users/:id` by `actor` (null: the user's own profile, whose DTO holds no memberships
   * or roles): the record in the EDIT scope before and after, another user no stronger than the
   * actor, memberships and roles changed only within the actor's reach (user-write-rules.ts).
   */
  async update(id: string, dto: UpdateUserDto, actor: Subject | null, correlationId: string | null): Promise<UserView> {
    const scope: AclScope = actor ? actor.scope('User', 'EDIT') : GLOBAL_SCOPE;
    return this.outbox.transaction(correlationId, async (manager, publish) => {
      const user = await this.lockInScope(manager, id, scope);
      if (actor) await assertTargetsCovered(manager, actor, [id]);
      const before = { ...user };
      const roleIds = dto.roles?.map((r) => r.roleId);
      const next = {
        ownerBusinessUnitId: dto.ownerBusinessUnitId ?? user.ownerBusinessUnitId,
        organizationIds: dto.organizationIds ?? user.organizationIds,
        businessUnitIds: dto.businessUnitIds ?? user.businessUnitIds,
      };
      const assigned = await this.assignments(manager, id);
      const { problems } = await userReferenceProblems(manager, id, {
        username: dto.username,
        primaryEmail: dto.primaryEmail,
        memberships: { ...next, roleIds },
        heldRoleIds: roleIds ?? assigned.map((a) => a.roleId),
        contacts: {
          primaryEmail: dto.primaryEmail ?? (dto.emails ? user.primaryEmail : undefined),
          emails: dto.emails,
          securityProfiles: dto.securityProfiles,
          groups: dto.groups ?? (dto.organizationIds ? await this.groupIds(manager, id) : undefined),
          organizationIds: next.organizationIds,
        },
      });
      if (problems.length) throw ServiceError.badInput(problems);
      const after = dto.roles?.map((r) => ({ roleId: r.roleId, fixed: r.fixed ?? false, default: r.default ?? false }));
      if (actor) {
        const profiles = { before: user.securityProfiles, after: dto.securityProfiles };
        await assertEditAllowed(manager, actor, user, next, { before: assigned, after }, profiles, { before: await this.groupIds(manager, id), after: dto.groups });
      }
      // An editor may not hand a user to units or organizations beyond their own reach.
      if (!userInScope(scope, next)) throw outOfScope('the user after this change');

      for (const field of PLAIN_FIELDS) if (dto[field] !== undefined) (user as unknown as Record<string, unknown>)[field] = dto[field];
      await manager.save(user);
      if (after) {
        await manager.delete(UserRole, { userId: id });
        await manager.insert(UserRole, after.map((r) => ({ userId: id, roleId: r.roleId, fixed: r.fixed, isDefault: r.default })));
      }
      if (dto.groups) await saveGroups(manager, id, dto.groups);
      if (dto.avatar !== undefined) await saveAvatar(manager, id, dto.avatar);
      await this.publishChanges(publish, before, user);
      if (dto.enabled !== undefined) await this.applyEnabled(manager, publish, user, dto.enabled);
      return (await this.views(manager, [user]))[0];
    });
  }

  /** Enable or disable; disabling ends the user's open sessions. No change, no event. */
  async setEnabled(id: string, enabled: boolean, actor: Subject, correlationId: string | null): Promise<UserView> {
    return this.outbox.transaction(correlationId, async (manager, publish) => {
      const user = await this.lockForAccountAction(manager, id, actor);
      await this.applyEnabled(manager, publish, user, enabled);
      return (await this.views(manager, [user]))[0];
    });
  }

  /** OroCRM's Activate: a LOCKED user becomes ACTIVE with the failure count reset (see activateUser). */
  async activate(id: string, actor: Subject, correlationId: string | null): Promise<UserView> {
    return this.outbox.transaction(correlationId, async (manager, publish) => {
      const user = await this.lockForAccountAction(manager, id, actor);
      await activateUser(manager, user, 'ACTIVATED', publish);
      return (await this.views(manager, [user]))[0];
    });
  }

  /** The caller's own profile. */
  async profile(userId: string): Promise<UserView> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (!user) throw ServiceError.notFound(`user ${userId}`);
    return (await this.views(this.dataSource.manager, [user]))[0];
  }

  /** The caller edits their own names, phone, emails, birthday and avatar. */
  async updateProfile(userId: string, dto: UpdateProfileDto, correlationId: string | null): Promise<UserView> {
    return this.update(userId, dto, null, correlationId);
  }

  private async lockInScope(manager: EntityManager, id: string, scope: AclScope): Promise<User> {
    return inScope(await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } }), id, scope);
  }

  /** Enable, disable, activate: a user in the EDIT scope who holds no grant the actor lacks. */
  private async lockForAccountAction(manager: EntityManager, id: string, actor: Subject): Promise<User> {
    const user = await this.lockInScope(manager, id, actor.scope('User', 'EDIT'));
    await assertTargetsCovered(manager, actor, [id]);
    return user;
  }

  private assignments(manager: EntityManager, userId: string): Promise<Assignment[]> {
    return manager.query('SELECT role_id AS "roleId", fixed, is_default AS "default" FROM user_roles WHERE user_id = $1', [userId]);
  }

  private async applyEnabled(manager: EntityManager, publish: PublishInTransaction, user: User, enabled: boolean): Promise<void> {
    if (user.enabled === enabled) return;
    user.enabled = enabled;
    await manager.update(User, { id: user.id }, { enabled });
    if (!enabled) await manager.update(Session, { userId: user.id, endedAt: IsNull() }, { endedAt: new Date(), endReason: 'DISABLED' });
    await publish<UserRefData>(enabled ? EventTypes.UserEnabled : EventTypes.UserDisabled, { id: user.id });
  }

  /** identity.user.updated with the id and only the mirrored fields that changed, if any did. */
  private async publishChanges(publish: PublishInTransaction, before: User, after: User): Promise<void> {
    const data = userUpdatedData(before, after);
    if (data) await publish<UserUpdatedData>(EventTypes.UserUpdated, data);
  }

  private async groupIds(manager: EntityManager, userId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query('SELECT group_id AS id FROM user_groups WHERE user_id = $1', [userId]);
    return rows.map((r) => r.id);
  }

  private async views(manager: EntityManager, users: User[]): Promise<UserView[]> {
    const ids = users.map((u) => u.id);
    const roles: { userId: string; roleId: string; name: string; fixed: boolean; default: boolean }[] = ids.length
      ? await manager.query(
          `SELECT ur.user_id AS "userId", r.id AS "roleId", r.name, ur.fixed, ur.is_default AS "default"
             FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ANY($1::uuid[]) ORDER BY r.name`,
          [ids],
        )
      : [];
    const extras = await loadExtras(manager, ids);
    return users.map((user) =>
      toUserView(
        user,
        roles.filter((r) => r.userId === user.id).map(({ roleId, name, fixed, default: isDefault }) => ({ roleId, name, fixed, default: isDefault })),
        extras.get(user.id),
      ),
    );
  }
}

/** A user the caller names must exist (404) and lie in its scope (403), DESIGN.md section 3 "Scopes". */
function inScope(user: User | null, id: string, scope: AclScope): User {
  if (!user) throw ServiceError.notFound(`user ${id}`);
  if (!userInScope(scope, user)) throw outOfScope(`user ${id}`);
  return user;
}
