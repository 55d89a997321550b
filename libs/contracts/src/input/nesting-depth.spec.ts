import fc from 'fast-check';
import { inputProblems } from './input-problems';
import { jsonTextDepth, MAX_BODY_DEPTH, nestsDeeperThan } from './nesting-depth';

const nested = (depth: number, inner = '1'): string => '['.repeat(depth) + inner + ']'.repeat(depth);

describe('jsonTextDepth', () => {
  it('counts the nesting of any JSON value as the parsed value has it', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (text) => {
        const depthOf = (v: unknown): number => (typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);
        return jsonTextDepth(text, 100) === depthOf(JSON.parse(text));
      }),
    );
  });

  it('ignores brackets, quotes and escapes inside strings', () => {
    expect(jsonTextDepth('{"a":"[[[{{{\\"[[["}')).toBe(1);
    expect(jsonTextDepth('["\\\\",[]]')).toBe(2);
  });

  it('stops past the limit, so 10,000 levels cost no more than 33', () => {
    expect(jsonTextDepth(nested(MAX_BODY_DEPTH))).toBe(MAX_BODY_DEPTH);
    expect(jsonTextDepth(nested(10_000))).toBe(MAX_BODY_DEPTH + 1);
  });
});

describe('nestsDeeperThan and inputProblems', () => {
  it('allow 32 levels and refuse 33, naming (body)', () => {
    expect(nestsDeeperThan(JSON.parse(nested(MAX_BODY_DEPTH)))).toBe(false);
    expect(nestsDeeperThan(JSON.parse(nested(MAX_BODY_DEPTH + 1)))).toBe(true);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(inputProblems(deep).map((p) => p.field)).toEqual(['(body)']);
  });

  it('name each unstorable field in the error details shape', () => {
    expect(inputProblems({ name: 'a\u0000', ok: 'b' })).toEqual([{ field: 'name', messages: ['name must not contain NUL characters or unpaired UTF-16 surrogates'] }]);
    expect(inputProblems({ name: 'fine' })).toEqual([]);
  });
});
