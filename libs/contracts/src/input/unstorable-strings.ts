/**
 * PostgreSQL cannot store NUL in text, and a lone UTF-16 surrogate cannot become UTF-8: either one in
 * a client's string would fail deep inside a service as a 500. One rule, applied to every string a
 * client sends (values and object keys alike), refuses them up front with the path of each.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when PostgreSQL can store the text as it is. */
export const isStorableString = (text: string): boolean => !UNSTORABLE.test(text);

/** A key shown in a path with its bad characters escaped (`a\u0000b`), so the answer stays well-formed. */
const printable = (key: string): string => key.replace(UNSTORABLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const join = (parent: string, key: string): string => (parent ? `${parent}.${key}` : key);

/**
 * The dotted paths (`firstName`, `roles.0.roleId`, `customFields.x`) of every string in `value`
 * holding NUL or a lone surrogate, keys included, in document order. Iterative, so that no nesting
 * depth can overflow the stack.
 */
export function unstorableStringPaths(value: unknown, root = ''): string[] {
  const found: string[] = [];
  const pending: [unknown, string][] = [[value, root]];
  while (pending.length) {
    const [item, path] = pending.pop()!;
    if (typeof item === 'string') {
      if (!isStorableString(item)) found.push(path);
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) pending.push([item[i], join(path, String(i))]);
    } else if (typeof item === 'object' && item !== null) {
      const keys = Object.keys(item);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        const keyPath = join(path, printable(key));
        pending.push([(item as Record<string, unknown>)[key], keyPath]);
        if (!isStorableString(key)) pending.push([key, keyPath]);
      }
    }
  }
  return [...new Set(found)];
}
