import { passwordSource } from './password-source';

describe('passwordSource', () => {
  it('checks a hand-made user against its hash', () => {
    expect(passwordSource({ passwordHash: '$argon2id$...', ldapDn: null, ldapDirectoryId: null })).toBe('LOCAL');
  });

  it('checks a directory user by a bind, whatever else the row holds', () => {
    expect(passwordSource({ passwordHash: null, ldapDn: 'uid=ann,dc=example,dc=org', ldapDirectoryId: 'd1' })).toBe('DIRECTORY');
    expect(passwordSource({ passwordHash: '$argon2id$...', ldapDn: 'uid=ann,dc=example,dc=org', ldapDirectoryId: 'd1' })).toBe('DIRECTORY');
  });

  it('has nothing to check for a user whose directory was removed, until an administrator gives it a password', () => {
    expect(passwordSource({ passwordHash: null, ldapDn: 'uid=ann,dc=example,dc=org', ldapDirectoryId: null })).toBe('DIRECTORY_GONE');
    expect(passwordSource({ passwordHash: '$argon2id$...', ldapDn: 'uid=ann,dc=example,dc=org', ldapDirectoryId: null })).toBe('LOCAL');
  });
});
