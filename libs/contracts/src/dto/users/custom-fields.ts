/** Bounds of a user's custom fields: a flat JSON object of short keys and scalar values. */
export const CUSTOM_FIELDS_MAX_KEYS = 50;
export const CUSTOM_FIELDS_MAX_JSON = 8 * 1024;
const KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** What is wrong with a custom-fields value, or null when it is acceptable. */
export function customFieldsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'customFields must be a JSON object';
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > CUSTOM_FIELDS_MAX_KEYS) return `customFields may hold at most ${CUSTOM_FIELDS_MAX_KEYS} keys`;
  for (const [key, item] of entries) {
    if (!KEY.test(key)) return `customFields key "${key.slice(0, 70)}" must start with a letter and hold at most 64 letters, digits, _ . -`;
    const scalar = typeof item === 'string' || typeof item === 'boolean' || (typeof item === 'number' && Number.isFinite(item));
    if (!scalar) return `customFields.${key} must be a string, a finite number or a boolean`;
    if (typeof item === 'string' && item.length > 1000) return `customFields.${key} must be at most 1000 characters`;
  }
  if (JSON.stringify(value).length > CUSTOM_FIELDS_MAX_JSON) return `customFields must be at most ${CUSTOM_FIELDS_MAX_JSON} characters as JSON`;
  return null;
}
