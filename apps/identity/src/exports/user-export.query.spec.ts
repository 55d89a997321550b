import * as fc from 'fast-check';
import { inlineParameters } from './inline-parameters';
import { USER_EXPORT_COLUMNS, userExportSql } from './user-export.query';

const ORG = '7d0f9a52-2f4e-4a39-9a35-3c1c1f0c1a01';
const UNITS = ['0b7c3e1e-9f57-4d0c-8d7e-6a1b2c3d4e5f', 'c2a9d7f1-1e2b-4c3d-8e9f-0a1b2c3d4e5f'];

describe('the user export query', () => {
  // COPY writes the query's column labels as the CSV header: they must be the documented columns.
  it('labels its columns with USER_EXPORT_COLUMNS, in order, with hashes or without', () => {
    for (const includePasswordHashes of [true, false]) {
      const labels = [...userExportSql({ scope: { level: 'GLOBAL' }, includePasswordHashes }).matchAll(/ AS "(\w+)"/g)].map((match) => match[1]);
      expect(labels).toEqual([...USER_EXPORT_COLUMNS]);
    }
  });

  it('exports no avatar, and the password only as its hash when the job may hold hashes', () => {
    const withHashes = userExportSql({ scope: { level: 'GLOBAL' }, includePasswordHashes: true });
    const without = userExportSql({ scope: { level: 'GLOBAL' }, includePasswordHashes: false });
    expect(withHashes).not.toMatch(/avatar/i);
    expect(withHashes).toMatch(/u\.password_hash AS "passwordHash"/);
    expect(without).toMatch(/NULL AS "passwordHash"/);
    expect(without).not.toMatch(/password_hash/);
    expect(USER_EXPORT_COLUMNS.filter((column) => /password/i.test(column))).toEqual(['passwordHash']);
  });

  it("filters by the users list's scope condition, its values written in", () => {
    const where = (sql: string) => /\n WHERE (.*)\n ORDER BY/.exec(sql)?.[1];
    const query = (scope: Parameters<typeof userExportSql>[0]['scope']) => where(userExportSql({ scope, includePasswordHashes: false }));
    expect(query({ level: 'GLOBAL' })).toBe('true');
    expect(query({ level: 'NONE' })).toBe('1 = 0');
    expect(query({ level: 'ORGANIZATION', organizationId: ORG })).toBe(`('${ORG}' = ANY(u.organization_ids))`);
    expect(query({ level: 'BUSINESS_UNIT', organizationId: ORG, businessUnitIds: UNITS })).toBe(
      `('${ORG}' = ANY(u.organization_ids) AND (u.owner_business_unit_id = ANY('{"${UNITS[0]}","${UNITS[1]}"}')))`,
    );
  });
});

describe('inlineParameters', () => {
  it('writes strings and string arrays as quoted literals and refuses anything else', () => {
    // Checked in psql: reads back as o'k and {a"b, c\d, ''}.
    expect(inlineParameters({ sql: '$2 = ANY($3::text[])', params: ["o'k", ['a"b', 'c\\d', '']] }, 2)).toBe(`'o''k' = ANY( E'{"a\\\\"b","c\\\\\\\\d",""}'::text[])`);
    expect(() => inlineParameters({ sql: '$1', params: [1] }, 1)).toThrow(TypeError);
    expect(() => inlineParameters({ sql: '$2', params: ['x'] }, 1)).toThrow(RangeError);
  });

  // The literal must read back as exactly the value: no quote, backslash or brace escapes it.
  it('gives literals that read back as the values', () => {
    const unquote = (literal: string): string => {
      const escaped = literal.startsWith(' E');
      const body = literal.replace(/^ ?E?'/, '').replace(/'$/, '').replaceAll("''", "'");
      return escaped ? body.replaceAll('\\\\', '\\') : body;
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', "'", '\\', '"', '{', '}', ',', ' ') }), (value) => {
        expect(unquote(inlineParameters({ sql: '$1', params: [value] }, 1))).toBe(value);
      }),
    );
  });
});
