import { randomBytes } from 'node:crypto';
import { LdapSecretBox, parseLdapSecretKey } from './ldap-secret-box';

describe('LdapSecretBox', () => {
  const box = new LdapSecretBox(randomBytes(32));

  it('decrypts what it encrypted, and never stores the plain text', () => {
    const stored = box.encrypt('s3cret-bind-pässword', 'directory-1');
    expect(stored).not.toContain('s3cret');
    expect(stored.startsWith('v1.')).toBe(true);
    expect(box.decrypt(stored, 'directory-1')).toBe('s3cret-bind-pässword');
  });

  it('uses a fresh IV each time', () => {
    expect(box.encrypt('same', 'd')).not.toBe(box.encrypt('same', 'd'));
  });

  it('refuses a changed ciphertext, a changed tag, another directory and another key', () => {
    const stored = box.encrypt('password', 'directory-1');
    const [version, iv, tag, body] = stored.split('.');
    const flip = (part: string): string => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0] ^= 1;
      return bytes.toString('base64url');
    };
    expect(() => box.decrypt([version, iv, tag, flip(body)].join('.'), 'directory-1')).toThrow(/tampered/);
    expect(() => box.decrypt([version, iv, flip(tag), body].join('.'), 'directory-1')).toThrow(/tampered/);
    expect(() => box.decrypt(stored, 'directory-2')).toThrow(/tampered/);
    expect(() => new LdapSecretBox(randomBytes(32)).decrypt(stored, 'directory-1')).toThrow(/tampered/);
    expect(() => box.decrypt('password', 'directory-1')).toThrow(/not an encrypted/);
  });

  it('reads LDAP_SECRET_KEY: unset is null, 32 bytes of base64 is the key, anything else stops the start', () => {
    expect(parseLdapSecretKey(undefined)).toBeNull();
    expect(parseLdapSecretKey('  ')).toBeNull();
    const key = randomBytes(32);
    expect(parseLdapSecretKey(key.toString('base64'))?.equals(key)).toBe(true);
    expect(parseLdapSecretKey(key.toString('base64url'))?.equals(key)).toBe(true);
    expect(() => parseLdapSecretKey(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
    expect(() => parseLdapSecretKey('not base64 at all!')).toThrow(/base64/);
    expect(() => new LdapSecretBox(randomBytes(31))).toThrow(/32 bytes/);
  });
});
