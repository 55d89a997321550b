import { FieldProblem } from '@app/contracts';
import { ServiceError } from '@app/service-kit';

export const DEFAULT_LIMIT = 50;

export interface Page<T> {
  items: T[];
  total: number;
}

export const pageOf = (query: { limit?: number; offset?: number }) => ({ limit: query.limit ?? DEFAULT_LIMIT, offset: query.offset ?? 0 });

/** Maps a unique-index violation to a 400 naming the field it protects; rethrows anything else. */
export function rethrowUnique(error: unknown, fields: Record<string, string>): never {
  const field = fields[(error as { constraint?: string })?.constraint ?? ''];
  if (field) throw ServiceError.badInput([{ field, messages: [`${field} is already taken`] }]);
  throw error;
}

/** `ILIKE` pattern for a literal search text. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const problem = (field: string, message: string): FieldProblem => ({ field, messages: [message] });
