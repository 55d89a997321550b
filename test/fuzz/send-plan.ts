import { randomUUID } from 'node:crypto';
import { safeEncode } from './odd-values';
import { RequestPlan } from './request-plans';
import { Ref } from './valid-values';

/** A request ready for fetch. */
export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
}

/** What came back: status 0 when no answer did (the connection broke). */
export interface WireAnswer {
  status: number;
  text: string;
  json: any;
}

/** Replaces every `Ref` in `value` with a record of its pool (a fresh UUID when the pool is empty). */
export function resolved(value: unknown, pools: Map<string, string[]>): unknown {
  if (value instanceof Ref) {
    const pool = pools.get(value.pool) ?? [];
    return pool.length ? pool[value.pick % pool.length] : randomUUID();
  }
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => resolved(item, pools));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolved(item, pools)]));
}

const queryValue = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

export function wireRequest(plan: RequestPlan, baseUrl: string, pools: Map<string, string[]>, auth: Record<string, string>): WireRequest {
  const path = plan.route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const param = plan.params[name];
    return param instanceof Ref ? safeEncode(String(resolved(param, pools))) : param;
  });
  const pairs = plan.query.map(([name, value]) => `${safeEncode(name)}=${safeEncode(queryValue(resolved(value, pools)))}`);
  const query = [...pairs, ...(plan.junk ? [plan.junk] : [])].join('&');
  const headers: Record<string, string> = { ...auth, ...plan.headers };
  let body: string | Uint8Array | undefined;
  if (plan.body.kind === 'json') {
    body = JSON.stringify(resolved(plan.body.value, pools)) ?? 'null';
    headers['content-type'] = plan.body.contentType;
  } else if (plan.body.kind === 'raw') {
    body = plan.body.text;
    // fetch would label a string text/plain: an empty type is sent as none at all (octet-stream for bytes).
    headers['content-type'] = plan.body.contentType ?? '';
  }
  return { method: plan.route.method, url: `${baseUrl}${path}${query ? `?${query}` : ''}`, headers, body };
}

/** Sends one request, never throws: status 0 when the connection broke or timed out, -1 when fetch refused to send it. */
export async function send(request: WireRequest): Promise<WireAnswer> {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: response.status, text, json };
  } catch (error) {
    const { name, message, cause } = error as Error;
    const network = message === 'fetch failed' || name === 'TimeoutError' || name === 'AbortError';
    return { status: network ? 0 : -1, text: `${name}: ${message} ${String(cause ?? '')}`, json: null };
  }
}

/** A short, printable account of a request and its answer for the findings list. */
export function describe(plan: RequestPlan, request: WireRequest, answer: WireAnswer): string {
  const body = request.body === undefined ? '' : typeof request.body === 'string' ? request.body : `<${request.body.length} bytes>`;
  const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}...(${text.length} chars)` : text);
  return `${plan.persona} ${request.method} ${clip(request.url.replace(/^https?:\/\/[^/]+/, ''), 300)} [${request.headers['content-type'] ?? ''}] ${JSON.stringify(clip(body, 400))} -> ${answer.status} ${clip(answer.text, 300)}`;
}
