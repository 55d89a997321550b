import { randomInt } from 'node:crypto';
import type { PasswordPolicy } from '@app/service-kit';

/** Look-alikes (l, I, O, 0, 1) left out: a suggested password is often read aloud or retyped. */
const alphabets = {
  lower: 'abcdefghijkmnopqrstuvwxyz',
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  digit: '23456789',
  symbol: '!#$%&*+-=?@^_',
} as const;

const SUGGESTED_MIN_LENGTH = 16;

/**
 * A random password (crypto-grade) that meets any policy of the suite: at least 16 characters or
 * the policy's minimum, and one character of every class whether the policy asks for it or not.
 */
export function suggestPassword(policy: PasswordPolicy, pick: (max: number) => number = randomInt): string {
  const length = Math.max(policy.minLength, SUGGESTED_MIN_LENGTH);
  const all = Object.values(alphabets).join('');
  const from = (alphabet: string) => alphabet[pick(alphabet.length)];
  const characters = Object.values(alphabets).map(from);
  while (characters.length < length) characters.push(from(all));
  // Fisher-Yates, so the guaranteed characters do not always lead.
  for (let i = characters.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [characters[i], characters[j]] = [characters[j], characters[i]];
  }
  return characters.join('');
}
