import type { AmqpConnectionManager, CreateChannelOpts } from 'amqp-connection-manager';
import { withoutPublisherConfirms } from './without-publisher-confirms';

describe('withoutPublisherConfirms', () => {
  it('asks every channel of the manager for no publisher confirms, keeping the other options', () => {
    const asked: CreateChannelOpts[] = [];
    const manager = { createChannel: (options: CreateChannelOpts = {}) => (asked.push(options), 'channel') } as unknown as AmqpConnectionManager;
    const setup = async () => undefined;
    withoutPublisherConfirms(manager);
    expect(manager.createChannel({ json: false, setup })).toBe('channel');
    manager.createChannel();
    expect(asked).toEqual([{ json: false, setup, confirm: false }, { confirm: false }]);
  });
});
