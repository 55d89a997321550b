import { readSettings } from '@app/service-kit/settings/settings';
import { checkPassword } from './password-policy';

describe('password policy', () => {
  const policy = readSettings({}).passwordPolicy;

  it('accepts a password that meets the default policy and matches its confirmation', () => {
    expect(checkPassword(policy, 'Secret123', 'Secret123')).toEqual([]);
  });

  it('names every rule a weak password breaks', () => {
    const [problem] = checkPassword(policy, 'abc', 'abc');
    expect(problem.field).toBe('password');
    expect(problem.messages).toEqual([
      'password must be at least 8 characters long',
      'password must contain an upper-case letter',
      'password must contain a digit',
    ]);
  });

  it('reports a confirmation that differs on its own field', () => {
    expect(checkPassword(policy, 'Secret123', 'Secret124')).toEqual([{ field: 'passwordConfirm', messages: ['passwordConfirm must match password'] }]);
  });

  it('applies the policy read from the environment', () => {
    const strict = readSettings({ PASSWORD_MIN_LENGTH: '12', PASSWORD_CHARACTER_CLASSES: 'symbol' }).passwordPolicy;
    expect(checkPassword(strict, 'Secret123456', 'Secret123456')[0].messages).toEqual(['password must contain a symbol']);
  });
});
