/**
 * Fields pino replaces with `[REDACTED]` when a log call hands them over: at the top of the object
 * logged, in the `body`, `payload` or `data` it carries (a request body, an RPC payload, an event's
 * data), and in request or response headers. Named paths only: a wildcard (`*.password`) makes pino
 * walk every key of every line, several times the cost of the line itself. Messages that are plain
 * strings are the caller's care; the secrets-in-logs security test searches every line.
 */
const SECRET_NAMES = [
  'password',
  'passwordConfirm',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'hash',
  'keyHash',
  'tokenHash',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'key',
  'secret',
  'jwtSecret',
  'bindPassword',
  // An unsaved LDAP configuration tested (POST /api/organizations/:id/ldap/test) nests its password.
  'directory.bindPassword',
  'authorization',
  'cookie',
];

const HEADERS = ['authorization', 'cookie', 'set-cookie', 'x-api-key'];

const CARRIERS = ['body', 'payload', 'data'];

export const REDACTED_PATHS: string[] = [
  ...SECRET_NAMES.flatMap((name) => [name, ...CARRIERS.map((carrier) => `${carrier}.${name}`)]),
  ...HEADERS.flatMap((name) => [`req.headers["${name}"]`, `res.headers["${name}"]`, `headers["${name}"]`]),
];

export const REDACTED = '[REDACTED]';
