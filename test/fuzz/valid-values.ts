import fc from 'fast-check';
import { Schema } from './openapi-routes';
import { word } from './odd-values';

/** A real record's id (or name), taken at send time from the pool the run keeps up to date. */
export class Ref {
  constructor(
    readonly pool: string,
    readonly pick: number,
  ) {}
}

export const ref = (pool: string) => fc.nat().map((pick) => new Ref(pool, pick));

/** Password of every user the fuzzer creates; valid under the default policy. */
export const PASSWORD = 'Str0ng-Password';

/** Omitted from a valid body: a field whose valid values are costly to send (an avatar image). */
const OMIT = Symbol('omit');

const email = word.map((w) => `${w}@example.com`);
const idsOf = (pool: string) => fc.array(ref(pool), { minLength: 1, maxLength: 1 });

/**
 * Values the schema cannot tell, by field name: formats checked by custom rules, references that must
 * exist (drawn from the pools), pairs that must agree. A field not named here gets a value from its schema.
 */
function hintFor(name: string, path: string): fc.Arbitrary<unknown> | null {
  const tickets = path.startsWith('/api/tickets');
  switch (name) {
    case 'username':
      return path === '/api/auth/login' ? fc.oneof(ref('users:username'), word) : word.map((w) => `u.${w}`);
    case 'password':
    case 'passwordConfirm':
      return fc.constant(PASSWORD);
    case 'primaryEmail':
      return email;
    case 'emails':
      return fc.array(email, { maxLength: 2 }).map((list) => [...new Set(list)]);
    case 'birthday':
      return fc.constantFrom('1990-05-17', '2001-12-31');
    case 'avatar':
      return fc.constant(OMIT);
    case 'customFields':
      return fc.dictionary(word, word, { maxKeys: 2 });
    case 'phone':
      return fc.constantFrom('+1 555 0100', '0044 20 7946 0000');
    case 'locale':
      return fc.constantFrom('en-US', 'fr-FR', 'de');
    case 'timeZone':
      return fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York');
    case 'currency':
      return fc.constantFrom('EUR', 'USD');
    case 'dueDate':
    case 'dueBefore':
    case 'dueAfter':
      return fc.constantFrom('2030-01-31', '2031-06-01T10:00:00Z');
    case 'securityProfiles':
      return fc.array(ref('security-profiles:name'), { maxLength: 1 });
    case 'profile':
      return ref('portal/access-profiles:name');
    case 'token':
      return fc.stringMatching(/^[0-9a-f]{64}$/);
    case 'organizationId':
      return ref('organizations');
    case 'organizationIds':
      return idsOf('organizations');
    case 'businessUnitId':
    case 'ownerBusinessUnitId':
    case 'parentId':
      return ref('business-units');
    case 'businessUnitIds':
      return idsOf('business-units');
    case 'roleId':
      return ref('roles');
    case 'roleIds':
      return fc.array(ref('tickets/roles'), { maxLength: 1 });
    case 'groups':
      return fc.array(ref('groups'), { maxLength: 1 });
    case 'userIds':
      return idsOf('users');
    case 'userId':
      return ref('users');
    case 'assigneeId':
    case 'requesterId':
    case 'ownerId':
      // Tickets take only people ACTIVE in tickets: the personas (named, never changed by a path).
      return ref('tickets:people');
    case 'permissions':
      return fc.constantFrom([], [{ entity: tickets ? 'Ticket' : 'User', action: 'VIEW', level: 'BUSINESS_UNIT' }]);
    case 'capabilities':
    case 'fieldPermissions':
      return fc.constant([]);
    case 'amount':
      return fc.integer({ min: 1, max: 100_000 });
    case 'method':
      return fc.constantFrom('card', 'transfer');
    case 'q':
      return fc.oneof(word, fc.constant('a'));
    case 'limit':
      return fc.integer({ min: 1, max: 50 });
    case 'offset':
      return fc.integer({ min: 0, max: 20 });
    default:
      return null;
  }
}

/** A value that every rule of `schema` (and the field's hint) accepts. */
export function validValue(schema: Schema, schemas: Record<string, Schema>, path: string, name = ''): fc.Arbitrary<unknown> {
  const hint = name ? hintFor(name, path) : null;
  if (hint) return hint;
  if (schema.$ref) {
    const target = schemas[schema.$ref.split('/').pop()!] ?? {};
    // A DTO whose rules the generator could not describe (it inherits them), or a bare Object field.
    if (!target.properties || Object.keys(target.properties).length === 0) return name ? fc.dictionary(word, word, { maxKeys: 2 }) : fc.record({ name: word });
    return validValue({ type: 'object', ...target }, schemas, path);
  }
  if (schema.oneOf?.length) return validValue(schema.oneOf[0], schemas, path, name);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      if (properties.length === 0) return fc.record({ name: word });
      const model = Object.fromEntries(properties.map(([key, property]) => [key, validValue(property, schemas, path, key)]));
      return fc.record(model, { requiredKeys: schema.required ?? [] }).map(withoutOmitted);
    }
    case 'array': {
      const items = validValue(schema.items ?? { type: 'string' }, schemas, path);
      const bounds = { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 2, 2)) };
      return schema.uniqueItems ? fc.uniqueArray(items, { ...bounds, selector: (item) => JSON.stringify(item) }) : fc.array(items, bounds);
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      return fc.integer({ min, max: Math.min(schema.maximum ?? min + 100, min + 100) });
    }
    case 'boolean':
      return fc.boolean();
    default:
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'email') return email;
      if (schema.format === 'date') return fc.constant('2030-01-31');
      return word;
  }
}

/** Drops the fields a hint left out, and makes a password confirmation agree with its password. */
function withoutOmitted(value: Record<string, unknown>): Record<string, unknown> {
  const kept = Object.fromEntries(Object.entries(value).filter(([, item]) => item !== OMIT));
  if ('passwordConfirm' in kept && 'password' in kept) kept.passwordConfirm = kept.password;
  return kept;
}
