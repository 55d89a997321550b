/**
 * Fields pino replaces with `[REDACTED]` wherever a log call hands them over (an object logged, a
 * request's headers, an error's context): credentials never reach a line. Messages that are plain
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
  'authorization',
  'cookie',
];

const HEADERS = ['authorization', 'cookie', 'set-cookie', 'x-api-key'];

export const REDACTED_PATHS: string[] = [
  ...SECRET_NAMES.flatMap((name) => [name, `*.${name}`]),
  ...HEADERS.flatMap((name) => [`req.headers["${name}"]`, `res.headers["${name}"]`, `headers["${name}"]`]),
];

export const REDACTED = '[REDACTED]';
