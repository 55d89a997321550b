import type { SettingKey, SettingValues } from './configuration-api';
import { SETTING_KEYS } from './setting-definitions';

/** A layer's values as a form holds them: text per key, '' for a key the layer does not set. */
export type SettingDraft = Record<SettingKey, string>;

export const draftOfValues = (values: SettingValues): SettingDraft =>
  Object.fromEntries(SETTING_KEYS.map((key) => [key, values[key] === undefined ? '' : String(values[key])])) as SettingDraft;

/**
 * The body of a PUT: only the keys given (the PUTs replace the layer, so a key left out falls back).
 * A whole number is sent as a number; anything else as typed, for the API to name in its 400.
 */
export function valuesOfDraft(draft: SettingDraft): SettingValues {
  const values: SettingValues = {};
  for (const key of SETTING_KEYS) {
    const text = draft[key].trim();
    if (text === '') continue;
    values[key] = key === 'itemsPerPage' && /^-?\d+$/.test(text) ? Number(text) : text;
  }
  return values;
}
