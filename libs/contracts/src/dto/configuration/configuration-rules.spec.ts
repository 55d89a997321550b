import { configurationProblems, effectiveConfiguration, isLocale, isTimeZone } from './configuration-rules';

describe('configuration rules', () => {
  it('accepts locales Intl knows in canonical form only', () => {
    expect(['en', 'en-US', 'de-DE', 'zh-Hant-TW', 'es-419'].every(isLocale)).toBe(true);
    expect(['english', 'en_US', 'EN-us', 'en-us', '', 42].some(isLocale)).toBe(false);
  });

  it('accepts IANA zones and UTC, nothing else', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('europe/berlin')).toBe(false);
  });

  it('names every bad key, including unknown ones', () => {
    const problems = configurationProblems({ locale: 'x', timeZone: 'Nowhere', firstDayOfWeek: 'FUNDAY', itemsPerPage: 5, theme: 'dark' });
    expect(problems.map((p) => p.field)).toEqual(['locale', 'timeZone', 'firstDayOfWeek', 'itemsPerPage', 'theme']);
    expect(configurationProblems({ locale: 'fr-FR', timeZone: 'Asia/Tokyo', currency: 'JPY', itemsPerPage: 50 })).toEqual([]);
    expect(configurationProblems([])).toEqual([{ field: '(body)', messages: ['the configuration must be a JSON object'] }]);
  });

  it('fills what is not set with defaults', () => {
    expect(effectiveConfiguration({ timeZone: 'Asia/Tokyo' })).toMatchObject({ timeZone: 'Asia/Tokyo', locale: 'en-US', firstDayOfWeek: 'MONDAY' });
  });
});
