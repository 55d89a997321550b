import { randomUUID } from 'node:crypto';

/** How one HTTP attempt ended: an answer's status, a connection error, or no answer within the client's patience. */
export type AttemptOutcome = number | 'connection error' | 'hung';

export interface Attempt {
  outcome: AttemptOutcome;
  startedAt: number;
  ms: number;
  /** The error code the body named, when there was one (SERVICE_UNAVAILABLE...). */
  code?: string;
}

/** One user the scenario asked for, with every attempt the client made for it. */
export interface UserRequest {
  index: number;
  body: Record<string, unknown>;
  idempotencyKey: string;
  attempts: Attempt[];
  /** The id of the 201 answer, once there was one. */
  createdId?: string;
}

/**
 * A client that gives up on an attempt after this long counts it as hung. It is a safety net
 * for the test not to wait for ever, far above any timeout of the suite, not a measured bound.
 */
const PATIENCE_MS = 60_000;
/** A careful client's retries: doubling from 100 ms to 2 s between attempts, at most 60 attempts. */
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 2000;
const MAX_ATTEMPTS = 60;

/** A status a careful client retries with the same key: the service or its dependency is away for now. */
const retriable = (outcome: AttemptOutcome) => outcome === 'connection error' || outcome === 502 || outcome === 503 || outcome === 504;

async function attempt(url: string, token: string, request: UserRequest): Promise<Attempt & { body?: any }> {
  const startedAt = Date.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': request.idempotencyKey },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(PATIENCE_MS),
    });
    const text = await response.text();
    let body: any = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { outcome: response.status, startedAt, ms: Date.now() - startedAt, code: body?.code, body };
  } catch (error) {
    const hung = (error as Error).name === 'TimeoutError';
    return { outcome: hung ? 'hung' : 'connection error', startedAt, ms: Date.now() - startedAt };
  }
}

/** Sends one create until it is answered with something other than a retriable failure. */
async function createCarefully(url: string, token: string, request: UserRequest): Promise<void> {
  for (let tries = 1; tries <= MAX_ATTEMPTS; tries++) {
    const { body, ...result } = await attempt(url, token, request);
    request.attempts.push(result);
    if (result.outcome === 201) request.createdId = body.id;
    if (!retriable(result.outcome)) return;
    await new Promise((r) => setTimeout(r, Math.min(RETRY_FIRST_MS * 2 ** (tries - 1), RETRY_MAX_MS)));
  }
}

export interface Load {
  requests: UserRequest[];
  /** Resolves when every request has its final answer. */
  done: Promise<void>;
  /** Users answered 201 so far. */
  created(): number;
  finishedAt(): number | undefined;
}

/**
 * `clients` concurrent clients share the list of bodies and create them through the gateway, each
 * request with its own Idempotency-Key kept for its retries.
 */
/** `beforeEach`: awaited by a client before it takes the next user, to hold the load back (shutdown-under-load). */
export function startLoad(gatewayUrl: string, token: string, bodies: Record<string, unknown>[], clients: number, beforeEach?: () => Promise<void>): Load {
  const requests: UserRequest[] = bodies.map((body, index) => ({ index, body, idempotencyKey: `faults-${randomUUID()}`, attempts: [] }));
  let next = 0;
  let created = 0;
  let finishedAt: number | undefined;
  const url = `${gatewayUrl}/api/users`;
  const client = async () => {
    while (next < requests.length) {
      await beforeEach?.();
      if (next >= requests.length) break;
      const request = requests[next++];
      await createCarefully(url, token, request);
      if (request.createdId) created++;
    }
  };
  const done = Promise.all(Array.from({ length: clients }, client)).then(() => {
    finishedAt = Date.now();
  });
  return { requests, done, created: () => created, finishedAt: () => finishedAt };
}
