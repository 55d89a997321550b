import fc from 'fast-check';
import { isStorableString, unstorableStringPaths } from './unstorable-strings';

/** Any text of valid code points other than NUL: what PostgreSQL stores. */
const storableText = fc.string({ unit: fc.integer({ min: 1, max: 0x10ffff }).filter((cp) => cp < 0xd800 || cp > 0xdfff).map((cp) => String.fromCodePoint(cp)) });
const badUnit = fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff');
const key = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}$/);

/** JSON-like values built from storable strings only. */
const storableValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, storableText, fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
})).value;

/** `text` with `unit` inserted at a position that cannot pair it with a neighbour. */
const spoil = (text: string, unit: string, at: number): string => {
  const points = [...text];
  const i = at % (points.length + 1);
  // A high surrogate before a low one (or after) would pair up: keep a storable separator around it.
  return [...points.slice(0, i), '|', unit, '|', ...points.slice(i)].join('');
};

describe('isStorableString', () => {
  it('accepts any text of valid code points, emoji and other astral characters included', () => {
    fc.assert(fc.property(storableText, (text) => isStorableString(text)));
    expect(isStorableString('Zoë 🧑‍💻 𝔘𝔫𝔦')).toBe(true);
  });

  it('refuses NUL and lone surrogates wherever they are', () => {
    fc.assert(fc.property(storableText, badUnit, fc.nat(), (text, unit, at) => !isStorableString(spoil(text, unit, at))));
    expect(isStorableString('\udc00\ud800')).toBe(false); // a low then a high surrogate is no pair
  });
});

describe('unstorableStringPaths', () => {
  it('finds nothing in values built from valid code points', () => {
    fc.assert(fc.property(storableValue, (value) => unstorableStringPaths(value).length === 0));
  });

  it('names the dotted path of a spoiled string anywhere in a body', () => {
    fc.assert(
      fc.property(storableValue, fc.array(fc.oneof(key, fc.nat({ max: 3 })), { minLength: 1, maxLength: 5 }), storableText, badUnit, fc.nat(), (base, path, text, unit, at) => {
        // Build the path into a copy of the value: numbers make arrays, keys make objects.
        const root: Record<string, unknown> = { base };
        let holder: any = root;
        let name: string | number = 'spoiled';
        for (const step of path) {
          holder[name] = typeof step === 'number' ? Array(step + 1).fill(0) : {};
          holder = holder[name];
          name = step;
        }
        holder[name] = spoil(text, unit, at);
        return JSON.stringify(unstorableStringPaths(root)) === JSON.stringify([['spoiled', ...path].join('.')]);
      }),
    );
  });

  it('names fields as the validation details do, keys included', () => {
    const body = { firstName: 'A\u0000', roles: [{ roleId: 'x' }, { roleId: '\ud800' }], customFields: { x: 'ok', ['bad\u0000key']: 'v', y: 'a\udfffb' } };
    expect(unstorableStringPaths(body)).toEqual(['firstName', 'roles.1.roleId', 'customFields.bad\\u0000key', 'customFields.y']);
    expect(unstorableStringPaths({ q: '\u0000' })).toEqual(['q']);
    expect(unstorableStringPaths('\u0000')).toEqual(['']);
    expect(unstorableStringPaths({ q: '\u0000' }, 'query')).toEqual(['query.q']);
  });

  it('walks any depth without overflowing the stack', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableStringPaths(deep)).toHaveLength(1);
  });
});
