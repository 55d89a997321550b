import { AnswerFigures } from './answers';
import { FaultRecord } from './fault-injectors';
import { StoreFindings } from './invariants';

const rows = (pairs: Array<[string, string | number]>): string => {
  const width = Math.max(...pairs.map(([name]) => name.length));
  return pairs.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`).join('\n');
};

/** The table the faults run prints: what was asked, what the stores hold, what the clients saw, and each fault. */
export function summaryTable(requested: number, answers: AnswerFigures, findings: StoreFindings, faults: FaultRecord[], poisonCount: number, runMs: number): string {
  const deadLettered = Object.values(findings.deadLettered).reduce((sum, ids) => sum + ids.length, 0);
  const slowest = answers.slowest ? `${answers.slowest.ms} ms (${answers.slowest.outcome})` : '-';
  const figures = rows([
    ['users requested', requested],
    ['users created (201)', answers.answered201],
    ['lost', findings.lost.length],
    ['doubled', findings.doubled],
    ['answer not the stored user', findings.answerMismatches.length],
    ['wrong status', findings.wrongStatus.length],
    ['events not applied', findings.eventsNotApplied.length],
    ['inbox ids held twice', findings.inboxDuplicates],
    ['outbox rows left', Object.entries(findings.outboxLeft).map(([s, n]) => `${s} ${n}`).join(', ')],
    ['dead-lettered', `${deadLettered} (${Object.entries(findings.deadLettered).map(([q, ids]) => `${q} ${ids.length}`).join(', ')}; ${poisonCount} poison messages sent)`],
    ['attempts', `${answers.attempts} (${Object.entries(answers.byOutcome).map(([o, n]) => `${o}: ${n}`).join(', ')})`],
    ['retries', answers.retries],
    ['5xx seen', answers.fiveXx],
    ['503s seen', answers.status503],
    ['5xx outside an outage', answers.unplanned5xx.length],
    ['refused or hung', answers.refused.length],
    ['slowest request', slowest],
    ['run', `${Math.round(runMs / 1000)} s`],
  ]);
  const faultLines = faults.map((f) => `  ${f.name.padEnd(44)} at ${String(f.createdAtStart).padStart(4)} created, healthy after ${f.recoveredAt - f.startedAt} ms  ${f.detail}`);
  return `\nFAULTS SUMMARY\n${figures}\nFaults injected:\n${faultLines.join('\n')}\n`;
}
