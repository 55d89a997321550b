import fc from 'fast-check';
import { TICKET_STATUSES, TicketStatus } from '@app/contracts';
import { canTransition, TICKET_TRANSITIONS } from './ticket-transitions';

const allowed = new Set([
  'NEW>OPEN',
  'OPEN>IN_PROGRESS',
  'IN_PROGRESS>WAITING',
  'IN_PROGRESS>RESOLVED',
  'WAITING>RESOLVED',
  'WAITING>IN_PROGRESS',
  'RESOLVED>CLOSED',
  'RESOLVED>OPEN',
]);

describe('ticket transitions', () => {
  const status = fc.constantFrom(...TICKET_STATUSES);

  it('allows exactly the listed pairs, over every pair of statuses', () => {
    fc.assert(fc.property(status, status, (from, to) => canTransition(from, to) === allowed.has(`${from}>${to}`)));
  });

  it('never stays in place and never leaves CLOSED', () => {
    fc.assert(fc.property(status, (s) => !canTransition(s, s) && !canTransition('CLOSED', s)));
  });

  it('reaches CLOSED from every status but CLOSED along allowed steps', () => {
    const reachesClosed = (from: TicketStatus, seen = new Set<TicketStatus>()): boolean =>
      from === 'CLOSED' || (!seen.has(from) && TICKET_TRANSITIONS[from].some((to) => reachesClosed(to, new Set([...seen, from]))));
    for (const s of TICKET_STATUSES) expect(reachesClosed(s)).toBe(true);
  });
});
