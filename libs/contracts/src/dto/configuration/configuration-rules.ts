/**
 * Per-user configuration (OroCRM's user-level settings): the keys, their defaults and their rules.
 * Plain functions so that the gateway's DTO, identity and unit tests share them.
 */
export const WEEK_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export const DATE_FORMATS = ['yyyy-MM-dd', 'dd/MM/yyyy', 'MM/dd/yyyy', 'dd.MM.yyyy', 'd MMM yyyy'] as const;
export const TIME_FORMATS = ['HH:mm', 'HH:mm:ss', 'h:mm a'] as const;

export interface UserConfigurationValues {
  locale: string;
  timeZone: string;
  dateFormat: (typeof DATE_FORMATS)[number];
  timeFormat: (typeof TIME_FORMATS)[number];
  firstDayOfWeek: (typeof WEEK_DAYS)[number];
  currency: string;
  itemsPerPage: number;
}

export const CONFIGURATION_DEFAULTS: UserConfigurationValues = {
  locale: 'en-US',
  timeZone: 'UTC',
  dateFormat: 'yyyy-MM-dd',
  timeFormat: 'HH:mm',
  firstDayOfWeek: 'MONDAY',
  currency: 'USD',
  itemsPerPage: 25,
};

export const CONFIGURATION_KEYS = Object.keys(CONFIGURATION_DEFAULTS) as (keyof UserConfigurationValues)[];

/** `en`, `en-US`, `zh-Hant-TW`: a language, an optional script and an optional region, as Intl knows them. */
const LOCALE = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/;

export function isLocale(value: unknown): boolean {
  if (typeof value !== 'string' || !LOCALE.test(value)) return false;
  try {
    return Intl.getCanonicalLocales(value)[0] === value;
  } catch {
    return false;
  }
}

let zones: Set<string> | null = null;

/** An IANA zone this runtime knows (Intl.supportedValuesOf), or UTC. */
export function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  return zones.has(value);
}

/** ISO 4217 code shape; Intl must accept it as a currency. */
export function isCurrency(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: value });
    return true;
  } catch {
    return false;
  }
}

/** Every problem of a (partial) configuration, keyed by field; empty when it is valid. */
export function configurationProblems(input: unknown): { field: string; messages: string[] }[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [{ field: '(body)', messages: ['the configuration must be a JSON object'] }];
  const problems: { field: string; messages: string[] }[] = [];
  const bad = (field: string, message: string) => problems.push({ field, messages: [message] });
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    switch (key) {
      case 'locale':
        if (!isLocale(value)) bad(key, 'locale must be a locale such as en-US or de-DE');
        break;
      case 'timeZone':
        if (!isTimeZone(value)) bad(key, 'timeZone must be an IANA time zone such as Europe/Berlin');
        break;
      case 'dateFormat':
        if (!(DATE_FORMATS as readonly unknown[]).includes(value)) bad(key, `dateFormat must be one of ${DATE_FORMATS.join(', ')}`);
        break;
      case 'timeFormat':
        if (!(TIME_FORMATS as readonly unknown[]).includes(value)) bad(key, `timeFormat must be one of ${TIME_FORMATS.join(', ')}`);
        break;
      case 'firstDayOfWeek':
        if (!(WEEK_DAYS as readonly unknown[]).includes(value)) bad(key, `firstDayOfWeek must be one of ${WEEK_DAYS.join(', ')}`);
        break;
      case 'currency':
        if (!isCurrency(value)) bad(key, 'currency must be an ISO 4217 code such as EUR');
        break;
      case 'itemsPerPage':
        if (!Number.isInteger(value) || (value as number) < 10 || (value as number) > 500) bad(key, 'itemsPerPage must be a whole number from 10 to 500');
        break;
      default:
        bad(key, `property ${key.slice(0, 64)} should not exist`);
    }
  }
  return problems;
}

/** The stored values over the defaults: what the user works with. */
export const effectiveConfiguration = (stored: Partial<UserConfigurationValues>): UserConfigurationValues => ({ ...CONFIGURATION_DEFAULTS, ...stored });
