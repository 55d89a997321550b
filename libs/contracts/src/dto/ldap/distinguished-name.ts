import { ValidateBy } from 'class-validator';

/** The longest DN accepted (directories' own limits are of this order). */
export const DN_MAX = 1024;

/** An RDN's attribute type: a name or a numeric OID (RFC 4514 section 3). */
const ATTRIBUTE_TYPE = /^([A-Za-z][A-Za-z0-9-]*|\d+(\.\d+)*)$/;

/** The RDNs of a DN split on unescaped commas (and the `+` of multi-valued RDNs kept inside). */
function splitUnescaped(text: string, separator: string): string[] | null {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      if (i + 1 >= text.length) return null;
      current += c + text[i + 1];
      i++;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/**
 * What is wrong with a distinguished name in the string form of RFC 4514 (`uid=ann,ou=people,dc=example,dc=org`),
 * or null: at least one RDN, each `type=value` with a non-empty value, escapes complete. Hex-string
 * values (`#04...`) are accepted as they are.
 */
export function distinguishedNameProblem(value: unknown, field = 'value'): string | null {
  if (typeof value !== 'string') return `${field} must be a string`;
  if (value.trim() === '') return `${field} must be a distinguished name such as ou=people,dc=example,dc=org`;
  if (value.length > DN_MAX) return `${field} must be at most ${DN_MAX} characters`;
  const rdns = splitUnescaped(value, ',');
  if (!rdns) return `${field} ends in an incomplete escape`;
  for (const rdn of rdns) {
    const pairs = splitUnescaped(rdn, '+') ?? [];
    for (const pair of pairs) {
      const equals = pair.indexOf('=');
      const type = equals < 0 ? '' : pair.slice(0, equals).trim();
      const attributeValue = equals < 0 ? '' : pair.slice(equals + 1).trim();
      if (!ATTRIBUTE_TYPE.test(type) || attributeValue === '') {
        return `${field} must be a distinguished name such as ou=people,dc=example,dc=org ("${rdn.trim()}" is not attribute=value)`;
      }
    }
  }
  return null;
}

export const isDistinguishedName = (value: unknown): boolean => distinguishedNameProblem(value) === null;

export const IsDistinguishedName = (): PropertyDecorator =>
  ValidateBy({
    name: 'isDistinguishedName',
    validator: {
      validate: (value) => isDistinguishedName(value),
      defaultMessage: (args) => distinguishedNameProblem(args?.value, args?.property) ?? `${args?.property} is invalid`,
    },
  });
