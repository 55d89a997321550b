import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * `crm_<keyId>_<secret>`: the prefix makes a leaked key easy to recognise (secret scanners, logs),
 * the key id (a UUID without dashes) finds its row, the secret is 32 random bytes in base64url.
 */
const KEY_PATTERN = /^crm_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export interface IssuedKey {
  keyId: string;
  apiKey: string;
  /** What the database keeps. */
  keyHash: string;
}

export const hashApiKey = (apiKey: string): string => createHash('sha256').update(apiKey, 'utf8').digest('hex');

export function issueApiKey(): IssuedKey {
  const keyId = randomUUID();
  const apiKey = `crm_${keyId.replaceAll('-', '')}_${randomBytes(32).toString('base64url')}`;
  return { keyId, apiKey, keyHash: hashApiKey(apiKey) };
}

/** The key id a well-formed key names, or null for anything else. */
export function keyIdOf(apiKey: string): string | null {
  const match = KEY_PATTERN.exec(apiKey);
  if (!match) return null;
  const hex = match[1];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Compares in constant time, so a near miss takes as long as a far one. */
export function apiKeyMatches(apiKey: string, storedHash: string): boolean {
  const given = Buffer.from(hashApiKey(apiKey), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
