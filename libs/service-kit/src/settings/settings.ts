import { isIP } from 'node:net';
import { resolve } from 'node:path';
// The deep path: the bus's index pulls in Nest, which settings (read by plain tests too) must not.
import { isQueueType, QUEUE_TYPES, QueueType } from '@app/bus/queue-arguments';

/** Settings of DESIGN.md section 9, read from the environment once, with the contract's defaults. */
export interface Settings {
  gatewayPort: number;
  servicePorts: { identity: number; tickets: number; portal: number };
  databaseUrl: string;
  databases: { identity: string; tickets: string; portal: string };
  amqpUrl: string;
  /** `AMQP_QUEUE_TYPE`: `classic` (default) or `quorum` (a RabbitMQ cluster); the same for every service of a vhost. */
  amqpQueueType: QueueType;
  smtpUrl: string | null;
  adminUsername: string;
  adminPassword: string | null;
  adminPasswordFile: string;
  jwtSecret: string | null;
  production: boolean;
  loginMaxFailures: number;
  /** What LOGIN_MAX_FAILURES wrong passwords in a row do (DESIGN.md section 5, "Lockout"). */
  lockout: LockoutSettings;
  roleRefreshIntervalMs: number;
  tokenTtlSeconds: number;
  /** How long the gateway trusts a looked-up session before asking identity again. */
  sessionCacheMs: number;
  /** Login attempts allowed per window, per account and per client address. */
  loginRate: { windowMs: number; perAccount: number; perAddress: number };
  rpcTimeoutMs: number;
  busRetryDelaysMs: number[];
  busPrefetch: number;
  outboxPollMs: number;
  /** How long a stopping process may drain (finish what it holds, flush its relay) before it exits anyway (`SHUTDOWN_TIMEOUT_MS`, default 10 s). */
  shutdownTimeoutMs: number;
  /**
   * Which proxies in front of the gateway are believed about the client address (`X-Forwarded-For`),
   * Fastify's `trustProxy` (`TRUST_PROXY`): unset, none (the peer is the client); a number, that many
   * hops (nginx of docker-compose, an ingress controller: 1); else a list of proxy addresses or CIDRs.
   */
  trustProxy: false | number | string[];
  /**
   * How long the gateway waits for a request to arrive in full, headers and body (`HTTP_REQUEST_TIMEOUT_MS`,
   * default 60 s; 0: no limit, for a proxy in front that enforces its own): a client that sends part of a
   * request and then nothing would otherwise hold its connection for good. Answered 408.
   */
  httpRequestTimeoutMs: number;
  /** Origins the gateway answers CORS requests from (CORS_ORIGINS, comma separated); none by default. */
  corsOrigins: string[];
  /** What a new password must meet (DESIGN.md section 5). */
  passwordPolicy: PasswordPolicy;
  /** How long a mailed reset link works (`PASSWORD_RESET_TTL`, default 24h). */
  passwordResetTtlMs: number;
  /** Where finished export files stay (`EXPORT_DIR`, default `.run/exports`, from the working directory). */
  exportDir: string;
  mail: MailSettings;
  portal: PortalSettings;
}

/** The portal's links of its always-open features and the currency a new client account starts with. */
export interface PortalSettings {
  /** `PORTAL_HELP_GUIDE_URL`, `PORTAL_BLOG_URL`, `PORTAL_LIVE_CHAT_URL`. */
  urls: { HELP_GUIDE: string; BLOG: string; LIVE_CHAT: string };
  /** `PORTAL_DEFAULT_CURRENCY` (ISO 4217, default EUR). */
  defaultCurrency: string;
}

const currency = (raw: string): string => {
  if (!/^[A-Z]{3}$/.test(raw) || !Intl.supportedValuesOf('currency').includes(raw)) throw new Error(`PORTAL_DEFAULT_CURRENCY must be an ISO 4217 code such as EUR, got "${raw}"`);
  return raw;
};

export const PASSWORD_CHARACTER_CLASSES = ['lower', 'upper', 'digit', 'symbol'] as const;
export type CharacterClass = (typeof PASSWORD_CHARACTER_CLASSES)[number];

/** `PASSWORD_MIN_LENGTH` (default 8) and `PASSWORD_CHARACTER_CLASSES` (default lower,upper,digit). */
export interface PasswordPolicy {
  minLength: number;
  required: CharacterClass[];
}

/** Mail settings beyond SMTP_URL: the sender, and the base of every link a mail carries. */
export interface MailSettings {
  /** `MAIL_FROM`. */
  from: string;
  /** The gateway as users reach it (`PUBLIC_URL`, default the local gateway port); no trailing slash. */
  publicUrl: string;
}

/**
 * `permanent` (OroCRM, the default): LOCKED until an administrator or operator activates the user.
 * `temporary` (Keycloak's brute-force detection): LOCKED for `durationMs` × 2^(locks in a row - 1),
 * at most `maxDurationMs`.
 */
export interface LockoutSettings {
  mode: 'permanent' | 'temporary';
  durationMs: number;
  maxDurationMs: number;
}

type Env = Record<string, string | undefined>;

const LOCKOUT_MODES = ['permanent', 'temporary'] as const;

const lockoutMode = (env: Env): LockoutSettings['mode'] => {
  const raw = env.LOCKOUT_MODE || 'permanent';
  if (!(LOCKOUT_MODES as readonly string[]).includes(raw)) throw new Error(`LOCKOUT_MODE must be permanent or temporary, got "${raw}"`);
  return raw as LockoutSettings['mode'];
};

const queueType = (env: Env): QueueType => {
  const raw = env.AMQP_QUEUE_TYPE || 'classic';
  if (!isQueueType(raw)) throw new Error(`AMQP_QUEUE_TYPE must be ${QUEUE_TYPES.join(' or ')}, got "${raw}"`);
  return raw;
};

/** An address (`10.0.0.7`) or a CIDR block (`10.0.0.0/8`, `fd00::/8`). */
const isAddressOrBlock = (value: string): boolean => {
  const [address, prefix, extra] = value.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
};

const trustProxy = (env: Env): Settings['trustProxy'] => {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '') return false;
  if (/^\d+$/.test(raw) && Number(raw) >= 1) return Number(raw);
  const addresses = raw.split(',').map((part) => part.trim());
  if (addresses.every(isAddressOrBlock)) return addresses;
  throw new Error(`TRUST_PROXY must be a number of proxy hops (1 or more) or proxy addresses and CIDR blocks separated by commas, got "${raw}"`);
};

const int = (env: Env, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
};

/** `30m`, `90s`, `2h` or plain milliseconds. */
export const parseDuration = (raw: string, name = 'duration'): number => {
  const match = /^(\d+)(ms|s|m|h)?$/.exec(raw.trim());
  if (!match) throw new Error(`${name} must look like 30m, 90s, 2h or 1500ms, got "${raw}"`);
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? 'ms') as 'ms' | 's' | 'm' | 'h'];
  return Number(match[1]) * factor;
};

const passwordPolicy = (env: Env): PasswordPolicy => {
  const minLength = Number(env.PASSWORD_MIN_LENGTH ?? 8);
  if (!Number.isInteger(minLength) || minLength < 1) throw new Error('PASSWORD_MIN_LENGTH must be a whole number above 0');
  const required = (env.PASSWORD_CHARACTER_CLASSES ?? 'lower,upper,digit').split(',').filter(Boolean) as CharacterClass[];
  const unknown = required.filter((c) => !(PASSWORD_CHARACTER_CLASSES as readonly string[]).includes(c));
  if (unknown.length) throw new Error(`PASSWORD_CHARACTER_CLASSES: unknown class ${unknown.join(', ')}`);
  return { minLength, required };
};

/** `https://a.example, https://b.example`: each must be an origin (scheme, host, port), nothing more. */
const origins = (raw: string): string[] =>
  raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      let origin: string | null = null;
      try {
        origin = new URL(part).origin;
      } catch {
        // reported below
      }
      if (origin === null || origin === 'null' || origin !== part.replace(/\/$/, '')) throw new Error(`CORS_ORIGINS must list origins such as https://crm.example.com, got "${part}"`);
      return origin;
    });

export function readSettings(env: Env = process.env): Settings {
  const production = env.NODE_ENV === 'production';
  const jwtSecret = env.JWT_SECRET || null;
  if (production && !jwtSecret) throw new Error('JWT_SECRET is required when NODE_ENV=production');
  const retryDelays = (env.BUS_RETRY_DELAYS ?? '1000,5000,25000')
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => parseDuration(part, 'BUS_RETRY_DELAYS'));
  const gatewayPort = int(env, 'PORT', 3000);
  return {
    gatewayPort,
    servicePorts: {
      identity: int(env, 'IDENTITY_PORT', 3001),
      tickets: int(env, 'TICKETS_PORT', 3002),
      portal: int(env, 'PORTAL_PORT', 3003),
    },
    databaseUrl: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432',
    databases: {
      identity: env.IDENTITY_DB || 'identity',
      tickets: env.TICKETS_DB || 'tickets',
      portal: env.PORTAL_DB || 'portal',
    },
    amqpUrl: env.AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672',
    amqpQueueType: queueType(env),
    smtpUrl: env.SMTP_URL || null,
    adminUsername: env.ADMIN_USERNAME || 'admin',
    adminPassword: env.ADMIN_PASSWORD || null,
    adminPasswordFile: env.ADMIN_PASSWORD_FILE || '.run/admin-password',
    jwtSecret,
    production,
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5),
    lockout: {
      mode: lockoutMode(env),
      durationMs: parseDuration(env.LOCKOUT_DURATION || '1m', 'LOCKOUT_DURATION'),
      maxDurationMs: parseDuration(env.LOCKOUT_MAX_DURATION || '1h', 'LOCKOUT_MAX_DURATION'),
    },
    roleRefreshIntervalMs: parseDuration(env.ROLE_REFRESH_INTERVAL || '30m', 'ROLE_REFRESH_INTERVAL'),
    tokenTtlSeconds: int(env, 'TOKEN_TTL_SECONDS', 3600),
    sessionCacheMs: int(env, 'SESSION_CACHE_MS', 5000),
    loginRate: {
      windowMs: int(env, 'LOGIN_RATE_WINDOW_MS', 60_000),
      perAccount: int(env, 'LOGIN_RATE_PER_ACCOUNT', 10),
      perAddress: int(env, 'LOGIN_RATE_PER_ADDRESS', 100),
    },
    rpcTimeoutMs: int(env, 'RPC_TIMEOUT_MS', 5000),
    busRetryDelaysMs: retryDelays,
    busPrefetch: int(env, 'BUS_PREFETCH', 16),
    outboxPollMs: int(env, 'OUTBOX_POLL_MS', 500),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10_000),
    trustProxy: trustProxy(env),
    httpRequestTimeoutMs: int(env, 'HTTP_REQUEST_TIMEOUT_MS', 60_000),
    corsOrigins: origins(env.CORS_ORIGINS ?? ''),
    passwordPolicy: passwordPolicy(env),
    passwordResetTtlMs: parseDuration(env.PASSWORD_RESET_TTL || '24h', 'PASSWORD_RESET_TTL'),
    exportDir: resolve(env.EXPORT_DIR || '.run/exports'),
    mail: {
      from: env.MAIL_FROM || 'CRM Suite <no-reply@crm.local>',
      publicUrl: (env.PUBLIC_URL || `http://127.0.0.1:${gatewayPort}`).replace(/\/+$/, ''),
    },
    portal: {
      urls: {
        HELP_GUIDE: env.PORTAL_HELP_GUIDE_URL || '/portal/help',
        BLOG: env.PORTAL_BLOG_URL || '/portal/blog',
        LIVE_CHAT: env.PORTAL_LIVE_CHAT_URL || '/portal/chat',
      },
      defaultCurrency: currency(env.PORTAL_DEFAULT_CURRENCY || 'EUR'),
    },
  };
}

/** Joins the server URL and a database name, keeping any query string. */
export const databaseUrlFor = (serverUrl: string, database: string): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};
