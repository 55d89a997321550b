import fc from 'fast-check';
import { catalogueArb, roleArb } from './test-support/catalogue.arbitrary';
import { ORGANIZATIONS, ownerTreeArb } from './test-support/owner-tree.arbitrary';
import { AclCatalogue } from './catalogue';
import { explainAccess, ExplainSubject } from './explain';
import { explainCapability } from './explain-capability';
import { ExplainedRecord } from './explain-record';
import { AccessLevel, AccessLevelRank } from './levels';
import { buildOwnerTree } from './owner-tree';
import { recordInScope } from './scope';
import { compileSubject } from './subject';
import { recordMatchesScope } from './typeorm/record-in-scope';
import { whoCanSee } from './who-can-see';

// Explain and whoCanSee work role by role from the definitions; the engine decides from compiled
// tables. These properties hold the two against each other on random catalogues, roles and trees.

const USERS = ['u0', 'u1', 'u2'];
const MULTI_ORGANIZATION_COLUMNS = { organizationIds: 'organizationIds', ownerUserId: 'ownerUserId', ownerBusinessUnitId: 'ownerBusinessUnitId' };

interface World {
  catalogue: AclCatalogue;
  subjects: ExplainSubject[];
  records: ExplainedRecord[];
  multiOrganizationRecords: ExplainedRecord[];
}

const worldArb: fc.Arbitrary<World> = fc.tuple(catalogueArb, ownerTreeArb(8)).chain(([catalogue, units]) => {
  const tree = buildOwnerTree(units);
  const unitIds = [...units.map((u) => u.id), 'ghost'];
  const organizationArb = fc.option(fc.constantFrom(...ORGANIZATIONS, 'o3'));
  const recordArb: fc.Arbitrary<ExplainedRecord> = fc.record(
    {
      ownerUserId: fc.option(fc.constantFrom(...USERS)),
      ownerBusinessUnitId: fc.option(fc.constantFrom(...unitIds)),
      ownerBusinessUnitIds: fc.option(fc.uniqueArray(fc.constantFrom(...unitIds), { maxLength: 3 })),
      organizationId: organizationArb,
    },
    { requiredKeys: [] },
  );
  const multiArb: fc.Arbitrary<ExplainedRecord> = fc.record({
    ownerUserId: fc.option(fc.constantFrom(...USERS)),
    ownerBusinessUnitId: fc.option(fc.constantFrom(...unitIds)),
    organizationIds: fc.uniqueArray(fc.constantFrom(...ORGANIZATIONS, 'o3'), { maxLength: 3 }),
  });
  const subjectArb: fc.Arbitrary<ExplainSubject> = fc.record({
    catalogue: fc.constant(catalogue),
    roles: fc.array(roleArb(catalogue), { maxLength: 4 }),
    context: fc.record({
      userId: fc.constantFrom(...USERS),
      organizationId: fc.constantFrom(...ORGANIZATIONS),
      businessUnitIds: fc.uniqueArray(fc.constantFrom(...unitIds), { maxLength: 3 }),
    }),
    tree: fc.constant(tree),
  });
  return fc.record({
    catalogue: fc.constant(catalogue),
    subjects: fc.array(subjectArb, { minLength: 1, maxLength: 5 }),
    records: fc.array(recordArb, { maxLength: 8 }),
    multiOrganizationRecords: fc.array(multiArb, { maxLength: 4 }),
  });
});

const compiled = (subject: ExplainSubject) => compileSubject(subject.catalogue, subject.roles, subject.context, subject.tree);

function everyCheck(catalogue: AclCatalogue, visit: (entity: string, action: (typeof catalogue.entities)[number]['actions'][number]) => void): void {
  for (const entity of catalogue.entities) for (const action of entity.actions) visit(entity.name, action);
}

const maxOf = (levels: AccessLevel[]): AccessLevel => levels.reduce<AccessLevel>((best, level) => (AccessLevelRank[level] > AccessLevelRank[best] ? level : best), 'NONE');

describe('explain properties', () => {
  it("explain's level and decision agree with the engine, with and without a record", () => {
    fc.assert(
      fc.property(worldArb, ({ catalogue, subjects, records, multiOrganizationRecords }) => {
        for (const subject of subjects) {
          const engine = compiled(subject);
          everyCheck(catalogue, (entity, action) => {
            const bare = explainAccess(subject, entity, action);
            expect(bare.level).toBe(engine.level(entity, action));
            expect(bare.allowed).toBe(engine.can(entity, action));
            const scope = engine.scope(entity, action);
            for (const record of records) {
              const explained = explainAccess(subject, entity, action, record);
              expect(explained.record!.inScope).toBe(engine.canOnRecord(entity, action, record));
              expect(explained.allowed).toBe(recordInScope(scope, record));
              // The last reason is the deciding one and points the same way.
              const reasons = explained.record!.reasons;
              expect(reasons[reasons.length - 1].admits).toBe(explained.allowed);
              if (reasons.some((reason) => reason.admits === false)) expect(explained.allowed).toBe(false);
            }
            for (const record of multiOrganizationRecords) {
              expect(explainAccess(subject, entity, action, record).allowed).toBe(recordMatchesScope(scope, MULTI_ORGANIZATION_COLUMNS, record));
            }
          });
        }
      }),
      { numRuns: 100 },
    );
  });

  it('each role gives what it alone would give, and the winning level is the highest of them', () => {
    fc.assert(
      fc.property(worldArb, ({ catalogue, subjects }) => {
        const subject = subjects[0];
        everyCheck(catalogue, (entity, action) => {
          const explained = explainAccess(subject, entity, action);
          expect(explained.roles.map((role) => role.role)).toEqual(subject.roles.map((role) => role.name));
          explained.roles.forEach((role, index) => {
            expect(role.level).toBe(compiled({ ...subject, roles: [subject.roles[index]] }).level(entity, action));
            expect(role.code === 'GRANTED').toBe(role.level !== 'NONE');
          });
          expect(explained.level).toBe(maxOf(explained.roles.map((role) => role.level)));
          const expectedWinners = explained.level === 'NONE' ? [] : explained.roles.filter((role) => role.level === explained.level).map((role) => role.role);
          expect(explained.winningRoles).toEqual(expectedWinners);
        });
      }),
    );
  });

  it('removing the winning roles never raises the level, and leaves the best of the others', () => {
    fc.assert(
      fc.property(worldArb, ({ catalogue, subjects, records }) => {
        const subject = subjects[0];
        everyCheck(catalogue, (entity, action) => {
          const explained = explainAccess(subject, entity, action);
          const winners = new Set(explained.roles.map((role, index) => (role.level === explained.level && explained.level !== 'NONE' ? index : -1)));
          const rest = { ...subject, roles: subject.roles.filter((_, index) => !winners.has(index)) };
          const after = explainAccess(rest, entity, action);
          expect(AccessLevelRank[after.level]).toBeLessThanOrEqual(AccessLevelRank[explained.level]);
          if (explained.level !== 'NONE') expect(AccessLevelRank[after.level]).toBeLessThan(AccessLevelRank[explained.level]);
          expect(after.level).toBe(compiled(rest).level(entity, action));
          for (const record of records) {
            if (explainAccess(rest, entity, action, record).allowed) expect(explainAccess(subject, entity, action, record).allowed).toBe(true);
          }
        });
      }),
    );
  });

  it('capabilities: explained exactly as hasCapability and capabilityState decide', () => {
    fc.assert(
      fc.property(worldArb, ({ catalogue, subjects }) => {
        for (const subject of subjects) {
          const engine = compiled(subject);
          for (const capability of catalogue.capabilities) {
            const explained = explainCapability(subject, capability);
            expect(explained.allowed).toBe(engine.hasCapability(capability));
            expect(explained.state).toBe(engine.capabilityState(capability));
            expect(explained.grantingRoles).toEqual(subject.roles.filter((role) => !role.readOnly && role.capabilities.includes(capability)).map((role) => role.name));
          }
        }
      }),
    );
  });

  it("who can see: exactly the users one of whose candidates' VIEW scope holds the record, at their best level", () => {
    fc.assert(
      fc.property(worldArb, ({ catalogue, subjects, records }) => {
        for (const entity of catalogue.entities) {
          for (const record of records) {
            const members = whoCanSee(subjects, entity.name, record);
            const expected = new Map<string, AccessLevel>();
            for (const subject of subjects) {
              const scope = compiled(subject).scope(entity.name, 'VIEW');
              if (!recordInScope(scope, record)) continue;
              const known = expected.get(subject.context.userId);
              expected.set(subject.context.userId, known === undefined ? scope.level : maxOf([known, scope.level]));
            }
            expect(new Set(members.map((member) => member.userId)).size).toBe(members.length);
            expect(new Map(members.map((member) => [member.userId, member.level]))).toEqual(expected);
            for (const member of members) expect(member.reasons[member.reasons.length - 1].admits).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
