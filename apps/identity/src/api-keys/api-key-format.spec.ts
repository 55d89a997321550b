import { apiKeyMatches, hashApiKey, issueApiKey, keyIdOf } from './api-key-format';

describe('API key format', () => {
  it('issues recognisable keys that name their row and are stored as a SHA-256 hash', () => {
    const issued = issueApiKey();
    expect(issued.apiKey).toMatch(/^crm_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(keyIdOf(issued.apiKey)).toBe(issued.keyId);
    expect(issued.keyHash).toBe(hashApiKey(issued.apiKey));
    expect(issued.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(issued.keyHash).not.toContain(issued.apiKey.slice(37));
  });

  it('never issues the same key twice', () => {
    const keys = Array.from({ length: 500 }, () => issueApiKey().apiKey);
    expect(new Set(keys).size).toBe(500);
  });

  it.each(['', 'crm_', 'Bearer x', 'crm_zzzz_abc', `crm_${'a'.repeat(32)}_${'b'.repeat(42)}`, `xrm_${'a'.repeat(32)}_${'b'.repeat(43)}`])(
    'reads no key id from %p',
    (key) => expect(keyIdOf(key)).toBeNull(),
  );

  it('matches only the key it was issued as', () => {
    const { apiKey, keyHash } = issueApiKey();
    expect(apiKeyMatches(apiKey, keyHash)).toBe(true);
    const flipped = apiKey.slice(0, -1) + (apiKey.endsWith('A') ? 'B' : 'A');
    expect(apiKeyMatches(flipped, keyHash)).toBe(false);
    expect(apiKeyMatches(apiKey, 'not-hex')).toBe(false);
  });
});
