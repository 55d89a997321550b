const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What is wrong with a birthday (`YYYY-MM-DD`, a real date, not in the future, not before 1900), or null. */
export function birthdayProblem(value: unknown, today: Date = new Date()): string | null {
  if (typeof value !== 'string') return 'birthday must be an ISO date (YYYY-MM-DD)';
  const match = ISO_DATE.exec(value);
  if (!match) return 'birthday must be an ISO date (YYYY-MM-DD)';
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return `birthday ${value} is not a calendar date`;
  if (year < 1900) return 'birthday must not be before 1900';
  // Compared as dates in UTC+14, the earliest calendar on earth: a birthday that is today anywhere is fine.
  const latest = new Date(today.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
  if (value > latest) return 'birthday must not be in the future';
  return null;
}
