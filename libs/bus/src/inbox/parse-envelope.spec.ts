import { parseEnvelope } from './event-consumer';

const envelope = { id: '0b6f4c1e-2a8d-4c3b-9f1e-5d6c7b8a9e0f', type: 'identity.role.changed', version: 1, occurredAt: '2026-01-01T00:00:00.000Z', source: 'identity', correlationId: null, data: { roleId: 'r' } };
const bytes = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');

describe('parseEnvelope', () => {
  it('reads a well-formed envelope as it was sent', () => {
    expect(parseEnvelope(bytes(envelope))).toEqual(envelope);
  });

  it.each([
    ['text that is not JSON', 'not json at all'],
    ['a JSON array', [envelope]],
    ['JSON null', 'null'],
    ['an id that is not a UUID', { ...envelope, id: 'event-1' }],
    ['no id', { ...envelope, id: undefined }],
    ['a type that is not a string', { ...envelope, type: 7 }],
    ['data that is not an object', { ...envelope, data: 'roleId=r' }],
    ['no data', { ...envelope, data: undefined }],
  ])('refuses %s, so the consumer dead-letters it at once', (_what, content) => {
    expect(parseEnvelope(bytes(content))).toBeNull();
  });
});
