import { readOperationsSettings } from './operations-settings';

describe('readOperationsSettings', () => {
  it('leaves /metrics open and allows a minute of outbox lag by default', () => {
    expect(readOperationsSettings({})).toEqual({ metricsToken: null, outboxLagReadyMs: 60_000 });
    expect(readOperationsSettings({ METRICS_TOKEN: '' }).metricsToken).toBeNull();
  });

  it('takes METRICS_TOKEN and OUTBOX_LAG_READY_MS in milliseconds or with a unit', () => {
    expect(readOperationsSettings({ METRICS_TOKEN: 's3cret', OUTBOX_LAG_READY_MS: '30000' })).toEqual({ metricsToken: 's3cret', outboxLagReadyMs: 30_000 });
    expect(readOperationsSettings({ OUTBOX_LAG_READY_MS: '2m' }).outboxLagReadyMs).toBe(120_000);
  });

  it('refuses an OUTBOX_LAG_READY_MS that is no duration', () => {
    expect(() => readOperationsSettings({ OUTBOX_LAG_READY_MS: 'soon' })).toThrow('OUTBOX_LAG_READY_MS');
  });
});
