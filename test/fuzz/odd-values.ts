import fc from 'fast-check';

/**
 * Values no handler should choke on: wrong types, odd and huge strings (NUL, lone surrogates, RTL
 * marks, emoji, a million characters), numbers out of every range, ids that are not ids.
 */

/** A short lower-case word: fits every name-like rule of the DTOs (`\S`, usernames, access profile names). */
export const word = fc.stringMatching(/^[a-z][a-z0-9]{5,11}$/);

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => `a${String.fromCharCode(unit)}b`);

export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\uffff',
    '\ufeff{}',
    '\u202eevil',
    'ä'.normalize('NFD'),
    '𝕏😀👩‍👩‍👧',
    '../../etc/passwd',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '%00',
    '\\',
    '"',
    'null',
    'true',
    '1e400',
    '-0',
    'NaN',
    '\r\n\t',
    '${jndi:ldap://x}',
    '__proto__',
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  loneSurrogate,
  fc.constantFrom(65, 101, 256, 1025, 10_001, 100_001, 1_000_001).map((length) => 'x'.repeat(length)),
  fc.constantFrom(1_000, 20_000).map((length) => '😀'.repeat(length)),
);

export const oddNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, 1.5, -1.5, 9, 501, 1e308, -1e308, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 10_000_001, 1e-300),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Path-safe (already encoded) ids that are not the ids of any record. */
export const oddIdSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'abc',
    '1',
    '-1',
    '0',
    '99999999999999999999999999',
    '1e9',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'null',
    'undefined',
    '__proto__',
    'constructor',
    '%00',
    'a%00b',
    '%E2%80%AE',
    '%ED%A0%80',
    '%FF%FE',
    '%ZZ',
    '%2e%2e',
    '%2F',
    '%20',
    'x'.repeat(99),
    'x'.repeat(2000),
  ),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.uuid().map((id) => id.replace(/-/g, '')),
  fc.uuid().map((id) => `${id}x`),
  fc.uuid().map((id) => `%20${id}`),
  oddString.map((text) => safeEncode(text).slice(0, 3000)),
);

/** A JSON value that is the wrong type for almost any field. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constant([]),
  fc.constant({}),
  fc.array(oddString, { maxLength: 3 }),
  fc.dictionary(word, oddString, { maxKeys: 3 }),
  fc.constant({ ['__proto__']: { isAdmin: true } }),
  fc.constantFrom(1, 2, 40).map((depth) => nested(depth)),
  fc.constant(Array.from({ length: 1000 }, (_, i) => i)),
);

export const oddValue: fc.Arbitrary<unknown> = fc.oneof({ arbitrary: oddString, weight: 4 }, { arbitrary: oddNumber, weight: 2 }, { arbitrary: wrongType, weight: 3 });

/** `depth` arrays inside each other. */
export function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** encodeURIComponent, which throws on a lone surrogate: that is sent as its (invalid) UTF-8 bytes. */
export function safeEncode(text: string): string {
  return Array.from(text, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      return '%ED%A0%80';
    }
  }).join('');
}
