import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Rules = ValidationMetadata[];

interface RuleStorage {
  getTargetValidationMetadatas(target: Function, schema: string | undefined, always: boolean, strictGroups: boolean, groups?: string[]): Rules;
  groupByPropertyName(rules: Rules): Record<string, Rules>;
  addValidationMetadata(rule: unknown): void;
  addConstraintMetadata(constraint: unknown): void;
  [REMEMBERED]?: true;
}

const REMEMBERED = Symbol.for('crm-suite.class-validator.remembered-rules');

/**
 * class-validator finds a class's rules anew on every validation, of every nested object too: an
 * `instanceof` against every class it knows (to find inherited rules), filters, then a grouping by
 * property (4–5% of tickets' CPU on a read, 2–3% of identity's on a login: docs/BENCHMARKS.md, "Read,
 * fifth round"). The rules are fixed once the DTO modules are loaded, so each lookup is kept per
 * (class, schema, options) and each grouping per lookup, and all are dropped whenever a rule or a
 * constraint is added. What is kept is frozen: a caller that changed it would fail loudly rather than
 * change the rules of every later validation.
 */
export function rememberValidationRules(): void {
  const storage = getMetadataStorage() as unknown as RuleStorage;
  if (storage[REMEMBERED]) return;
  const lookUp = storage.getTargetValidationMetadatas;
  const group = storage.groupByPropertyName;
  let lookups = new Map<Function, Map<string, Rules>>();
  let groupings = new WeakMap<Rules, Record<string, Rules>>();
  storage.getTargetValidationMetadatas = function (target, schema, always, strictGroups, groups) {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let ofTarget = lookups.get(target);
    if (!ofTarget) lookups.set(target, (ofTarget = new Map()));
    let rules = ofTarget.get(key);
    if (!rules) ofTarget.set(key, (rules = Object.freeze(lookUp.call(this, target, schema, always, strictGroups, groups)) as Rules));
    return rules;
  };
  storage.groupByPropertyName = function (rules) {
    let grouped = groupings.get(rules);
    if (!grouped) {
      grouped = group.call(this, rules);
      for (const property of Object.keys(grouped)) Object.freeze(grouped[property]);
      groupings.set(rules, Object.freeze(grouped));
    }
    return grouped;
  };
  for (const add of ['addValidationMetadata', 'addConstraintMetadata'] as const) {
    const original = storage[add];
    storage[add] = function (this: RuleStorage, added: unknown) {
      lookups = new Map();
      groupings = new WeakMap();
      original.call(this, added);
    };
  }
  storage[REMEMBERED] = true;
}
