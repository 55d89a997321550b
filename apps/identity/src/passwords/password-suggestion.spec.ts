import type { PasswordPolicy } from '@app/service-kit';
import { checkPassword } from './password-policy';
import { suggestPassword } from './password-suggestion';

describe('suggestPassword', () => {
  const policies: PasswordPolicy[] = [
    { minLength: 8, required: ['lower', 'upper', 'digit'] },
    { minLength: 30, required: ['lower', 'upper', 'digit', 'symbol'] },
    { minLength: 1, required: [] },
  ];

  it.each(policies)('meets the policy %o every time', (policy) => {
    for (let i = 0; i < 200; i++) {
      const password = suggestPassword(policy);
      expect(checkPassword(policy, password, password)).toEqual([]);
      expect(password.length).toBe(Math.max(policy.minLength, 16));
    }
  });

  it('holds every character class even when the policy asks for none', () => {
    const password = suggestPassword({ minLength: 1, required: [] });
    expect(password).toMatch(/[a-z]/);
    expect(password).toMatch(/[A-Z]/);
    expect(password).toMatch(/[0-9]/);
    expect(password).toMatch(/[^A-Za-z0-9]/);
  });

  it('does not repeat itself', () => {
    const seen = new Set(Array.from({ length: 500 }, () => suggestPassword(policies[0])));
    expect(seen.size).toBe(500);
  });
});
