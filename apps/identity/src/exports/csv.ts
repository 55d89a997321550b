/** RFC 4180 CSV: fields quoted only when they must be, quotes doubled, CRLF between records. */
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export const csvRecord = (values: readonly (string | null | undefined)[]): string => `${values.map(csvField).join(',')}\r\n`;
