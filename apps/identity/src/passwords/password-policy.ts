import { FieldProblem } from '@app/contracts';
import type { CharacterClass, PasswordPolicy } from '@app/service-kit';

const classTests: Record<CharacterClass, { test: RegExp; name: string }> = {
  lower: { test: /\p{Ll}/u, name: 'a lower-case letter' },
  upper: { test: /\p{Lu}/u, name: 'an upper-case letter' },
  digit: { test: /\p{Nd}/u, name: 'a digit' },
  symbol: { test: /[^\p{L}\p{Nd}]/u, name: 'a symbol' },
};

/**
 * What is wrong with a password and its confirmation under the policy (Settings.passwordPolicy),
 * field by field; empty when acceptable.
 */
export function checkPassword(policy: PasswordPolicy, password: string, confirmation: string): FieldProblem[] {
  const messages: string[] = [];
  if ([...password].length < policy.minLength) messages.push(`password must be at least ${policy.minLength} characters long`);
  for (const wanted of policy.required) {
    if (!classTests[wanted].test.test(password)) messages.push(`password must contain ${classTests[wanted].name}`);
  }
  const problems: FieldProblem[] = messages.length ? [{ field: 'password', messages }] : [];
  if (password !== confirmation) problems.push({ field: 'passwordConfirm', messages: ['passwordConfirm must match password'] });
  return problems;
}
