/** Query parameters whose value is a credential (a mailed reset link carries `?token=`). */
const SECRET_PARAMETER = /token|key|secret|passw|signature/i;

const decodedName = (raw: string): string => {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
};

/**
 * A request URL fit for a log line: the path and the query as sent, except that the value of any
 * parameter named like a credential is replaced, so a link followed by hand leaves no secret behind.
 */
export function loggableUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const query = url
    .slice(mark + 1)
    .split('&')
    .map((part) => {
      const equals = part.indexOf('=');
      const name = equals < 0 ? part : part.slice(0, equals);
      return equals >= 0 && SECRET_PARAMETER.test(decodedName(name)) ? `${name}=[REDACTED]` : part;
    });
  return `${url.slice(0, mark)}?${query.join('&')}`;
}
