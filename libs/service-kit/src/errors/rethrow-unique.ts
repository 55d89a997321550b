import { ServiceError } from './service-error';

/** Maps a unique-index violation to a 400 naming the field it protects; rethrows anything else. */
export function rethrowUnique(error: unknown, fields: Record<string, string>): never {
  const field = fields[(error as { constraint?: string })?.constraint ?? ''];
  if (field) throw ServiceError.badInput([{ field, messages: [`${field} is already taken`] }]);
  throw error;
}
