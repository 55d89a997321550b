import { deadLetterQueueOf, EVENTS_EXCHANGE, eventQueueOf, retryQueueOf } from './topology';

// The broker names of DESIGN.md section 2: services, operators and tests find queues by them.
describe('topology names', () => {
  it('one topic exchange for every event', () => {
    expect(EVENTS_EXCHANGE).toBe('suite.events');
  });

  it("a service's events queue, its dead-letter queue and one retry queue per delay", () => {
    const queue = eventQueueOf('tickets');
    expect(queue).toBe('tickets.events');
    expect(deadLetterQueueOf(queue)).toBe('tickets.events.dlq');
    expect([1000, 5000, 30000].map((delay) => retryQueueOf(queue, delay))).toEqual([
      'tickets.events.retry.1000ms',
      'tickets.events.retry.5000ms',
      'tickets.events.retry.30000ms',
    ]);
  });

  it('gives each service and each delay a queue of its own', () => {
    const queues = ['tickets', 'portal'].flatMap((service) => {
      const queue = eventQueueOf(service);
      return [queue, deadLetterQueueOf(queue), retryQueueOf(queue, 100), retryQueueOf(queue, 1000)];
    });
    expect(new Set(queues).size).toBe(queues.length);
  });
});
