import { USER_EXPORT_COLUMNS, USER_EXPORT_SQL } from './user-export.query';

describe('the user export query', () => {
  // COPY writes the query's column labels as the CSV header: they must be the documented columns.
  it('labels its columns with USER_EXPORT_COLUMNS, in order', () => {
    const labels = [...USER_EXPORT_SQL.matchAll(/ AS "(\w+)"/g)].map((match) => match[1]);
    expect(labels).toEqual([...USER_EXPORT_COLUMNS]);
  });

  it('exports no avatar and no password but its hash', () => {
    expect(USER_EXPORT_SQL).not.toMatch(/avatar/i);
    expect(USER_EXPORT_SQL).toMatch(/u\.password_hash AS "passwordHash"/);
    expect(USER_EXPORT_COLUMNS.filter((column) => /password/i.test(column))).toEqual(['passwordHash']);
  });
});
