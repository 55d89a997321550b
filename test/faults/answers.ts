import { Attempt, UserRequest } from './careful-clients';
import { FaultRecord } from './fault-injectors';

/** The clients' side of the run: how every attempt was answered, and which answers the rules allow. */
export interface AnswerFigures {
  attempts: number;
  retries: number;
  /** Requests answered 201 (at the first attempt or after retries). */
  answered201: number;
  byOutcome: Record<string, number>;
  fiveXx: number;
  status503: number;
  /** 503/502/504 answers that overlap no planned outage (fault start to recovery plus the RPC timeout). */
  unplanned5xx: Attempt[];
  /** Answers no careful client can be satisfied by: 500, any other 5xx than 502-504, a 4xx, or no answer at all. */
  refused: Array<{ username: string; attempt: Attempt }>;
  slowest: Attempt | undefined;
}

const outageAnswer = (outcome: Attempt['outcome']) => outcome === 502 || outcome === 503 || outcome === 504;

/** Whether an attempt overlaps a fault's window: from its injection until recovery plus `graceMs`. */
const duringFault = (attempt: Attempt, faults: FaultRecord[], graceMs: number) =>
  faults.some((fault) => attempt.startedAt <= fault.recoveredAt + graceMs && attempt.startedAt + attempt.ms >= fault.startedAt);

export function answerFigures(requests: UserRequest[], faults: FaultRecord[], graceMs: number): AnswerFigures {
  const attempts = requests.flatMap((r) => r.attempts.map((attempt) => ({ username: String(r.body.username), attempt })));
  const byOutcome: Record<string, number> = {};
  for (const { attempt } of attempts) byOutcome[String(attempt.outcome)] = (byOutcome[String(attempt.outcome)] ?? 0) + 1;
  const fiveXx = attempts.filter(({ attempt }) => typeof attempt.outcome === 'number' && attempt.outcome >= 500).length;
  return {
    attempts: attempts.length,
    retries: attempts.length - requests.length,
    answered201: requests.filter((r) => r.createdId).length,
    byOutcome,
    fiveXx,
    status503: byOutcome['503'] ?? 0,
    unplanned5xx: attempts.filter(({ attempt }) => outageAnswer(attempt.outcome) && !duringFault(attempt, faults, graceMs)).map(({ attempt }) => attempt),
    refused: attempts.filter(({ attempt }) => attempt.outcome !== 201 && attempt.outcome !== 'connection error' && !outageAnswer(attempt.outcome)),
    slowest: attempts.map(({ attempt }) => attempt).sort((a, b) => b.ms - a.ms)[0],
  };
}
