import fc from 'fast-check';
import { roleArb } from './test-support/catalogue.arbitrary';
import { ORGANIZATIONS, ownerTreeArb } from './test-support/owner-tree.arbitrary';
import { FieldAction, FIELD_ACTIONS, WRITE_ACTIONS } from './actions';
import { defineAclCatalogue } from './catalogue';
import { RoleValidationError } from './errors';
import { compileGrants } from './grants';
import { AccessLevel, AccessLevelRank, ACCESS_LEVELS, maxLevel } from './levels';
import { buildOwnerTree, BusinessUnitNode, OwnerTree } from './owner-tree';
import { allowedLevels } from './ownership';
import { AclRecord } from './record';
import { RoleDefinition } from './role';
import { validateRole } from './role-validation';
import { recordInScope } from './scope';
import { compileSubject, Subject, SubjectContext } from './subject';

// Property tests of the engine. Every property runs against generated roles, business-unit trees,
// subject contexts and records; the README states the rules they check.

const catalogue = defineAclCatalogue({
  entities: [
    { name: 'User', ownership: 'BUSINESS_UNIT', fields: ['username', 'primaryEmail', 'birthday'], fieldAcl: true },
    { name: 'Ticket', ownership: 'USER' },
    { name: 'Contact', ownership: 'USER', fields: ['name', 'phone'], fieldAcl: true },
    { name: 'BusinessUnit', ownership: 'BUSINESS_UNIT' },
    { name: 'Organization', ownership: 'ORGANIZATION' },
    { name: 'Setting', ownership: 'NONE' },
  ],
  capabilities: ['user_management', 'export_users', 'ticket_user_security', 'portal_access_admin'],
});

const USERS = ['u0', 'u1', 'u2'];

const roleArbOf = (readOnly?: fc.Arbitrary<boolean>) => roleArb(catalogue, { readOnly });

const rolesArb = fc.array(roleArbOf(), { maxLength: 4 });

const treeArb = ownerTreeArb(10);

interface World {
  units: BusinessUnitNode[];
  tree: OwnerTree;
  context: SubjectContext;
  records: AclRecord[];
}

const worldArb: fc.Arbitrary<World> = treeArb.chain((units) => {
  const unitIds = [...units.map((u) => u.id), 'ghost'];
  const recordArb: fc.Arbitrary<AclRecord> = fc.record(
    {
      ownerUserId: fc.option(fc.constantFrom(...USERS)),
      ownerBusinessUnitId: fc.option(fc.constantFrom(...unitIds)),
      ownerBusinessUnitIds: fc.option(fc.uniqueArray(fc.constantFrom(...unitIds), { maxLength: 3 })),
      organizationId: fc.option(fc.constantFrom(...ORGANIZATIONS)),
    },
    { requiredKeys: [] },
  );
  return fc.record({
    units: fc.constant(units),
    tree: fc.constant(buildOwnerTree(units)),
    context: fc.record({
      userId: fc.constantFrom(...USERS),
      organizationId: fc.constantFrom(...ORGANIZATIONS),
      businessUnitIds: fc.uniqueArray(fc.constantFrom(...unitIds), { maxLength: 3 }),
    }),
    records: fc.array(recordArb, { maxLength: 12 }),
  });
});

function subjectOf(roles: readonly RoleDefinition[], world: World): Subject {
  return compileSubject(catalogue, roles, world.context, world.tree);
}

const rank = (level: AccessLevel) => AccessLevelRank[level];

function everyCheck(visit: (entity: string, action: (typeof catalogue.entities)[number]['actions'][number]) => void): void {
  for (const entity of catalogue.entities) for (const action of entity.actions) visit(entity.name, action);
}

function everyFieldCheck(visit: (entity: string, field: string, action: FieldAction) => void): void {
  for (const entity of catalogue.entities.filter((e) => e.fields.length > 0)) {
    for (const field of entity.fields) for (const action of FIELD_ACTIONS) visit(entity.name, field, action);
  }
}

/** The rules of the README, written the slow and obvious way: loop over roles, walk up the tree. */
function referenceCanOnRecord(roles: readonly RoleDefinition[], world: World, entity: string, action: string, record: AclRecord): boolean {
  let level: AccessLevel = 'NONE';
  for (const role of roles) {
    if (role.readOnly && action !== 'VIEW') continue;
    for (const permission of role.permissions) {
      if (permission.entity === entity && permission.action === action) level = maxLevel(level, permission.level);
    }
  }
  const { context, tree } = world;
  const myUnits = context.businessUnitIds.filter((unit) => tree.organizationOf(unit) === context.organizationId);
  const recordUnits = record.ownerBusinessUnitIds ?? (record.ownerBusinessUnitId != null ? [record.ownerBusinessUnitId] : []);
  const inOrganization = record.organizationId === context.organizationId;
  // On USER-owned entities the subject's own records count at every level from USER up.
  const mine = catalogue.entity(entity)!.ownership === 'USER' && record.ownerUserId === context.userId;
  const selfAndAbove = (unit: string) => {
    const chain: string[] = [];
    for (let at: string | undefined = unit; at !== undefined; at = tree.parentOf(at)) chain.push(at);
    return chain;
  };
  switch (level) {
    case 'NONE':
      return false;
    case 'USER':
      return inOrganization && mine;
    case 'BUSINESS_UNIT':
      return inOrganization && (mine || recordUnits.some((unit) => myUnits.includes(unit)));
    case 'DIVISION':
      return inOrganization && (mine || recordUnits.some((unit) => selfAndAbove(unit).some((above) => myUnits.includes(above))));
    case 'ORGANIZATION':
      return inOrganization;
    case 'GLOBAL':
      return true;
  }
}

describe('ACL properties', () => {
  it('adding a role never removes a permission, a capability, a field or a record', () => {
    fc.assert(
      fc.property(rolesArb, roleArbOf(), worldArb, (roles, extra, world) => {
        const before = subjectOf(roles, world);
        const after = subjectOf([...roles, extra], world);
        everyCheck((entity, action) => {
          expect(rank(after.level(entity, action))).toBeGreaterThanOrEqual(rank(before.level(entity, action)));
          for (const record of world.records) {
            if (before.canOnRecord(entity, action, record)) expect(after.canOnRecord(entity, action, record)).toBe(true);
          }
        });
        everyFieldCheck((entity, field, action) => {
          expect(rank(after.fieldLevel(entity, field, action))).toBeGreaterThanOrEqual(rank(before.fieldLevel(entity, field, action)));
        });
        for (const capability of catalogue.capabilities) {
          if (before.hasCapability(capability)) expect(after.hasCapability(capability)).toBe(true);
          if (before.capabilityState(capability) !== 'DISABLED') expect(after.capabilityState(capability)).not.toBe('DISABLED');
        }
      }),
    );
  });

  it('combining roles is order-independent', () => {
    const arb = rolesArb.chain((roles) =>
      fc.tuple(fc.constant(roles), fc.shuffledSubarray(roles, { minLength: roles.length, maxLength: roles.length }), worldArb),
    );
    fc.assert(
      fc.property(arb, ([roles, shuffled, world]) => {
        const a = compileGrants(catalogue, roles);
        const b = compileGrants(catalogue, shuffled);
        expect(Array.from(b.levels)).toEqual(Array.from(a.levels));
        expect(Array.from(b.capabilityGrants)).toEqual(Array.from(a.capabilityGrants));
        expect(b.fieldLevels.map((t) => t && Array.from(t))).toEqual(a.fieldLevels.map((t) => t && Array.from(t)));
        const first = subjectOf(roles, world);
        const second = subjectOf(shuffled, world);
        expect(second.states()).toEqual(first.states());
        everyCheck((entity, action) => {
          expect(second.scope(entity, action)).toEqual(first.scope(entity, action));
          for (const record of world.records) expect(second.canOnRecord(entity, action, record)).toBe(first.canOnRecord(entity, action, record));
        });
      }),
    );
  });

  it('the combined level is the highest level any single role grants', () => {
    fc.assert(
      fc.property(rolesArb, worldArb, (roles, world) => {
        const combined = subjectOf(roles, world);
        const singles = roles.map((role) => subjectOf([role], world));
        everyCheck((entity, action) => {
          const highest = singles.reduce<AccessLevel>((level, single) => maxLevel(level, single.level(entity, action)), 'NONE');
          expect(combined.level(entity, action)).toBe(highest);
        });
      }),
    );
  });

  it('a read-only role never grants a write', () => {
    fc.assert(
      fc.property(rolesArb, fc.array(roleArbOf(fc.constant(true)), { minLength: 1, maxLength: 3 }), worldArb, (roles, readOnlyRoles, world) => {
        const onlyReadOnly = subjectOf(readOnlyRoles, world);
        const without = subjectOf(roles, world);
        const withReadOnly = subjectOf([...roles, ...readOnlyRoles], world);
        everyCheck((entity, action) => {
          if (!WRITE_ACTIONS.includes(action)) return;
          expect(onlyReadOnly.level(entity, action)).toBe('NONE');
          expect(withReadOnly.level(entity, action)).toBe(without.level(entity, action));
        });
        everyFieldCheck((entity, field, action) => {
          if (action === 'VIEW') return;
          expect(onlyReadOnly.fieldLevel(entity, field, action)).toBe('NONE');
          expect(withReadOnly.fieldLevel(entity, field, action)).toBe(without.fieldLevel(entity, field, action));
        });
        for (const capability of catalogue.capabilities) {
          expect(onlyReadOnly.hasCapability(capability)).toBe(false);
          expect(withReadOnly.hasCapability(capability)).toBe(without.hasCapability(capability));
        }
        const states = onlyReadOnly.states();
        expect(states.entities.some((e) => e.state === 'ENABLED')).toBe(false);
        expect(states.capabilities.some((c) => c.state === 'ENABLED')).toBe(false);
      }),
    );
  });

  it('no level outside the ownership type’s set is ever granted, for entities, fields and scopes', () => {
    fc.assert(
      fc.property(rolesArb, worldArb, (roles, world) => {
        const subject = subjectOf(roles, world);
        everyCheck((entity, action) => {
          const allowed = allowedLevels(catalogue.entity(entity)!.ownership);
          expect(allowed).toContain(subject.level(entity, action));
          expect(allowed).toContain(subject.scope(entity, action).level);
        });
        everyFieldCheck((entity, field, action) => {
          expect(allowedLevels(catalogue.entity(entity)!.ownership)).toContain(subject.fieldLevel(entity, field, action));
        });
      }),
    );
  });

  it('a role with any level is accepted exactly when the ownership type allows the level, and compiles exactly then', () => {
    const anyPermission = fc.record({
      entity: fc.constantFrom(...catalogue.entities.map((e) => e.name)),
      action: fc.constantFrom('VIEW', 'CREATE', 'EDIT', 'DELETE', 'ASSIGN', 'SHARE', 'CONFIGURE' as const),
      level: fc.constantFrom(...ACCESS_LEVELS),
    });
    fc.assert(
      fc.property(fc.uniqueArray(anyPermission, { selector: (p) => `${p.entity}/${p.action}`, maxLength: 6 }), fc.boolean(), worldArb, (permissions, readOnly, world) => {
        const role: RoleDefinition = { name: 'generated', readOnly, permissions, capabilities: [] };
        const expectedPaths = permissions.flatMap((p, i) => {
          const entity = catalogue.entity(p.entity)!;
          const paths: string[] = [];
          if (p.action === 'CONFIGURE' && p.entity !== 'User') paths.push(`permissions[${i}].action`);
          if (!allowedLevels(entity.ownership).includes(p.level)) paths.push(`permissions[${i}].level`);
          return paths;
        });
        expect(validateRole(catalogue, role).map((problem) => problem.path)).toEqual(expectedPaths);
        if (expectedPaths.length > 0) expect(() => subjectOf([role], world)).toThrow(RoleValidationError);
        else expect(() => subjectOf([role], world)).not.toThrow();
      }),
    );
  });

  it('levels nest: a higher level reaches every record a lower one reaches', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        for (const entity of catalogue.entities) {
          const levels = allowedLevels(entity.ownership);
          const reached = levels.map((level) => {
            const subject = subjectOf([{ name: level, permissions: [{ entity: entity.name, action: 'VIEW', level }], capabilities: [] }], world);
            return world.records.map((record) => subject.canOnRecord(entity.name, 'VIEW', record));
          });
          for (let higher = 1; higher < levels.length; higher++) {
            world.records.forEach((_, i) => {
              if (reached[higher - 1][i]) expect(reached[higher][i]).toBe(true);
            });
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('canOnRecord agrees with the rules written out naively, and with the scope as plain data', () => {
    fc.assert(
      fc.property(rolesArb, worldArb, (roles, world) => {
        const subject = subjectOf(roles, world);
        everyCheck((entity, action) => {
          const scope = subject.scope(entity, action);
          for (const record of world.records) {
            const expected = referenceCanOnRecord(roles, world, entity, action, record);
            expect(subject.canOnRecord(entity, action, record)).toBe(expected);
            expect(recordInScope(scope, record)).toBe(expected);
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('fields that no role mentions follow the entity', () => {
    const withoutFieldRules = fc.array(roleArbOf().map((role) => ({ ...role, fieldPermissions: [] })), { maxLength: 4 });
    fc.assert(
      fc.property(withoutFieldRules, worldArb, (roles, world) => {
        const subject = subjectOf(roles, world);
        everyFieldCheck((entity, field, action) => {
          expect(subject.fieldLevel(entity, field, action)).toBe(subject.level(entity, action));
          for (const record of world.records) {
            expect(subject.canField(entity, field, action, record)).toBe(subject.canOnRecord(entity, action, record));
          }
        });
      }),
    );
  });

  it('a field level never exceeds the entity level of the same action', () => {
    fc.assert(
      fc.property(rolesArb, worldArb, (roles, world) => {
        const subject = subjectOf(roles, world);
        everyFieldCheck((entity, field, action) => {
          expect(rank(subject.fieldLevel(entity, field, action))).toBeLessThanOrEqual(rank(subject.level(entity, action)));
        });
      }),
    );
  });

  it('the owner tree’s precomputed subordinates are exactly the units with the unit above them', () => {
    fc.assert(
      fc.property(treeArb, (units) => {
        const tree = buildOwnerTree(units);
        for (const unit of units) {
          const expected = units
            .filter((other) => {
              for (let at = tree.parentOf(other.id); at !== undefined; at = tree.parentOf(at)) if (at === unit.id) return true;
              return false;
            })
            .map((other) => other.id)
            .sort();
          expect([...tree.subordinatesOf(unit.id)].sort()).toEqual(expected);
        }
      }),
    );
  });
});
