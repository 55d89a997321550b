import { FieldProblem } from '@app/contracts';

export type CharacterClass = 'lower' | 'upper' | 'digit' | 'symbol';

export interface PasswordPolicy {
  minLength: number;
  required: CharacterClass[];
}

const classTests: Record<CharacterClass, { test: RegExp; name: string }> = {
  lower: { test: /\p{Ll}/u, name: 'a lower-case letter' },
  upper: { test: /\p{Lu}/u, name: 'an upper-case letter' },
  digit: { test: /\p{Nd}/u, name: 'a digit' },
  symbol: { test: /[^\p{L}\p{Nd}]/u, name: 'a symbol' },
};

/** `PASSWORD_MIN_LENGTH` (default 8) and `PASSWORD_CHARACTER_CLASSES` (default lower,upper,digit). */
export function readPasswordPolicy(env: Record<string, string | undefined> = process.env): PasswordPolicy {
  const minLength = Number(env.PASSWORD_MIN_LENGTH ?? 8);
  if (!Number.isInteger(minLength) || minLength < 1) throw new Error('PASSWORD_MIN_LENGTH must be a whole number above 0');
  const required = (env.PASSWORD_CHARACTER_CLASSES ?? 'lower,upper,digit').split(',').filter(Boolean) as CharacterClass[];
  const unknown = required.filter((c) => !(c in classTests));
  if (unknown.length) throw new Error(`PASSWORD_CHARACTER_CLASSES: unknown class ${unknown.join(', ')}`);
  return { minLength, required };
}

/** What is wrong with a password and its confirmation, field by field; empty when acceptable. */
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
