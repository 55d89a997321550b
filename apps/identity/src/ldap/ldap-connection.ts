import type { LdapConnectionFailure } from '@app/contracts';
import { Client, Entry, FilterParser, InvalidDNSyntaxError, NoSuchObjectError, ResultCodeError } from 'ldapts';

/** Where and as whom identity reads a directory. */
export interface LdapBindSettings {
  url: string;
  bindDn: string;
  bindPassword: string;
}

export interface LdapSearchSettings extends LdapBindSettings {
  baseDn: string;
  userFilter: string;
}

/** A directory that did not answer as configured, with what failed. */
export class LdapFailure extends Error {
  constructor(
    readonly failure: LdapConnectionFailure,
    message: string,
  ) {
    super(message);
  }
}

const CONNECT_TIMEOUT_MS = 5_000;
const OPERATION_TIMEOUT_MS = 30_000;
/** Entries per page of a paged search (RFC 2696): the server's own size limit applies per page. */
export const PAGE_SIZE = 200;

/**
 * What is wrong with an RFC 4515 filter, or null; parsed by ldapts as it would send it. ldapts closes
 * composite filters left open (`(&(a=1)(b=2)`): a filter must balance its parentheses here, as RFC
 * 4515 writes literal ones in values as \28 and \29.
 */
export function filterProblem(filter: string): string | null {
  let depth = 0;
  for (const c of filter) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth < 0) break;
  }
  if (depth !== 0) return 'userFilter is not a valid LDAP filter (RFC 4515): unbalanced parentheses';
  try {
    FilterParser.parseString(filter);
    return null;
  } catch (error) {
    return `userFilter is not a valid LDAP filter (RFC 4515): ${(error as Error).message}`;
  }
}

/**
 * Connects, binds as the configured DN and runs `use`; always unbinds. A failure to connect (refused,
 * timed out, TLS) is UNREACHABLE; an LDAP result to the bind (wrong password, unknown DN,
 * unwilling) is BIND_REFUSED.
 */
export async function withDirectory<T>(settings: LdapBindSettings, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ url: settings.url, connectTimeout: CONNECT_TIMEOUT_MS, timeout: OPERATION_TIMEOUT_MS, strictDN: false });
  try {
    try {
      await client.bind(settings.bindDn, settings.bindPassword);
    } catch (error) {
      if (error instanceof ResultCodeError) throw new LdapFailure('BIND_REFUSED', `the directory refused the bind as ${settings.bindDn}: ${error.message}`);
      throw new LdapFailure('UNREACHABLE', `the directory at ${settings.url} cannot be reached: ${describeError(error)}`);
    }
    return await use(client);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

/**
 * Every entry the filter selects under the base DN (scope sub), read page by page, with only the
 * attributes asked for. Filter and base DN failures are named as such.
 */
export async function searchEntries(client: Client, settings: Pick<LdapSearchSettings, 'baseDn' | 'userFilter' | 'url'>, attributes: string[]): Promise<Entry[]> {
  const problem = filterProblem(settings.userFilter);
  if (problem) throw new LdapFailure('FILTER_INVALID', problem);
  try {
    const { searchEntries: entries } = await client.search(settings.baseDn, {
      scope: 'sub',
      filter: settings.userFilter,
      attributes,
      paged: { pageSize: PAGE_SIZE },
    });
    return entries;
  } catch (error) {
    throw classifySearchError(error, settings.baseDn, settings.url);
  }
}

/** The values of `member` and `uniqueMember` of the group entry `groupDn`. */
export async function groupMembers(client: Client, groupDn: string, url: string): Promise<string[]> {
  try {
    const { searchEntries: [entry] } = await client.search(groupDn, { scope: 'base', filter: '(objectClass=*)', attributes: ['member', 'uniqueMember'] });
    if (!entry) throw new LdapFailure('BASE_DN_NOT_FOUND', `the group ${groupDn} of the role mapping was not found`);
    return [...values(entry, 'member'), ...values(entry, 'uniqueMember')];
  } catch (error) {
    if (error instanceof NoSuchObjectError || error instanceof InvalidDNSyntaxError) {
      throw new LdapFailure('BASE_DN_NOT_FOUND', `the group ${groupDn} of the role mapping was not found`);
    }
    throw classifySearchError(error, groupDn, url);
  }
}

/** Every value of an attribute, found without regard to the case of its name, as strings. */
export function values(entry: Entry, attribute: string): string[] {
  const wanted = attribute.toLowerCase();
  const key = Object.keys(entry).find((name) => name !== 'dn' && name.toLowerCase() === wanted);
  if (key === undefined) return [];
  const raw = entry[key];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((value) => (Buffer.isBuffer(value) ? value.toString('utf8') : String(value)));
}

function classifySearchError(error: unknown, baseDn: string, url: string): Error {
  if (error instanceof LdapFailure) return error;
  if (error instanceof NoSuchObjectError || error instanceof InvalidDNSyntaxError) {
    return new LdapFailure('BASE_DN_NOT_FOUND', `the base DN ${baseDn} was not found in the directory`);
  }
  if (error instanceof ResultCodeError) {
    // Filter errors the server finds (e.g. a matching rule it does not know) come back as protocol results.
    if (error.code === 2 || error.code === 18) return new LdapFailure('FILTER_INVALID', `the directory refused the filter: ${error.message}`);
    return new Error(`the directory answered the search with an error: ${error.message}`);
  }
  return new LdapFailure('UNREACHABLE', `the directory at ${url} stopped answering: ${describeError(error)}`);
}

/** An error as a log or answer names it: its code (ECONNREFUSED, ...) and message. */
export const describeError = (error: unknown): string => {
  const e = error as { code?: string; message?: string };
  return [e?.code, e?.message].filter(Boolean).join(' ') || String(error);
};

/**
 * A DN as compared: lower case, without the blanks RFC 4514 allows around separators. Directories
 * spell the same DN in several ways (`uid=Ann, ou=People`); stored DNs keep the server's spelling.
 */
export const normalizeDn = (dn: string): string =>
  dn
    .split(/(?<!\\),/)
    .map((rdn) => rdn.split(/(?<!\\)=/).map((part) => part.trim()).join('='))
    .join(',')
    .toLowerCase();
