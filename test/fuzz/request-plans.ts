import fc from 'fast-check';
import { poolOfParam, Route, Schema, WRITE_METHODS } from './openapi-routes';
import { oddIdSegment, oddNumber, oddString, oddValue } from './odd-values';
import { Ref, ref, validValue } from './valid-values';

/** Who sends a request. */
export const PERSONAS = ['anonymous', 'admin', 'low-privilege', 'api-key', 'bad-bearer', 'bad-api-key'] as const;
export type Persona = (typeof PERSONAS)[number];

/** How far from valid a request is: all valid, one thing wrong, or garbage. */
export type Shape = 'valid' | 'mutated' | 'garbage';

export type BodyPlan =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; contentType: string }
  | { kind: 'raw'; text: string | Uint8Array; contentType: string | null };

/** One request to send, with `Ref`s standing for real ids until send time. */
export interface RequestPlan {
  route: Route;
  persona: Persona;
  shape: Shape;
  params: Record<string, Ref | string>;
  /** Pairs joined as `name=value` (values encoded at send time), then `junk` appended raw. */
  query: [string, unknown][];
  junk: string;
  body: BodyPlan;
  headers: Record<string, string>;
}

const personaArb: fc.Arbitrary<Persona> = fc.oneof(
  { arbitrary: fc.constant<Persona>('admin'), weight: 35 },
  { arbitrary: fc.constant<Persona>('api-key'), weight: 15 },
  { arbitrary: fc.constant<Persona>('low-privilege'), weight: 20 },
  { arbitrary: fc.constant<Persona>('anonymous'), weight: 15 },
  { arbitrary: fc.constant<Persona>('bad-bearer'), weight: 8 },
  { arbitrary: fc.constant<Persona>('bad-api-key'), weight: 7 },
);

const shapeArb = (route: Route): fc.Arbitrary<Shape> =>
  route.body
    ? fc.oneof({ arbitrary: fc.constant<Shape>('valid'), weight: 15 }, { arbitrary: fc.constant<Shape>('mutated'), weight: 55 }, { arbitrary: fc.constant<Shape>('garbage'), weight: 30 })
    : fc.oneof({ arbitrary: fc.constant<Shape>('valid'), weight: 40 }, { arbitrary: fc.constant<Shape>('mutated'), weight: 45 }, { arbitrary: fc.constant<Shape>('garbage'), weight: 15 });

const JSON_TYPE = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 20 },
  { arbitrary: fc.constantFrom('application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json;charset=latin1'), weight: 2 },
);
const OTHER_TYPES = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/vnd.api+json',
  'application/json-patch+json',
  'application/json, text/plain',
  'application/octet-stream',
  '*/*',
  ';',
);

/** Texts that are not one JSON object: broken JSON, other JSON values, nesting past every limit, bytes that are not UTF-8. */
const garbageText: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.constantFrom('{', '{"a":', '}', '[', 'nul', '{"a":1,}', "{'a':1}", '{"a":1}{"b":2}', '"text"', '123', 'true', 'null', '[]', '[{}]', '', ' ', '\ufeff{}', '{"a":"\\ud800"}', '{"\\u0000":1}'),
  fc.constantFrom('{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"isAdmin":true}}}', '{"a":1,"a":2}'),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.constantFrom(31, 32, 33, 100, 10_000, 200_000).map((depth) => `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`),
  fc.constantFrom(33, 5_000).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  fc.uint8Array({ minLength: 1, maxLength: 40 }),
  fc.constant(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
  fc.constant(`{"a":"${'x'.repeat(3 * 1024 * 1024)}"}`),
);

type Mutation = 'delete' | 'replace' | 'extra';

/** The paths of every value in a body (a `Ref` is one value), the root as []. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const own = [path];
  if (value instanceof Ref || typeof value !== 'object' || value === null) return own;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  return [...own, ...entries.flatMap(([key, item]) => pathsOf(item, [...path, key]))];
}

function cloned(value: unknown): unknown {
  if (value instanceof Ref || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(cloned);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cloned(item)]));
}

/** `body` with one thing wrong at the path picked: a field gone, a value replaced, a field added. */
function mutated(body: unknown, pick: number, mutation: Mutation, extraKey: string, replacement: unknown): unknown {
  const copy = cloned(body);
  const paths = pathsOf(copy);
  const path = paths[pick % paths.length];
  if (path.length === 0) {
    if (mutation === 'extra' && typeof copy === 'object' && copy !== null && !Array.isArray(copy)) return { ...copy, [extraKey]: replacement };
    return mutation === 'replace' ? replacement : copy;
  }
  let holder = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (mutation === 'delete') {
    if (Array.isArray(holder)) holder.splice(last as number, 1);
    else delete holder[last];
  } else if (mutation === 'extra' && typeof holder[last] === 'object' && holder[last] !== null && !Array.isArray(holder[last]) && !(holder[last] instanceof Ref)) {
    (holder[last] as Record<string, unknown>)[extraKey] = replacement;
  } else {
    holder[last] = replacement;
  }
  return copy;
}

const mutationArb = fc.tuple(
  fc.nat(),
  fc.constantFrom<Mutation>('delete', 'replace', 'replace', 'replace', 'extra'),
  fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'isAdmin', 'password', 'organizationId', 'x\u0000'),
  fc.oneof({ arbitrary: oddValue, weight: 8 }, { arbitrary: oddIdSegment, weight: 2 }),
);

function bodyArb(route: Route, schemas: Record<string, Schema>, shape: Shape): fc.Arbitrary<BodyPlan> {
  const writes = WRITE_METHODS.includes(route.method) && route.method !== 'DELETE';
  if (!route.body) {
    // A route that reads no body: mostly none; a write sometimes gets one anyway.
    if (!writes || shape !== 'garbage') return fc.constant<BodyPlan>({ kind: 'none' });
    return fc.oneof(
      fc.record({ kind: fc.constant<'json'>('json'), value: oddValue, contentType: JSON_TYPE }),
      fc.record({ kind: fc.constant<'raw'>('raw'), text: garbageText, contentType: fc.option(fc.oneof(JSON_TYPE, OTHER_TYPES), { nil: null }) }),
    );
  }
  const valid = validValue(route.body, schemas, route.path);
  if (shape === 'valid') return fc.record({ kind: fc.constant<'json'>('json'), value: valid, contentType: JSON_TYPE });
  if (shape === 'mutated') {
    return fc.oneof(
      {
        arbitrary: fc.record({
          kind: fc.constant<'json'>('json'),
          value: fc.tuple(valid, mutationArb).map(([body, [pick, mutation, key, replacement]]) => mutated(body, pick, mutation, key, replacement)),
          contentType: JSON_TYPE,
        }),
        weight: 9,
      },
      // Valid JSON of the right shape, sent as something else.
      { arbitrary: fc.record({ kind: fc.constant<'json'>('json'), value: valid, contentType: OTHER_TYPES }), weight: 1 },
    );
  }
  return fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant<'raw'>('raw'), text: garbageText, contentType: fc.option(fc.oneof(JSON_TYPE, OTHER_TYPES), { nil: null }) }), weight: 6 },
    { arbitrary: fc.record({ kind: fc.constant<'json'>('json'), value: fc.oneof(oddValue, valid.map((v) => [v])), contentType: JSON_TYPE }), weight: 3 },
    // Truncated valid JSON.
    {
      arbitrary: fc.tuple(valid, fc.nat()).map(([value, cut]): BodyPlan => {
        const text = JSON.stringify(value, (_, v) => (v instanceof Ref ? '00000000-0000-4000-8000-000000000000' : v));
        return { kind: 'raw', text: text.slice(0, cut % Math.max(text.length, 1)), contentType: 'application/json' };
      }),
      weight: 1,
    },
  );
}

function paramsArb(route: Route, shape: Shape): fc.Arbitrary<Record<string, Ref | string>> {
  const one = (param: string): fc.Arbitrary<Ref | string> => {
    const real = ref(poolOfParam(route.path, param));
    return shape === 'valid'
      ? fc.oneof({ arbitrary: real, weight: 9 }, { arbitrary: fc.uuid(), weight: 1 })
      : fc.oneof({ arbitrary: real, weight: 65 }, { arbitrary: fc.uuid(), weight: 10 }, { arbitrary: oddIdSegment, weight: 25 });
  };
  return fc.record(Object.fromEntries(route.params.map((param) => [param, one(param)])));
}

const junkQuery = fc.constantFrom('&&', '=x', '%ZZ=1', 'a[b]=1', 'a[__proto__][x]=1', 'q[]=1', 'limit=1&limit=2', 'offset=-1', '%00=1', `x=${'y'.repeat(10_000)}`, 'stray=1', '__proto__=1');

function queryArb(route: Route, schemas: Record<string, Schema>, shape: Shape): fc.Arbitrary<{ query: [string, unknown][]; junk: string }> {
  const names = Object.keys(route.query);
  const pair = (name: string) => validValue(route.query[name], schemas, route.path, name).map((value): [string, unknown] => [name, value]);
  const chosen: fc.Arbitrary<[string, unknown][]> = fc.subarray(names).chain((picked) => fc.tuple(...picked.map(pair)).map((pairs) => [...pairs]));
  if (shape === 'valid') return chosen.map((query) => ({ query, junk: '' }));
  const oddQueryValue = fc.oneof(oddString, oddNumber.map(String), fc.constantFrom('true', 'false', '', 'abc', '2030-13-45', 'ASC'));
  return fc.tuple(chosen, fc.constantFrom(...(names.length ? names : ['q'])), oddQueryValue, fc.boolean(), fc.option(junkQuery, { nil: '' })).map(([query, name, value, replace, junk]) => ({
    query: replace ? [...query.filter(([n]) => n !== name), [name, value] as [string, unknown]] : query,
    junk: shape === 'garbage' || !replace ? junk : '',
  }));
}

/** `arbitrary` once in `every` draws, null otherwise. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary, weight: 1 }, { arbitrary: fc.constant(null), weight: every - 1 });

/** A valid create often carries an Idempotency-Key (payments need one); the others, rarely an odd one. */
const headersArb = (route: Route, shape: Shape): fc.Arbitrary<Record<string, string>> =>
  fc
    .tuple(
      route.method !== 'POST'
        ? fc.constant(null)
        : shape === 'valid'
          ? fc.option(fc.uuid(), { nil: null })
          : rarely(fc.oneof(fc.uuid(), fc.constantFrom('', 'k', 'x'.repeat(300), 'é', 'a b')), 8),
      rarely(fc.constantFrom('x'.repeat(200), '../../', '', 'a b', '%00'), 20),
    )
    .map(([idempotencyKey, requestId]) => ({
      ...(idempotencyKey !== null ? { 'idempotency-key': idempotencyKey } : {}),
      ...(requestId !== null ? { 'x-request-id': requestId } : {}),
    }));

/** Every request the fuzzer may send to `route`. */
export function requestPlans(route: Route, schemas: Record<string, Schema>): fc.Arbitrary<RequestPlan> {
  return fc.tuple(personaArb, shapeArb(route)).chain(([persona, shape]) =>
    fc.record({
      route: fc.constant(route),
      persona: fc.constant(persona),
      shape: fc.constant(shape),
      params: paramsArb(route, shape),
      body: bodyArb(route, schemas, shape),
      headers: headersArb(route, shape),
      queryParts: queryArb(route, schemas, shape),
    }).map(({ queryParts, ...plan }) => ({ ...plan, ...queryParts })),
  );
}

/** Every request to every route, the route picked uniformly. */
export function everyRequest(routes: Route[], schemas: Record<string, Schema>): fc.Arbitrary<RequestPlan> {
  return fc.constantFrom(...routes).chain((route) => requestPlans(route, schemas));
}

