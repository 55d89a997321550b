import { parseDuration } from '@app/service-kit';

/** `PASSWORD_RESET_TTL` (default 24h): how long a mailed reset link works. */
export const readResetTtlMs = (env: Record<string, string | undefined> = process.env): number =>
  parseDuration(env.PASSWORD_RESET_TTL || '24h', 'PASSWORD_RESET_TTL');
