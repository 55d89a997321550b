import { Injectable } from '@nestjs/common';
import { BusinessUnitNode, buildOwnerTree, compileSubject, ExplainSubject, OwnerTree, RoleDefinition, Subject } from '@app/acl';
import { RpcRequest, TICKETS_ACCESS_NOT_ACTIVE, TICKETS_ACL, TicketsAccessView } from '@app/contracts';
import { ServiceError } from '@app/service-kit';
import { preparedQuery, PreparedStatement } from '@app/service-kit/database';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { reachableUnits } from '../business-units/reachable-units';
import { TicketBusinessUnit } from '../business-units/ticket-business-unit.entity';
import { TicketUser } from '../users/ticket-user.entity';
import { BATCH_POSITION, BatchableRead, CallerReadBatches } from './caller-read-batches';

/** Who acts on a ticket RPC: the mirrored user, the organization of the session, and tickets' own subject. */
export interface TicketsActor {
  user: TicketUser;
  organizationId: string;
  subject: Subject;
  tree: OwnerTree;
}

const MAX_CACHED_SUBJECTS = 10_000;

type MemberRow = TicketUser & { aclVersion: string };
type Member = { user: TicketUser; organizationId: string; tree: OwnerTree; aclVersion: string };


// Every tickets call reads its caller with these, prepared once per connection.
const MEMBER_COLUMNS = `u.id, u.username, u.enabled, u.status, u.organization_ids AS "organizationIds", u.business_unit_ids AS "businessUnitIds",
  u.owner_business_unit_id AS "ownerBusinessUnitId", u.access_version AS "accessVersion", s.version AS "aclVersion"`;
const MEMBER_FROM = 'FROM ticket_users u CROSS JOIN ticket_acl_state s';
const READ_MEMBER: PreparedStatement = { name: 'tickets.access.member', text: `SELECT ${MEMBER_COLUMNS} ${MEMBER_FROM} WHERE u.id = $1` };

/** A row read by the statement that reads the caller (TicketAccessService.actorWith), its columns named `<prefix><property>`. */
export interface JoinedRead extends BatchableRead {
  prefix: string;
}

/**
 * The caller's row with `select` joined on it, built once: `select(parameter)` is a SELECT of at most
 * one row whose uuid parameter is `parameter`, for one caller and for a batch of callers
 * (caller-read-batches.ts).
 */
export const readWithCaller = (name: string, prefix: string, select: (parameter: string) => string): JoinedRead => ({
  prefix,
  statement: { name, text: `SELECT j.*, ${MEMBER_COLUMNS} ${MEMBER_FROM} LEFT JOIN LATERAL (${select('$2')}) j ON true WHERE u.id = $1` },
  batch: {
    name: `${name}.batch`,
    text: `SELECT k.position AS "${BATCH_POSITION}", j.*, ${MEMBER_COLUMNS}
      FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS k(user_id, value, position)
      JOIN ticket_users u ON u.id = k.user_id CROSS JOIN ticket_acl_state s LEFT JOIN LATERAL (${select('k.value')}) j ON true`,
  },
});

/**
 * Tickets' own ACL layer (OrangeTask security roles). The user row is read on every call (status and
 * enabled are never cached); the compiled subject is cached per user and organization and reused while
 * the user's access_version and the global ACL version are unchanged, which the database bumps in the
 * transaction of every change, so every instance drops stale subjects on its next call.
 */
@Injectable()
export class TicketAccessService {
  private readonly subjects = new Map<string, { stamp: string; subject: Subject }>();
  private tree: { version: string; tree: OwnerTree; units: BusinessUnitNode[] } | null = null;
  private readonly joinedReads: CallerReadBatches;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.joinedReads = new CallerReadBatches((statement, values) => preparedQuery(this.dataSource.manager, statement, values));
  }

  /** The caller of a ticket route: an ACTIVE, enabled tickets user acting in one of its organizations. */
  async actorOf(request: RpcRequest): Promise<TicketsActor> {
    return this.actorFrom(await this.memberOf(request, notActive));
  }

  /**
   * actorOf, and one more row read by the same statement (`readWithCaller`): the row, its properties
   * without the prefix, or null when there is none. The reads of one turn of the event loop share one
   * statement (caller-read-batches.ts).
   */
  async actorWith<TRow>(request: RpcRequest, read: JoinedRead, value: string): Promise<{ actor: TicketsActor; row: Partial<TRow> | null }> {
    const userId = request?.actor?.userId;
    if (!userId) throw notActive('this call names no user');
    const caller = await this.joinedReads.read(read, userId, value);
    const joined: Record<string, unknown> = {};
    for (const key of Object.keys(caller ?? {})) if (key.startsWith(read.prefix)) joined[key.slice(read.prefix.length)] = caller![key];
    const actor = await this.actorFrom(await this.asMember(request, caller as unknown as MemberRow | undefined, notActive));
    return { actor, row: joined.id ? (joined as Partial<TRow>) : null };
  }

  private async actorFrom({ user, organizationId, tree, aclVersion }: Member): Promise<TicketsActor> {
    if (user.status !== 'ACTIVE') throw notActive('your user has no tickets security role yet (status NEW)');
    const userId = user.id;
    const key = `${userId}|${organizationId}`;
    const stamp = `${user.accessVersion}:${aclVersion}`;
    let cached = this.subjects.get(key);
    if (cached?.stamp !== stamp) {
      if (this.subjects.size >= MAX_CACHED_SUBJECTS) this.subjects.clear();
      cached = { stamp, subject: compileSubject(TICKETS_ACL, await this.rolesOf(userId), { userId, organizationId, businessUnitIds: user.businessUnitIds }, tree) };
      this.subjects.set(key, cached);
    }
    return { user, organizationId, subject: cached.subject, tree };
  }

  /**
   * The caller as an enabled member of the session's organization, whatever its tickets status: the
   * portal's client users submit service requests without being tickets users.
   */
  async memberOf(request: RpcRequest, refuse: (why: string) => ServiceError = denied): Promise<Member> {
    const userId = request?.actor?.userId;
    if (!userId) throw refuse('this call names no user');
    return this.asMember(request, (await preparedQuery<MemberRow>(this.dataSource.manager, READ_MEMBER, [userId]))[0], refuse);
  }

  private async asMember(request: RpcRequest, user: MemberRow | undefined, refuse: (why: string) => ServiceError): Promise<Member> {
    const organizationId = request?.actor?.organizationId;
    if (!user) throw refuse('your user has not reached the ticketing system yet');
    if (!user.enabled) throw refuse('your user is disabled');
    if (!organizationId || !user.organizationIds.includes(organizationId)) throw refuse('your session is in no organization of yours');
    return { user, organizationId, tree: await this.treeAt(user.aclVersion), aclVersion: user.aclVersion };
  }

  /**
   * What the gateway compiles the user's tickets subject from (`tickets.access.get`): status, enabled,
   * membership of the organization, roles, units and the organization's part of the tree.
   */
  async accessView(userId: string, organizationId: string): Promise<TicketsAccessView> {
    const [user]: TicketUser[] = await this.dataSource.query(
      `SELECT id, enabled, status, organization_ids AS "organizationIds", business_unit_ids AS "businessUnitIds" FROM ticket_users WHERE id = $1`,
      [userId],
    );
    const [{ version }]: { version: string }[] = await this.dataSource.query('SELECT version FROM ticket_acl_state WHERE id = 1');
    await this.treeAt(version);
    const organizationUnits = (this.tree?.units ?? []).filter((unit) => unit.organizationId === organizationId).map(({ id, parentId }) => ({ id, organizationId, parentId }));
    if (!user) return { status: 'NONE', enabled: false, member: false, roles: [], businessUnitIds: [], organizationUnits };
    return {
      status: user.status,
      enabled: user.enabled,
      member: user.organizationIds.includes(organizationId),
      roles: await this.rolesOf(userId),
      businessUnitIds: user.businessUnitIds,
      organizationUnits,
    };
  }

  /**
   * What the caller's tickets subject is compiled from, role by role, for libs/acl's explain: any
   * enabled member of the organization, with its tickets roles (none unless ACTIVE) and its status.
   */
  async explainSubjectOf(request: RpcRequest): Promise<{ subject: ExplainSubject; status: TicketUser['status'] }> {
    const { user, organizationId, tree } = await this.memberOf(request, notActive);
    const roles = user.status === 'ACTIVE' ? await this.rolesOf(user.id) : [];
    return { subject: { catalogue: TICKETS_ACL, roles, context: { userId: user.id, organizationId, businessUnitIds: user.businessUnitIds }, tree }, status: user.status };
  }

  /** The tickets roles of each of the users, for who-can-see. */
  async rolesOfUsers(userIds: string[]): Promise<Map<string, RoleDefinition[]>> {
    const rows: (RoleDefinition & { userId: string })[] = await this.dataSource.query(
      `SELECT ur.user_id AS "userId", r.name, r.read_only AS "readOnly", r.permissions, r.capabilities
         FROM ticket_user_roles ur JOIN ticket_roles r ON r.id = ur.role_id WHERE ur.user_id = ANY($1::uuid[]) ORDER BY r.name`,
      [userIds],
    );
    const byUser = new Map<string, RoleDefinition[]>();
    for (const { userId, ...role } of rows) byUser.set(userId, [...(byUser.get(userId) ?? []), role]);
    return byUser;
  }

  /**
   * The caller's tickets grants for tickets' escalation rule: its subject when it may use tickets,
   * otherwise a subject with no grant at all.
   */
  async grantsOf(request: RpcRequest): Promise<Subject> {
    try {
      return (await this.actorOf(request)).subject;
    } catch (error) {
      if (!(error instanceof ServiceError) || error.body.statusCode !== 403) throw error;
      const context = { userId: request.actor?.userId ?? 'nobody', organizationId: request.actor?.organizationId ?? 'none', businessUnitIds: [] };
      return compileSubject(TICKETS_ACL, [], context, buildOwnerTree([]));
    }
  }

  private async treeAt(version: string): Promise<OwnerTree> {
    if (this.tree?.version !== version) {
      const units = reachableUnits(await this.dataSource.getRepository(TicketBusinessUnit).find());
      this.tree = { version, tree: buildOwnerTree(units), units };
    }
    return this.tree.tree;
  }

  private rolesOf(userId: string): Promise<RoleDefinition[]> {
    return this.dataSource.query(
      `SELECT r.name, r.read_only AS "readOnly", r.permissions, r.capabilities
         FROM ticket_user_roles ur JOIN ticket_roles r ON r.id = ur.role_id WHERE ur.user_id = $1`,
      [userId],
    );
  }
}

const notActive = (why: string): ServiceError =>
  new ServiceError(403, `Access to tickets denied: ${why}; only ACTIVE, enabled tickets users may use tickets.`, TICKETS_ACCESS_NOT_ACTIVE);

const denied = (why: string): ServiceError => new ServiceError(403, `Access denied: ${why}.`, 'ACCESS_DENIED');
