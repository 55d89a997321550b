import { Client, ResultCodeError } from 'ldapts';
import { describeError } from './ldap-connection';

/**
 * What a bind as the user says about the password: the directory took it, refused it (the user's
 * fault, counted toward lockout), or could not be asked (not the user's fault: no failure counted).
 */
export type BindVerdict = { kind: 'ACCEPTED' } | { kind: 'REFUSED' } | { kind: 'UNAVAILABLE'; reason: string };

/** LDAP result codes that mean "these credentials are not good", as opposed to a directory in trouble. */
const REFUSING_RESULT_CODES = new Set([
  49, // invalidCredentials: wrong password (and, on most servers, an unknown DN)
  32, // noSuchObject: the user's entry is gone (servers that tell it apart)
  34, // invalidDNSyntax: the stored DN does not name an entry this directory accepts
  48, // inappropriateAuthentication: this entry may not log in with a simple password
]);

/**
 * The verdict of a failed bind. A result code that refuses the credentials is REFUSED; every other
 * result (busy, unavailable, unwilling, confidentiality required) and every failure below LDAP
 * (refused connection, timeout, TLS, a connection closed midway) is UNAVAILABLE.
 */
export function bindFailureVerdict(error: unknown): BindVerdict {
  if (error instanceof ResultCodeError && REFUSING_RESULT_CODES.has(error.code)) return { kind: 'REFUSED' };
  if (error instanceof ResultCodeError) return { kind: 'UNAVAILABLE', reason: `the directory answered the bind with result ${error.code}: ${error.message}` };
  return { kind: 'UNAVAILABLE', reason: describeError(error) };
}

export interface BindTimeouts {
  connectTimeoutMs: number;
  operationTimeoutMs: number;
}

/**
 * Connect and bind deadlines within the gateway's RPC deadline (RPC_TIMEOUT_MS): together at most
 * 80% of it, so identity answers 503 LDAP_DIRECTORY_UNAVAILABLE (and the rest of login runs) before
 * the gateway gives up with its own 503. At least 200 ms each, at most 5 s each.
 */
export function bindTimeouts(rpcTimeoutMs: number): BindTimeouts {
  const share = Math.min(5_000, Math.max(200, Math.floor(rpcTimeoutMs * 0.4)));
  return { connectTimeoutMs: share, operationTimeoutMs: share };
}

/**
 * Checks a password by a simple bind as `dn` on `url`; always unbinds and closes. An empty password is
 * never sent: LDAP takes a simple bind with an empty password as an anonymous bind, which succeeds
 * (RFC 4513 section 5.1.2), so it is REFUSED here without asking the directory.
 */
export async function bindAsUser(url: string, dn: string, password: string, timeouts: BindTimeouts): Promise<BindVerdict> {
  if (password.length === 0 || dn.trim().length === 0) return { kind: 'REFUSED' };
  let client: Client | undefined;
  try {
    // Inside the try: a URL that ldapts cannot parse throws here, and is the directory's problem, not the user's.
    client = new Client({ url, connectTimeout: timeouts.connectTimeoutMs, timeout: timeouts.operationTimeoutMs, strictDN: false });
    await client.bind(dn, password);
    return { kind: 'ACCEPTED' };
  } catch (error) {
    return bindFailureVerdict(error);
  } finally {
    await client?.unbind().catch(() => undefined);
  }
}
