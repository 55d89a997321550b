import { ApiError, ErrorBody } from './api-error';
import { clearToken, readToken } from './session-token';

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  /** Another token than the stored one (the login's role step uses its first session's). */
  token?: string | null;
}

type Listener = () => void;
const sessionEndedListeners = new Set<Listener>();

/** Called when the API answers 401 to a call that carried the stored token (the session ended). */
export function onSessionEnded(listener: Listener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

const withQuery = (path: string, query: RequestOptions['query']): string => {
  const entries = Object.entries(query ?? {}).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  return entries.length ? `${path}?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : path;
};

/**
 * The one way pages call the public REST API: JSON in and out, the bearer token from the login, and
 * every refusal thrown as an ApiError in the gateway's error shape.
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const stored = readToken();
  const token = options.token === undefined ? stored : options.token;
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(withQuery(path, options.query), { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (response.ok) return parsed as T;
  if (response.status === 401 && token && token === stored) {
    clearToken();
    sessionEndedListeners.forEach((listener) => listener());
  }
  const body = parsed as Partial<ErrorBody> | undefined;
  throw new ApiError({
    statusCode: response.status,
    error: body?.error ?? response.statusText,
    message: body?.message ?? `${method} ${path} answered ${response.status}`,
    code: body?.code,
    details: body?.details,
  });
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
