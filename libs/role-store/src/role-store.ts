import type { RoleDefinition } from '@app/acl';
import type { FieldProblem, Page, RoleBodyDto } from '@app/contracts';
import type { Outbox, PublishInTransaction } from '@app/bus';
import { containsPattern, pageOf, rethrowUnique, ServiceError } from '@app/service-kit';
import { idempotentValue, KeyedRequest } from '@app/service-kit/database';
import { Brackets, DataSource, DeepPartial, EntityManager, EntityTarget } from 'typeorm';
import { lockedOr404 } from './locked-row';
import { asDefinition, storedRole, StoredRoleFields } from './role-body';
import { assertNoProblems, assertNotBuiltIn, assertNotHeld, RoleHolders } from './role-rules';
import { assertNameFree } from './unique-name';

/** The columns every role table has. */
export interface StoredRole extends StoredRoleFields {
  id: string;
  createdAt: Date;
}

export type RoleChange = 'created' | 'updated' | 'deleted';

/** What differs between identity's roles and tickets' roles: tables, catalogue, built-in role, event. */
export interface RoleStoreOptions<R extends StoredRole, V> {
  entity: EntityTarget<R>;
  table: string;
  /** How messages name a role: `role`, `tickets role`. */
  noun: string;
  /** The unique constraint on the name, reported as a 400 on `name` when a concurrent twin wins. */
  uniqueConstraint: string;
  problems: (body: unknown) => FieldProblem[];
  fieldPermissions: boolean;
  builtIn: string;
  /** Who holds a role: locked and counted before a delete; the first is the users, counted in views. */
  holders: [RoleHolders, ...RoleHolders[]];
  /** Publishes the change in its transaction, so that sessions recompile their subjects. */
  changed: (manager: EntityManager, publish: PublishInTransaction, roleId: string, change: RoleChange) => Promise<unknown>;
  view: (role: R, userCount: number) => V;
}

/** The caller's side-specific checks, in the order the store runs them. */
export interface RoleWriteChecks<R extends StoredRole> {
  /** Before a new role is stored; returns the columns it adds (identity: the role's organization). */
  creating?: (manager: EntityManager) => Promise<Partial<R>>;
  /** The locked role is found: may the caller reach it for this action (404 or 403)? Before the built-in check. */
  reach?: (role: R, action: 'EDIT' | 'DELETE') => void;
  /** Before an update is stored, after the built-in check (identity: the organization does not move). */
  updating?: (role: R, body: RoleBodyDto) => void;
  /** "No one grants more than they hold": the caller must cover every definition, named `what`. */
  covers: (manager: EntityManager, roles: RoleDefinition[], what: string) => Promise<void> | void;
}

/**
 * Storing a role definition, the same on every side: valid against the catalogue, the built-in role
 * untouched, the caller covering the role as it is and as it will be, a held role never deleted (its
 * holders locked so that no assignment slips in), every change published in its transaction.
 */
export class RoleStore<R extends StoredRole, V> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly options: RoleStoreOptions<R, V>,
  ) {}

  async list(query: { q?: string; limit?: number; offset?: number }, visible?: Brackets): Promise<Page<V>> {
    const { limit, offset } = pageOf(query);
    const qb = this.dataSource.getRepository(this.options.entity).createQueryBuilder('r');
    if (visible) qb.where(visible);
    if (query.q) qb.andWhere("(r.name ILIKE :q ESCAPE '\\' OR r.label ILIKE :q ESCAPE '\\')", { q: containsPattern(query.q) });
    const [roles, total] = await qb.orderBy('r.name').limit(limit).offset(offset).getManyAndCount();
    return { items: await this.views(this.dataSource.manager, roles), total };
  }

  /** A role outside `visible` is a 404, as if it did not exist. */
  async get(id: string, visible?: Brackets): Promise<V> {
    const qb = this.dataSource.getRepository(this.options.entity).createQueryBuilder('r').where('r.id = :id', { id });
    if (visible) qb.andWhere(visible);
    const role = await qb.getOne();
    if (!role) throw ServiceError.notFound(`${this.options.noun} ${id}`);
    return (await this.views(this.dataSource.manager, [role]))[0];
  }

  async create(body: RoleBodyDto, request: KeyedRequest, checks: RoleWriteChecks<R>): Promise<V> {
    assertNoProblems(this.options.problems(body));
    const fields = storedRole(body, this.options.fieldPermissions);
    return this.unique(() =>
      this.outbox.transaction(request.requestId, (manager, publish) => idempotentValue(manager, request, async () => {
        const placed = checks.creating ? await checks.creating(manager) : {};
        await checks.covers(manager, [asDefinition(fields)], `the ${this.options.noun}`);
        await this.assertNameFree(manager, fields.name, null);
        const role = await manager.save(manager.create(this.options.entity, { ...fields, ...placed } as DeepPartial<R>));
        await this.options.changed(manager, publish, role.id, 'created');
        return (await this.views(manager, [role]))[0];
      })),
    );
  }

  /** Replaces the definition whole; the caller must cover the role as it is and as it will be. */
  async update(id: string, body: RoleBodyDto, correlationId: string | null, checks: RoleWriteChecks<R>): Promise<V> {
    assertNoProblems(this.options.problems(body));
    const fields = storedRole(body, this.options.fieldPermissions);
    return this.unique(() =>
      this.outbox.transaction(correlationId, async (manager, publish) => {
        const role = await this.lock(manager, id, 'EDIT', checks);
        checks.updating?.(role, body);
        await checks.covers(manager, [asDefinition(role), asDefinition(fields)], `the ${this.options.noun}`);
        await this.assertNameFree(manager, fields.name, id);
        Object.assign(role, fields);
        await manager.save(role);
        await this.options.changed(manager, publish, role.id, 'updated');
        return (await this.views(manager, [role]))[0];
      }),
    );
  }

  /** Deletes a role nothing holds; a held role is a 409 (take it away from its holders first). */
  async delete(id: string, correlationId: string | null, checks: RoleWriteChecks<R>): Promise<{ id: string; deleted: true }> {
    return this.outbox.transaction(correlationId, async (manager, publish) => {
      const role = await this.lock(manager, id, 'DELETE', checks);
      await checks.covers(manager, [asDefinition(role)], `the ${this.options.noun}`);
      const held = [];
      for (const holders of this.options.holders) {
        // Locks the holders' rows too, so that no assignment slips in before the delete.
        const rows: unknown[] = await manager.query(`SELECT ${holders.column} FROM ${holders.table} WHERE ${holders.column} = $1 FOR UPDATE`, [id]);
        held.push({ label: holders.label, count: rows.length });
      }
      assertNotHeld(this.options.noun, role.name, held);
      await manager.delete(this.options.entity, { id });
      await this.options.changed(manager, publish, id, 'deleted');
      return { id, deleted: true as const };
    });
  }

  /** The role, locked for the change; 404 when missing, then the caller's reach, then the built-in role's protection. */
  private async lock(manager: EntityManager, id: string, action: 'EDIT' | 'DELETE', checks: RoleWriteChecks<R>): Promise<R> {
    const role = await lockedOr404(manager, this.options.entity, id, this.options.noun);
    checks.reach?.(role, action);
    assertNotBuiltIn(this.options.noun, this.options.builtIn, role.name);
    return role;
  }

  private assertNameFree(manager: EntityManager, name: string, except: string | null): Promise<void> {
    return assertNameFree(manager, this.options.table, name, except, () => `a ${this.options.noun} named ${name} exists already`);
  }

  private async unique(work: () => Promise<V>): Promise<V> {
    try {
      return await work();
    } catch (error) {
      rethrowUnique(error, { [this.options.uniqueConstraint]: 'name' });
    }
  }

  private async views(manager: EntityManager, roles: R[]): Promise<V[]> {
    const users = this.options.holders[0];
    const counts: { roleId: string; count: number }[] = roles.length
      ? await manager.query(`SELECT ${users.column} AS "roleId", count(*)::int AS count FROM ${users.table} WHERE ${users.column} = ANY($1::uuid[]) GROUP BY ${users.column}`, [roles.map((r) => r.id)])
      : [];
    const countOf = new Map(counts.map((c) => [c.roleId, c.count]));
    return roles.map((role) => this.options.view(role, countOf.get(role.id) ?? 0));
  }
}
