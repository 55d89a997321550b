import { AclScope } from '../scope';
import { ScopeColumns } from './scope-columns';
import { scopeSql } from './scope-sql';

/** A SQL condition with its positional parameters (`$n`, numbered from the first parameter given). */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * The scope as SQL text with positional parameters, for hand-written SQL the query builder does not
 * produce (and, with the values written in, for `COPY`, which takes no parameters). Here the columns
 * are SQL expressions (`u.organization_ids`), not entity properties. GLOBAL is `true`.
 */
export function scopeCondition(scope: AclScope, columns: ScopeColumns, firstParameter = 1): SqlCondition {
  const params: unknown[] = [];
  const sql = scopeSql(scope, columns, {
    column: (expression) => expression,
    bind: (_, value) => {
      params.push(value);
      return `$${firstParameter + params.length - 1}`;
    },
  });
  return { sql: sql ?? 'true', params };
}
