import { adminQueryOn, eventually, TestEnvironment } from '@app/testing';
import { UserRequest } from './careful-clients';
import { DEAD_LETTER_QUEUES, DeadLetterQueue, deadLetteredIds, Poison } from './poison-messages';

/** What the stores hold after the run, compared with what the clients asked for. */
export interface StoreFindings {
  /** Requested users missing from identity, tickets' mirror or the portal (each counted once). */
  lost: string[];
  /** Rows beyond one per requested username, in identity, tickets and the portal together. */
  doubled: number;
  /** A 201 whose id is not the user identity holds under that username (a retry answered by another create). */
  answerMismatches: string[];
  /** Users present with the wrong status somewhere (tickets ACTIVE/NEW by profile; identity and portal enabled, ACTIVE, MINIMUM). */
  wrongStatus: string[];
  /** identity.user.created events identity committed more than once for one user. */
  eventsWrittenTwice: number;
  /** Event ids any inbox holds twice, and committed user.created events an inbox does not hold. */
  inboxDuplicates: number;
  eventsNotApplied: string[];
  /** Outbox rows not yet published, per service. */
  outboxLeft: Record<string, number>;
  /** Per dead-letter queue: the message ids it holds. */
  deadLettered: Record<DeadLetterQueue, string[]>;
}

type Store = 'identity' | 'tickets' | 'portal';

export async function readFindings(environment: TestEnvironment, requests: UserRequest[], activeProfile: string): Promise<StoreFindings> {
  const query = <T>(store: Store, sql: string, params: unknown[] = []) => adminQueryOn<T>(environment.databaseUrl, environment.databases[store], sql, params);
  const usernames = requests.map((r) => String(r.body.username));
  const byUsername = async (store: Store, sql: string) => {
    const rows = await query<{ username: string; id: string; status: string }>(store, sql, [usernames]);
    const found = new Map<string, typeof rows>();
    for (const row of rows) found.set(row.username, [...(found.get(row.username) ?? []), row]);
    return { rows, found };
  };
  const identity = await byUsername('identity', `SELECT username, id, CASE WHEN enabled AND auth_status = 'ACTIVE' THEN 'ok' ELSE auth_status END AS status FROM users WHERE username = ANY($1)`);
  const tickets = await byUsername('tickets', 'SELECT username, id, status FROM ticket_users WHERE username = ANY($1)');
  const portal = await byUsername('portal', `SELECT username, user_id AS id, CASE WHEN enabled AND profile = 'MINIMUM' THEN 'ok' ELSE profile END AS status FROM portal_user_access WHERE username = ANY($1)`);

  const lost: string[] = [];
  const answerMismatches: string[] = [];
  const wrongStatus: string[] = [];
  for (const request of requests) {
    const username = String(request.body.username);
    const [user] = identity.found.get(username) ?? [];
    const mirrored = tickets.found.get(username)?.[0];
    const portalRow = portal.found.get(username)?.[0];
    if (!user || !mirrored || !portalRow) {
      lost.push(username);
      continue;
    }
    if (request.createdId !== user.id || mirrored.id !== user.id || portalRow.id !== user.id) answerMismatches.push(username);
    const expectedTickets = (request.body.securityProfiles as string[]).includes(activeProfile) ? 'ACTIVE' : 'NEW';
    if (user.status !== 'ok' || mirrored.status !== expectedTickets || portalRow.status !== 'ok') wrongStatus.push(`${username}: identity ${user.status}, tickets ${mirrored.status} (expected ${expectedTickets}), portal ${portalRow.status}`);
  }
  const doubled = [identity, tickets, portal].reduce((sum, store) => sum + store.rows.length - store.found.size, 0);

  const written = await query<{ eventId: string; userId: string }>(
    'identity',
    `SELECT event_id AS "eventId", envelope->'data'->>'id' AS "userId" FROM outbox WHERE type = 'identity.user.created' AND envelope->'data'->>'username' = ANY($1)`,
    [usernames],
  );
  const eventsWrittenTwice = written.length - new Set(written.map((w) => w.userId)).size;
  let inboxDuplicates = 0;
  const eventsNotApplied: string[] = [];
  for (const store of ['tickets', 'portal'] as const) {
    const [{ twice }] = await query<{ twice: number }>(store, 'SELECT count(*)::int AS twice FROM (SELECT event_id FROM inbox GROUP BY event_id HAVING count(*) > 1) d');
    inboxDuplicates += twice;
    const applied = new Set((await query<{ id: string }>(store, 'SELECT event_id AS id FROM inbox WHERE event_id = ANY($1::uuid[])', [written.map((w) => w.eventId)])).map((r) => r.id));
    eventsNotApplied.push(...written.filter((w) => !applied.has(w.eventId)).map((w) => `${store} ${w.eventId}`));
  }

  const outboxLeft: Record<string, number> = {};
  for (const store of ['identity', 'tickets', 'portal'] as const) {
    outboxLeft[store] = (await query<{ left: number }>(store, 'SELECT count(*)::int AS left FROM outbox WHERE published_at IS NULL'))[0].left;
  }
  const deadLettered = {} as Record<DeadLetterQueue, string[]>;
  for (const queue of DEAD_LETTER_QUEUES) deadLettered[queue] = await deadLetteredIds(environment.amqpUrl, queue);

  return { lost, doubled, answerMismatches, wrongStatus, eventsWrittenTwice, inboxDuplicates, eventsNotApplied, outboxLeft, deadLettered };
}

/** The dead-letter queues as they must end: each holds exactly the poison meant for it. */
export function expectedDeadLetters(poison: Poison[]): Record<DeadLetterQueue, string[]> {
  const expected = {} as Record<DeadLetterQueue, string[]>;
  for (const queue of DEAD_LETTER_QUEUES) expected[queue] = poison.filter((p) => p.endsIn.includes(queue)).map((p) => p.messageId).sort();
  return expected;
}

/** Settled: nothing left to arrive (every mirror caught up, every outbox drained, every poison dead-lettered). */
export function settled(findings: StoreFindings, poison: Poison[]): boolean {
  const expected = expectedDeadLetters(poison);
  return (
    findings.lost.length === 0 &&
    findings.eventsNotApplied.length === 0 &&
    findings.wrongStatus.length === 0 &&
    Object.values(findings.outboxLeft).every((left) => left === 0) &&
    DEAD_LETTER_QUEUES.every((queue) => findings.deadLettered[queue].length >= expected[queue].length)
  );
}

/** Reads the findings until they settle or `timeoutMs` passes; the last reading either way, so the summary prints. */
export async function settledFindings(read: () => Promise<StoreFindings>, poison: Poison[], timeoutMs: number): Promise<StoreFindings> {
  try {
    return (await eventually(async () => {
      const findings = await read();
      return settled(findings, poison) ? findings : undefined;
    }, timeoutMs, 500)).value;
  } catch {
    return read();
  }
}
