import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
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

/** Node's default limit on a request's head (request line and headers). */
const MAX_HEAD = 16 * 1024;

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
  const url = `${baseUrl}${path}${query ? `?${query}` : ''}`;
  if (url.length > MAX_HEAD && body !== undefined) {
    // Node's HTTP parser answers 431 and closes the socket on the request line: a body still being
    // written then breaks the connection on the client's side, which says nothing of the server.
    body = undefined;
    delete headers['content-type'];
  }
  return { method: plan.route.method, url, headers, body };
}

/** The gateway's body limit (apps/gateway/src/main.ts): past it the gateway answers 413 before reading the body. */
const BODY_LIMIT = 2 * 1024 * 1024;

const answerOf = (status: number, text: string): WireAnswer => {
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status, text, json };
};

/**
 * A body past the limit goes by node:http in small pieces, stopping once an answer came: the gateway
 * answers 413 from the Content-Length and closes the socket, and a client still writing megabytes
 * would only see the broken pipe (fetch says "fetch failed").
 */
function sendOversized(request: WireRequest): Promise<WireAnswer> {
  const body = Buffer.from(request.body!);
  return new Promise((resolve) => {
    let answered = false;
    const outgoing = httpRequest(request.url, { method: request.method, headers: { ...request.headers, 'content-length': String(body.length) }, timeout: 30_000 }, (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      const finish = () => {
        resolve(answerOf(response.statusCode ?? 0, Buffer.concat(parts).toString('utf8')));
        outgoing.destroy();
      };
      response.on('end', finish);
      response.on('error', finish);
    });
    outgoing.on('error', (error) => setTimeout(() => answered || resolve({ status: 0, text: String(error), json: null }), 500));
    outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
    const writeFrom = (offset: number): void => {
      if (answered || outgoing.destroyed) return;
      if (offset >= body.length) return void outgoing.end();
      const next = offset + 64 * 1024;
      if (outgoing.write(body.subarray(offset, next))) setTimeout(() => writeFrom(next), 1);
      else outgoing.once('drain', () => writeFrom(next));
    };
    outgoing.flushHeaders();
    setTimeout(() => writeFrom(0), 20);
  });
}

export const isOversized = (request: WireRequest): boolean => request.body !== undefined && request.body.length > BODY_LIMIT;

/** Sends one request, never throws: status 0 when the connection broke or timed out, -1 when fetch refused to send it. */
export async function send(request: WireRequest): Promise<WireAnswer> {
  if (isOversized(request)) return sendOversized(request);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(30_000),
    });
    return answerOf(response.status, await response.text());
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
