import { randomBytes } from 'crypto';
import fc from 'fast-check';
import { ORGANIZATIONS, ownerTreeArb } from '../test-support/owner-tree.arbitrary';
import { Client } from 'pg';
import { DataSource, EntitySchema, FindOptionsWhere, Repository } from 'typeorm';
import { defineAclCatalogue } from '../catalogue';
import { AccessLevel } from '../levels';
import { buildOwnerTree, BusinessUnitNode } from '../owner-tree';
import { allowedLevels } from '../ownership';
import { AclRecord } from '../record';
import { RoleDefinition } from '../role';
import { AclScope } from '../scope';
import { compileSubject, Subject, SubjectContext } from '../subject';
import { applyScope } from './apply-scope';
import { recordMatchesScope } from './record-in-scope';
import { scopeCondition } from './scope-condition';
import { scopeToWhere, withScope } from './scope-to-where';

// For generated trees, memberships, records and subjects, "may do A on this record" must agree
// exactly with "the record comes back from PostgreSQL under the scope filter", for both documented
// models of a record's business units:
//  - denormalised: one owner_business_unit_id column per record (scopeToWhere, withScope, applyScope);
//  - several organizations: an organization_ids array instead of organization_id (scopeToWhere,
//    applyScope, scopeCondition, recordMatchesScope), as identity stores users;
//  - memberships: the owner's units in a user <-> unit table (applyScope with ownerMemberships), which
//    canOnRecord sees as ownerBusinessUnitIds = every unit of the owner.

const SERVER = process.env.ACL_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';

interface RecordRow {
  id: number;
  ownerUserId: string | null;
  ownerBusinessUnitId: string | null;
  organizationId: string | null;
  /** The same row read as a record of several organizations (a user). */
  organizationIds: string[];
}

interface MembershipRow {
  userId: string;
  businessUnitId: string;
}

const RecordSchema = new EntitySchema<RecordRow>({
  name: 'AclPropertyRecord',
  tableName: 'acl_property_record',
  columns: {
    id: { type: Number, primary: true },
    ownerUserId: { type: String, name: 'owner_user_id', nullable: true },
    ownerBusinessUnitId: { type: String, name: 'owner_business_unit_id', nullable: true },
    organizationId: { type: String, name: 'organization_id', nullable: true },
    organizationIds: { type: String, name: 'organization_ids', array: true },
  },
});

const MembershipSchema = new EntitySchema<MembershipRow>({
  name: 'AclPropertyMembership',
  tableName: 'acl_property_membership',
  columns: {
    userId: { type: String, name: 'user_id', primary: true },
    businessUnitId: { type: String, name: 'business_unit_id', primary: true },
  },
});

const COLUMNS = { ownerUserId: 'ownerUserId', ownerBusinessUnitId: 'ownerBusinessUnitId', organizationId: 'organizationId' };
const SEVERAL = { ownerUserId: 'ownerUserId', ownerBusinessUnitId: 'ownerBusinessUnitId', organizationIds: 'organizationIds' };
const SQL_COLUMNS = { ownerUserId: 'r.owner_user_id', ownerBusinessUnitId: 'r.owner_business_unit_id', organizationId: 'r.organization_id' };
const SQL_SEVERAL = { ownerUserId: 'r.owner_user_id', ownerBusinessUnitId: 'r.owner_business_unit_id', organizationIds: 'r.organization_ids' };
const MEMBERSHIPS = { entity: MembershipSchema, userId: 'userId', businessUnitId: 'businessUnitId' };

const catalogue = defineAclCatalogue({
  entities: [
    { name: 'Ticket', ownership: 'USER' },
    { name: 'User', ownership: 'BUSINESS_UNIT', fields: ['username'], fieldAcl: true },
    { name: 'Organization', ownership: 'ORGANIZATION' },
    { name: 'Setting', ownership: 'NONE' },
  ],
  capabilities: [],
});

const USERS = ['u0', 'u1', 'u2', 'u3'];

const permissionArb = fc.constantFrom(...catalogue.entities).chain((entity) =>
  fc.record({
    entity: fc.constant(entity.name),
    action: fc.constantFrom(...entity.actions),
    level: fc.constantFrom(...allowedLevels(entity.ownership)),
  }),
);

const roleArb: fc.Arbitrary<RoleDefinition> = fc.record({
  name: fc.constant('generated'),
  readOnly: fc.boolean(),
  permissions: fc.uniqueArray(permissionArb, { selector: (p) => `${p.entity}/${p.action}`, maxLength: 12 }),
  capabilities: fc.constant([]),
});

// Every level on one entity, so each run queries all six scopes at least once.
const LADDER: RoleDefinition = {
  name: 'ladder',
  permissions: (['VIEW', 'CREATE', 'EDIT', 'DELETE', 'ASSIGN', 'SHARE'] as const).map((action, index) => ({
    entity: 'Ticket',
    action,
    level: (['NONE', 'USER', 'BUSINESS_UNIT', 'DIVISION', 'ORGANIZATION', 'GLOBAL'] as AccessLevel[])[index],
  })),
  capabilities: [],
};

const treeArb = ownerTreeArb(8);

interface World {
  units: BusinessUnitNode[];
  memberships: MembershipRow[];
  rows: RecordRow[];
  contexts: SubjectContext[];
  roleSets: RoleDefinition[][];
  filterUser: string;
  filterUnit: string;
}

const worldArb: fc.Arbitrary<World> = treeArb.chain((units) => {
  const unitIds = [...units.map((u) => u.id), 'ghost'];
  const contextArb = fc.record({
    userId: fc.constantFrom(...USERS),
    organizationId: fc.constantFrom(...ORGANIZATIONS),
    businessUnitIds: fc.uniqueArray(fc.constantFrom(...unitIds), { maxLength: 3 }),
  });
  return fc.record({
    units: fc.constant(units),
    memberships: fc
      .uniqueArray(fc.record({ userId: fc.constantFrom(...USERS), businessUnitId: fc.constantFrom(...unitIds) }), {
        selector: (m) => `${m.userId}/${m.businessUnitId}`,
        maxLength: 10,
      }),
    rows: fc
      .array(
        fc.record({
          ownerUserId: fc.option(fc.constantFrom(...USERS), { freq: 6 }),
          ownerBusinessUnitId: fc.option(fc.constantFrom(...unitIds), { freq: 6 }),
          organizationId: fc.option(fc.constantFrom(...ORGANIZATIONS), { freq: 6 }),
          organizationIds: fc.uniqueArray(fc.constantFrom(...ORGANIZATIONS), { maxLength: 2 }),
        }),
        { maxLength: 25 },
      )
      .map((drafts) => drafts.map((draft, id) => ({ id, ...draft }))),
    contexts: fc.array(contextArb, { minLength: 1, maxLength: 2 }),
    roleSets: fc.array(fc.array(roleArb, { maxLength: 3 }), { minLength: 1, maxLength: 2 }),
    filterUser: fc.constantFrom(...USERS),
    filterUnit: fc.constantFrom(...unitIds),
  });
});

const denormalised = (row: RecordRow): AclRecord => row;

function throughMemberships(memberships: MembershipRow[]): (row: RecordRow) => AclRecord {
  return (row) => ({
    ownerUserId: row.ownerUserId,
    organizationId: row.organizationId,
    ownerBusinessUnitIds: memberships.filter((m) => m.userId === row.ownerUserId).map((m) => m.businessUnitId),
  });
}

/** A record of several organizations lies in the subject's organization when that is among them. */
const inSeveral = (row: RecordRow, organizationId: string): AclRecord => ({
  ownerUserId: row.ownerUserId,
  ownerBusinessUnitId: row.ownerBusinessUnitId,
  organizationId: row.organizationIds.includes(organizationId) ? organizationId : null,
});

const ids = (rows: readonly RecordRow[]) => rows.map((row) => row.id).sort((a, b) => a - b);

describe('scope filters on PostgreSQL agree with canOnRecord', () => {
  const databaseName = `acl_prop_${randomBytes(6).toString('hex')}`;
  let dataSource: DataSource;
  let records: Repository<RecordRow>;

  beforeAll(async () => {
    const admin = new Client({ connectionString: `${SERVER}/postgres` });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${databaseName}`);
    } finally {
      await admin.end();
    }
    dataSource = new DataSource({
      type: 'postgres',
      url: `${SERVER}/${databaseName}`,
      entities: [RecordSchema, MembershipSchema],
      synchronize: true, // a throwaway database for this file only
    });
    await dataSource.initialize();
    records = dataSource.getRepository(RecordSchema);
  }, 30_000);

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    const admin = new Client({ connectionString: `${SERVER}/postgres` });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }, 30_000);

  async function load(world: World): Promise<void> {
    await dataSource.query('TRUNCATE acl_property_record, acl_property_membership');
    if (world.rows.length) await records.insert(world.rows);
    if (world.memberships.length) await dataSource.getRepository(MembershipSchema).insert(world.memberships);
  }

  /** Each distinct scope object once; the subject hands out one object per level. */
  function scopesOf(subject: Subject): Map<AclScope, Array<[string, Parameters<Subject['canOnRecord']>[1]]>> {
    const checksByScope = new Map<AclScope, Array<[string, Parameters<Subject['canOnRecord']>[1]]>>();
    for (const entity of catalogue.entities) {
      for (const action of entity.actions) {
        const scope = subject.scope(entity.name, action);
        const checks = checksByScope.get(scope);
        if (checks) checks.push([entity.name, action]);
        else checksByScope.set(scope, [[entity.name, action]]);
      }
    }
    return checksByScope;
  }

  function expectAgreement(label: string, found: RecordRow[], rows: RecordRow[], allowed: (row: RecordRow) => boolean): void {
    const expected = ids(rows.filter(allowed));
    if (JSON.stringify(ids(found)) !== JSON.stringify(expected)) {
      throw new Error(`${label}: query returned ${JSON.stringify(ids(found))}, canOnRecord allows ${JSON.stringify(expected)}`);
    }
  }

  it('for every scope, in both record models and with caller filters', async () => {
    const levelsSeen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        await load(world);
        const tree = buildOwnerTree(world.units);
        const asMembers = throughMemberships(world.memberships);
        for (const context of world.contexts) {
          for (const roles of [...world.roleSets, [LADDER]]) {
            const subject = compileSubject(catalogue, roles, context, tree);
            for (const [scope, checks] of scopesOf(subject)) {
              levelsSeen.add(scope.level);
              const mayDenormalised = (row: RecordRow) => subject.canOnRecord(checks[0][0], checks[0][1], denormalised(row));
              const mayThroughMemberships = (row: RecordRow) => subject.canOnRecord(checks[0][0], checks[0][1], asMembers(row));
              // Every check that shares the scope object must decide the same way on every record.
              for (const [entity, action] of checks.slice(1)) {
                for (const row of world.rows) {
                  expect(subject.canOnRecord(entity, action, denormalised(row))).toBe(mayDenormalised(row));
                  expect(subject.canOnRecord(entity, action, asMembers(row))).toBe(mayThroughMemberships(row));
                }
              }
              const where = scopeToWhere<RecordRow>(scope, COLUMNS);
              const [found, total] = await records.findAndCount({ where });
              expectAgreement(`find ${scope.level}`, found, world.rows, mayDenormalised);
              expect(total).toBe(found.length);

              const viaBuilder = await applyScope(records.createQueryBuilder('r'), scope, COLUMNS).getMany();
              expectAgreement(`applyScope ${scope.level}`, viaBuilder, world.rows, mayDenormalised);

              const viaMemberships = await applyScope(records.createQueryBuilder('r'), scope, { ...COLUMNS, ownerMemberships: MEMBERSHIPS }).getMany();
              expectAgreement(`applyScope+memberships ${scope.level}`, viaMemberships, world.rows, mayThroughMemberships);

              const viaSql = await dataSource.query(`SELECT id FROM acl_property_record r WHERE ${scopeCondition(scope, SQL_COLUMNS, 1).sql}`, scopeCondition(scope, SQL_COLUMNS, 1).params);
              expectAgreement(`scopeCondition ${scope.level}`, viaSql, world.rows, mayDenormalised);
              for (const row of world.rows) expect(recordMatchesScope(scope, COLUMNS, row)).toBe(mayDenormalised(row));

              // The same rows as records of several organizations (organization_ids), the user's case.
              const mayInSeveral = (row: RecordRow) => subject.canOnRecord(checks[0][0], checks[0][1], inSeveral(row, context.organizationId));
              expectAgreement(`find several ${scope.level}`, await records.find({ where: scopeToWhere<RecordRow>(scope, SEVERAL) }), world.rows, mayInSeveral);
              expectAgreement(`applyScope several ${scope.level}`, await applyScope(records.createQueryBuilder('r'), scope, SEVERAL).getMany(), world.rows, mayInSeveral);
              const several = scopeCondition(scope, SQL_SEVERAL, 2);
              const severalRows = await dataSource.query(`SELECT id FROM acl_property_record r WHERE id >= $1 AND ${several.sql}`, [0, ...several.params]);
              expectAgreement(`scopeCondition several ${scope.level}`, severalRows, world.rows, mayInSeveral);
              for (const row of world.rows) expect(recordMatchesScope(scope, SEVERAL, row)).toBe(mayInSeveral(row));

              // Caller filters on scoped columns are narrowed, not replaced.
              const filtered = await records.find({ where: withScope<RecordRow>({ ownerUserId: world.filterUser }, scope, COLUMNS) });
              expectAgreement(`withScope ${scope.level}`, filtered, world.rows, (row) => row.ownerUserId === world.filterUser && mayDenormalised(row));

              const either: FindOptionsWhere<RecordRow>[] = [{ organizationId: context.organizationId }, { ownerBusinessUnitId: world.filterUnit }];
              const eitherScoped = await records.find({ where: withScope<RecordRow>(either, scope, COLUMNS) });
              expectAgreement(
                `withScope OR ${scope.level}`,
                eitherScoped,
                world.rows,
                (row) => (row.organizationId === context.organizationId || row.ownerBusinessUnitId === world.filterUnit) && mayDenormalised(row),
              );

              // An OR already on the builder must not let rows around the scope.
              const orBuilder = records
                .createQueryBuilder('r')
                .where('r.ownerUserId = :filterUser', { filterUser: world.filterUser })
                .orWhere('r.ownerBusinessUnitId = :filterUnit', { filterUnit: world.filterUnit });
              const orScoped = await applyScope(orBuilder, scope, { ...COLUMNS, ownerMemberships: MEMBERSHIPS }).getMany();
              expectAgreement(
                `applyScope after OR ${scope.level}`,
                orScoped,
                world.rows,
                (row) => (row.ownerUserId === world.filterUser || row.ownerBusinessUnitId === world.filterUnit) && mayThroughMemberships(row),
              );
            }
          }
        }
      }),
      { numRuns: 60 },
    );
    expect([...levelsSeen].sort()).toEqual(['BUSINESS_UNIT', 'DIVISION', 'GLOBAL', 'NONE', 'ORGANIZATION', 'USER']);
  }, 60_000);

  it('names the property a scope needs, or one the entity does not have', () => {
    const user: AclScope = { level: 'USER', organizationId: 'o1', userId: 'u1' };
    expect(() => applyScope(records.createQueryBuilder('r'), user, { organizationId: 'organizationId' })).toThrow(
      'a USER scope needs the ownerUserId column',
    );
    expect(() => applyScope(records.createQueryBuilder('r'), user, { ...COLUMNS, ownerUserId: 'owner' })).toThrow(
      'entity AclPropertyRecord has no single column for property owner',
    );
  });

  it('two scopes on one query builder use separate parameters', async () => {
    await dataSource.query('TRUNCATE acl_property_record, acl_property_membership');
    await records.insert([
      { id: 1, ownerUserId: 'u1', ownerBusinessUnitId: 'a', organizationId: 'o1', organizationIds: ['o1'] },
      { id: 2, ownerUserId: 'u2', ownerBusinessUnitId: 'a', organizationId: 'o1', organizationIds: ['o1'] },
      { id: 3, ownerUserId: 'u1', ownerBusinessUnitId: 'b', organizationId: 'o1', organizationIds: ['o1'] },
    ]);
    const qb = records.createQueryBuilder('r');
    applyScope(qb, { level: 'USER', organizationId: 'o1', userId: 'u1' }, COLUMNS);
    applyScope(qb, { level: 'BUSINESS_UNIT', organizationId: 'o1', businessUnitIds: ['a'] }, COLUMNS);
    expect(ids(await qb.getMany())).toEqual([1]);
  });
});
