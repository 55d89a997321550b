/** A page of a list: the reply type is part of the RPC contracts. */
export type { Page } from '@app/contracts';

export const DEFAULT_LIMIT = 50;

export const pageOf = (query: { limit?: number; offset?: number }) => ({ limit: query.limit ?? DEFAULT_LIMIT, offset: query.offset ?? 0 });

/** `ILIKE` pattern for a literal search text (use with `ESCAPE '\'`). */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
