import { parseRpcBatch } from './rpc-batch';

const body = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

describe('parseRpcBatch', () => {
  it('reads the batch id and its requests', () => {
    const requests = [{ id: 'a', pattern: 'tickets.tickets.get', data: { id: 'x' } }, { id: 'b', pattern: 'tickets.tickets.list', data: {} }];
    expect(parseRpcBatch(body({ id: 'batch', requests }))).toEqual({ id: 'batch', requests });
  });

  it('keeps only requests whose reply can be routed and handled (an id and a pattern)', () => {
    const requests = [{ id: 'a', pattern: 'p', data: 1 }, { pattern: 'p' }, { id: 'c' }, null, 'text', { id: 7, pattern: 'p' }];
    expect(parseRpcBatch(body({ id: 'batch', requests }))?.requests).toEqual([{ id: 'a', pattern: 'p', data: 1 }]);
  });

  it.each([['not JSON', '{'], ['no id', { requests: [] }], ['no requests', { id: 'batch' }], ['requests not a list', { id: 'batch', requests: {} }], ['null', 'null']])(
    'is null for a body that is no batch: %s',
    (_, value) => expect(parseRpcBatch(body(value))).toBeNull(),
  );
});
