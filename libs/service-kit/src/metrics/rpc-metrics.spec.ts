import { outcomeOfStatus } from './rpc-metrics';

describe('outcomeOfStatus', () => {
  it("calls an error reply below 500 the caller's (rejected), and 5xx or no status the service's (failed)", () => {
    expect([400, 401, 403, 404, 409, 423].map(outcomeOfStatus)).toEqual(Array(6).fill('rejected'));
    expect([500, 503, undefined, '404'].map(outcomeOfStatus)).toEqual(Array(4).fill('failed'));
  });
});
