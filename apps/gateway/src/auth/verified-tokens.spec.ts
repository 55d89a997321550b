import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  const now = 1_800_000_000_000;
  it('answers a remembered token until its exp, then forgets it', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('a.b.c', { sub: 'u', sid: 's', exp: now / 1000 + 60 });
    expect(tokens.get('a.b.c', now)).toEqual({ sub: 'u', sid: 's', exp: now / 1000 + 60 });
    expect(tokens.get('a.b.c', now + 60_000)).toBeUndefined();
    expect(tokens.get('a.b.c', now)).toBeUndefined();
  });

  it('never keeps a token without exp, and knows no other string', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('x.y.z', { sub: 'u', sid: 's' });
    expect(tokens.get('x.y.z', now)).toBeUndefined();
    tokens.remember('a.b.c', { sub: 'u', sid: 's', exp: now / 1000 + 60 });
    expect(tokens.get('a.b.d', now)).toBeUndefined();
  });
});
