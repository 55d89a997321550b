import { createHash, randomBytes } from 'node:crypto';

/** A one-time secret for a reset link: 32 random bytes, base64url (43 characters, safe in a URL). */
export const newResetToken = (): string => randomBytes(32).toString('base64url');

/**
 * What the database keeps instead of the token. A plain SHA-256 suffices: the token carries 256
 * random bits, so there is nothing to guess, and a lookup by hash stays one index probe.
 */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
