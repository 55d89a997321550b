import { EventTypes } from '@app/contracts';
import { newEnvelope } from './outbox-row';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newEnvelope', () => {
  it('wraps the data in the envelope of DESIGN.md section 2', () => {
    const before = Date.now();
    const data = { roleId: 'r-1' };
    const envelope = newEnvelope('identity', EventTypes.RoleChanged, data, 'req-7');
    expect(envelope).toEqual({ id: expect.stringMatching(UUID), type: 'identity.role.changed', version: 1, occurredAt: expect.any(String), source: 'identity', correlationId: 'req-7', data });
    const occurred = Date.parse(envelope.occurredAt);
    expect(new Date(occurred).toISOString()).toBe(envelope.occurredAt);
    expect(occurred).toBeGreaterThanOrEqual(before);
    expect(occurred).toBeLessThanOrEqual(Date.now());
  });

  it('gives every event its own id, the key consumers deduplicate by', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newEnvelope('identity', EventTypes.RoleChanged, {}, null).id));
    expect(ids.size).toBe(100);
  });

  it('keeps a missing correlation id as null', () => {
    expect(newEnvelope('tickets', EventTypes.RoleChanged, {}, null).correlationId).toBeNull();
  });
});
