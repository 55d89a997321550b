import { escapeLiteral } from 'pg';
import type { SqlCondition } from '@app/acl/typeorm';

/** PostgreSQL's text form of a text array: every item quoted, `"` and `\` escaped. */
const arrayText = (items: readonly string[]): string => `{${items.map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

function literal(value: unknown): string {
  if (typeof value === 'string') return escapeLiteral(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return escapeLiteral(arrayText(value));
  throw new TypeError(`cannot write ${JSON.stringify(value)} into SQL as a literal`);
}

/**
 * A condition's SQL with its `$n` parameters written in as quoted literals, for a statement that takes
 * no parameters: `COPY (query) TO STDOUT` has none. Each literal is the text pg would have sent as the
 * parameter, quoted by pg's escapeLiteral; PostgreSQL types the literal from the column it meets
 * (`'…' = ANY(u.organization_ids)` reads it as a uuid), as it would the parameter. Only strings and
 * arrays of strings, which is what the scope conditions hold.
 */
export function inlineParameters(condition: SqlCondition, firstParameter: number): string {
  return condition.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - firstParameter;
    if (index < 0 || index >= condition.params.length) throw new RangeError(`no value for $${n}`);
    return literal(condition.params[index]);
  });
}
