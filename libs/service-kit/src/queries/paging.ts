/** A page of a list (DESIGN.md section 9: `{ items, total }`, `?limit=&offset=`). */
export interface Page<T> {
  items: T[];
  total: number;
}

export const DEFAULT_LIMIT = 50;

export const pageOf = (query: { limit?: number; offset?: number }) => ({ limit: query.limit ?? DEFAULT_LIMIT, offset: query.offset ?? 0 });

/** `ILIKE` pattern for a literal search text (use with `ESCAPE '\'`). */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
