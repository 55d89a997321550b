import { createMongoAbility, subject as caslSubject } from '@casl/ability';
import { compileSubject } from '@app/acl';
import { caslRulesFromRoles, caslRulesMerged } from './casl-rules';
import { buildWorld, CAPABILITY_COUNT, ENTITY_COUNT, READ_ONLY_ROLE_COUNT, ROLE_COUNT, SUBJECT_UNIT_COUNT, UNIT_COUNT } from './fixtures';
import { measure, Measurement } from './measure';

// npm run bench:acl — entity and record checks per second, ours next to @casl/ability on the same
// rules, and the time to compile a subject. Prints figures; asserts nothing about time.

const world = buildWorld();
const { catalogue, roles, tree, context, entityChecks, recordChecks } = world;

const ours = compileSubject(catalogue, roles, context, tree);
const caslRules = caslRulesFromRoles(catalogue, roles, context, tree);
const casl = createMongoAbility(caslRules);
const caslMerged = createMongoAbility(caslRulesMerged(catalogue, roles, context, tree));
// CASL reads the subject type from a tag on the record; tag copies once, outside the timing.
const taggedRecords = recordChecks.map(({ entity, record }) => caslSubject(entity, { ...record }));

// The comparison only means something if both engines decide every check the same way.
let disagreements = 0;
entityChecks.forEach(({ entity, action }) => {
  const expected = ours.can(entity, action);
  if (casl.can(action, entity) !== expected || caslMerged.can(action, entity) !== expected) disagreements++;
});
recordChecks.forEach(({ entity, action, record }, i) => {
  const expected = ours.canOnRecord(entity, action, record);
  if (casl.can(action, taggedRecords[i]) !== expected || caslMerged.can(action, taggedRecords[i]) !== expected) disagreements++;
});
if (disagreements > 0) throw new Error(`ours and CASL disagree on ${disagreements} checks; the rules are not equivalent`);
const allowedRecordChecks = recordChecks.filter(({ entity, action, record }) => ours.canOnRecord(entity, action, record)).length;

const count = entityChecks.length;
const entityActions = entityChecks.map((c) => c.action);
const entityNames = entityChecks.map((c) => c.entity);
const recordActions = recordChecks.map((c) => c.action);
const recordEntities = recordChecks.map((c) => c.entity);
const records = recordChecks.map((c) => c.record);

const results: Record<string, Measurement> = {
  oursEntity: measure(() => {
    let allowed = 0;
    for (let i = 0; i < count; i++) if (ours.can(entityNames[i], entityActions[i])) allowed++;
    return allowed;
  }, count),
  caslEntity: measure(() => {
    let allowed = 0;
    for (let i = 0; i < count; i++) if (casl.can(entityActions[i], entityNames[i])) allowed++;
    return allowed;
  }, count),
  caslMergedEntity: measure(() => {
    let allowed = 0;
    for (let i = 0; i < count; i++) if (caslMerged.can(entityActions[i], entityNames[i])) allowed++;
    return allowed;
  }, count),
  oursRecord: measure(() => {
    let allowed = 0;
    for (let i = 0; i < count; i++) if (ours.canOnRecord(recordEntities[i], recordActions[i], records[i])) allowed++;
    return allowed;
  }, count),
  caslRecord: measure(() => {
    let allowed = 0;
    for (let i = 0; i < count; i++) if (casl.can(recordActions[i], taggedRecords[i])) allowed++;
    return allowed;
  }, count),
  caslMergedRecord: measure(() => {
    let allowed = 0;
    for (let i = 0; i < count; i++) if (caslMerged.can(recordActions[i], taggedRecords[i])) allowed++;
    return allowed;
  }, count),
  oursCompile: measure(() => compileSubject(catalogue, roles, context, tree).roleNames.length, 1),
  caslCompile: measure(() => {
    const ability = createMongoAbility(caslRulesFromRoles(catalogue, roles, context, tree));
    return ability.rules.length;
  }, 1),
};

const format = (n: number) => Math.round(n).toLocaleString('en-US');
const ratio = (a: Measurement, b: Measurement) => `${(a.opsPerSecond / b.opsPerSecond).toFixed(1)}x`;
const pad = (text: string, width: number) => text.padStart(width);

console.log(
  `ACL benchmark — ${ENTITY_COUNT} entities, ${ROLE_COUNT} roles (${READ_ONLY_ROLE_COUNT} read-only), ${CAPABILITY_COUNT} capabilities, ` +
    `${UNIT_COUNT}-unit tree, subject in ${SUBJECT_UNIT_COUNT} units; node ${process.version}`,
);
console.log(
  `CASL rules: ${caslRules.length} from the roles, ${caslMerged.rules.length} pre-merged; ` +
    `${count} distinct checks per pass, all ${2 * count} decided alike; ${allowedRecordChecks}/${count} record checks allowed`,
);
const levelCounts = new Map<string, number>();
for (const entity of catalogue.entities) {
  for (const action of entity.actions) {
    const level = ours.level(entity.name, action);
    levelCounts.set(level, (levelCounts.get(level) ?? 0) + 1);
  }
}
console.log(`merged levels of the subject: ${[...levelCounts].map(([level, n]) => `${level} ${n}`).join(', ')}`);
console.log('');
console.log(`${'check'.padEnd(14)}${pad('ours ops/s', 16)}${pad('CASL ops/s', 16)}${pad('ours/CASL', 11)}${pad('CASL merged ops/s', 20)}${pad('ours/merged', 13)}`);
for (const [label, mine, theirs, merged] of [
  ['entity check', results.oursEntity, results.caslEntity, results.caslMergedEntity],
  ['record check', results.oursRecord, results.caslRecord, results.caslMergedRecord],
] as const) {
  console.log(
    `${label.padEnd(14)}${pad(format(mine.opsPerSecond), 16)}${pad(format(theirs.opsPerSecond), 16)}${pad(ratio(mine, theirs), 11)}` +
      `${pad(format(merged.opsPerSecond), 20)}${pad(ratio(mine, merged), 13)}`,
  );
}
console.log('');
console.log(
  `compile a subject from ${ROLE_COUNT} roles: ours ${(results.oursCompile.nsPerOp / 1000).toFixed(1)} µs; ` +
    `CASL rules + createMongoAbility ${(results.caslCompile.nsPerOp / 1000).toFixed(1)} µs (CASL compiles conditions lazily, on first use)`,
);
console.log(`checksum ${Object.values(results).reduce((sum, m) => sum + m.checksum, 0)}`);
