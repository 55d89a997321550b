/** The settings' names as the configuration routes use them. */
export type SettingKey = 'locale' | 'timeZone' | 'dateFormat' | 'timeFormat' | 'firstDayOfWeek' | 'currency' | 'itemsPerPage';

/** How a setting is entered: a free text the API checks, one of a few choices, or a whole number. */
export type SettingInput = { kind: 'text'; example: string } | { kind: 'choice'; options: readonly string[] } | { kind: 'number'; min: number; max: number };

export interface SettingDefinition {
  key: SettingKey;
  label: string;
  input: SettingInput;
}

// The keys and choices as libs/contracts configuration-rules.ts has them (the web app does not import
// libs/; test/web/configuration.web-spec.ts holds them equal); the API checks every value again.
const DATE_FORMATS = ['yyyy-MM-dd', 'dd/MM/yyyy', 'MM/dd/yyyy', 'dd.MM.yyyy', 'd MMM yyyy'];
const TIME_FORMATS = ['HH:mm', 'HH:mm:ss', 'h:mm a'];
const WEEK_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** Every setting, in the order the pages list them. */
export const SETTINGS: SettingDefinition[] = [
  { key: 'locale', label: 'Locale', input: { kind: 'text', example: 'de-DE' } },
  { key: 'timeZone', label: 'Time zone', input: { kind: 'text', example: 'Europe/Berlin' } },
  { key: 'dateFormat', label: 'Date format', input: { kind: 'choice', options: DATE_FORMATS } },
  { key: 'timeFormat', label: 'Time format', input: { kind: 'choice', options: TIME_FORMATS } },
  { key: 'firstDayOfWeek', label: 'First day of the week', input: { kind: 'choice', options: WEEK_DAYS } },
  { key: 'currency', label: 'Currency', input: { kind: 'text', example: 'EUR' } },
  { key: 'itemsPerPage', label: 'Items per page', input: { kind: 'number', min: 10, max: 500 } },
];

export const SETTING_KEYS: SettingKey[] = SETTINGS.map((s) => s.key);
