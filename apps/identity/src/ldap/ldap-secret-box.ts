import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encrypts a directory's bind password at rest: AES-256-GCM with the key of LDAP_SECRET_KEY (32 bytes,
 * base64), a fresh 12-byte IV each time, and the directory's id as additional data, so a ciphertext
 * copied onto another directory's row does not decrypt. Stored as `v1.<iv>.<tag>.<ciphertext>`
 * (base64url parts). Pure: no Nest, unit-tested on its own.
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class LdapSecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('LDAP_SECRET_KEY must be 32 bytes (base64 encoded)');
  }

  encrypt(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  /** The plain text; throws when the value was changed, belongs to another context or another key. */
  decrypt(stored: string, context: string): string {
    const parts = stored.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('not an encrypted LDAP secret');
    const [iv, tag, body] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('not an encrypted LDAP secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('the LDAP secret does not decrypt with LDAP_SECRET_KEY (changed key or tampered value)');
    }
  }
}

/** The key of LDAP_SECRET_KEY, or null when unset; throws (the service does not start) when set but not 32 bytes of base64. */
export function parseLdapSecretKey(raw: string | undefined): Buffer | null {
  if (raw === undefined || raw.trim() === '') return null;
  const text = raw.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) && !/^[A-Za-z0-9_-]+={0,2}$/.test(text)) throw new Error('LDAP_SECRET_KEY must be base64 (e.g. `openssl rand -base64 32`)');
  const key = Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
  if (key.length !== 32) throw new Error(`LDAP_SECRET_KEY must be 32 bytes in base64 (e.g. \`openssl rand -base64 32\`), got ${key.length} bytes`);
  return key;
}
