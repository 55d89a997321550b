import { deadLetteringQueueOptions, durableQueueOptions, exclusiveQueueOptions, isQueueType } from './queue-arguments';

// What the broker is asked to declare for AMQP_QUEUE_TYPE: the e2e run (test/e2e/quorum-queues)
// shows the broker takes these; here, every combination the bus uses.
describe('queue arguments', () => {
  it('a classic durable queue carries no x-queue-type, so queues declared before the setting still match', () => {
    expect(durableQueueOptions('classic')).toEqual({ durable: true, arguments: {} });
    expect(durableQueueOptions('classic', { 'x-message-ttl': 30_000 })).toEqual({ durable: true, arguments: { 'x-message-ttl': 30_000 } });
  });

  it('a quorum durable queue names its type and keeps its other arguments', () => {
    expect(durableQueueOptions('quorum')).toEqual({ durable: true, arguments: { 'x-queue-type': 'quorum' } });
    expect(durableQueueOptions('quorum', { 'x-message-ttl': 30_000 })).toEqual({ durable: true, arguments: { 'x-message-ttl': 30_000, 'x-queue-type': 'quorum' } });
  });

  it('refuses arguments a quorum queue does not support, and allows them on a classic one', () => {
    for (const argument of ['x-max-priority', 'x-queue-mode', 'x-queue-master-locator']) {
      const value = argument === 'x-max-priority' ? 10 : 'lazy';
      expect(() => durableQueueOptions('quorum', { [argument]: value })).toThrow(`quorum queues do not support ${argument}`);
      expect(durableQueueOptions('classic', { [argument]: value }).arguments).toEqual({ [argument]: value });
    }
    expect(() => durableQueueOptions('quorum', { 'x-overflow': 'reject-publish-dlx' })).toThrow(/reject-publish-dlx/);
  });

  it('a retry queue sends expired messages back to its queue; on quorum at least once', () => {
    const classic = deadLetteringQueueOptions('classic', 5000, 'tickets.events');
    expect(classic).toEqual({
      durable: true,
      arguments: { 'x-message-ttl': 5000, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'tickets.events' },
    });
    const quorum = deadLetteringQueueOptions('quorum', 5000, 'tickets.events');
    expect(quorum).toEqual({
      durable: true,
      arguments: {
        'x-message-ttl': 5000,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': 'tickets.events',
        // at-least-once is ignored by RabbitMQ without reject-publish overflow
        'x-dead-letter-strategy': 'at-least-once',
        'x-overflow': 'reject-publish',
        'x-queue-type': 'quorum',
      },
    });
  });

  it("a process's own queue is exclusive and classic whatever the setting (quorum queues cannot be exclusive)", () => {
    expect(exclusiveQueueOptions()).toEqual({ exclusive: true, autoDelete: true, durable: false, arguments: { 'x-queue-type': 'classic' } });
  });

  it('knows the two types and nothing else, and declares nothing for another (say, a setting not passed on)', () => {
    expect(['classic', 'quorum', 'stream', 'Quorum', ''].filter(isQueueType)).toEqual(['classic', 'quorum']);
    expect(() => durableQueueOptions(undefined as never)).toThrow('queue type must be classic or quorum, got "undefined"');
  });
});
