/** A JSON schema as the gateway's OpenAPI document writes a DTO's (class-validator-jsonschema). */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  oneOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

/** One operation of the document. */
export interface Route {
  method: string;
  /** The template, `{id}` style, as the document names it: the key of the tallies. */
  path: string;
  body: Schema | null;
  query: Record<string, Schema>;
  /** From the template itself: a route may not declare its path parameters. */
  params: string[];
}

export const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

export const routeKey = (route: Pick<Route, 'method' | 'path'>): string => `${route.method} ${route.path}`;

interface Operation {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** Every operation of the document (the gateway's /api/docs-json), so that a new route is fuzzed without a change here. */
export function routesOf(document: { paths: Record<string, Record<string, Operation>> }): Route[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      body: operation.requestBody?.content?.['application/json']?.schema ?? null,
      query: Object.fromEntries((operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? { type: 'string' }])),
      params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
    })),
  );
}

/** Pools that other paths name differently: the user of `/api/portal/users/{userId}/access` is a user. */
const POOL_ALIASES: Record<string, string> = { 'portal/users': 'users', 'tickets/user-security': 'users' };

/**
 * The pool of real ids a path parameter draws from: the literal segments before it, e.g. `tickets` for
 * `{id}` of `/api/tickets/{id}/comments/{commentId}`, `tickets/comments` for `{commentId}`.
 */
export function poolOfParam(path: string, param: string): string {
  const before = path.slice(0, path.indexOf(`{${param}}`));
  return poolOfCollection(before);
}

/** The pool a create on `path` adds its new record to (`POST /api/tickets/{id}/comments`: `tickets/comments`). */
export function poolOfCollection(path: string): string {
  const key = path
    .split('/')
    .filter((segment) => segment && segment !== 'api' && !segment.startsWith('{'))
    .join('/');
  return POOL_ALIASES[key] ?? key;
}
