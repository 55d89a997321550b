import { resolve } from 'node:path';
import { databaseUrlFor, parseDuration, readSettings } from './settings';

describe('readSettings', () => {
  it('uses the defaults of DESIGN.md section 9 on an empty environment', () => {
    const s = readSettings({});
    expect(s.gatewayPort).toBe(3000);
    expect(s.servicePorts).toEqual({ identity: 3001, tickets: 3002, portal: 3003 });
    expect(s.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432');
    expect(s.databases).toEqual({ identity: 'identity', tickets: 'tickets', portal: 'portal' });
    expect(s.amqpUrl).toBe('amqp://guest:guest@127.0.0.1:5672');
    expect(s.smtpUrl).toBeNull();
    expect(s.adminUsername).toBe('admin');
    expect(s.adminPassword).toBeNull();
    expect(s.jwtSecret).toBeNull();
    expect(s.loginMaxFailures).toBe(5);
    expect(s.roleRefreshIntervalMs).toBe(30 * 60_000);
    expect(s.sessionCacheMs).toBe(5000);
    expect(s.loginRate).toEqual({ windowMs: 60_000, perAccount: 10, perAddress: 100 });
    expect(s.lockout).toEqual({ mode: 'permanent', durationMs: 60_000, maxDurationMs: 3_600_000 });
  });

  it('reads the lockout mode and its durations', () => {
    const s = readSettings({ LOCKOUT_MODE: 'temporary', LOCKOUT_DURATION: '500ms', LOCKOUT_MAX_DURATION: '5m' });
    expect(s.lockout).toEqual({ mode: 'temporary', durationMs: 500, maxDurationMs: 300_000 });
    expect(() => readSettings({ LOCKOUT_MODE: 'forever' })).toThrow(/LOCKOUT_MODE/);
    expect(() => readSettings({ LOCKOUT_DURATION: 'a while' })).toThrow(/LOCKOUT_DURATION/);
  });

  it('reads CORS_ORIGINS as a list of origins, none when unset, and refuses what is not an origin', () => {
    expect(readSettings({}).corsOrigins).toEqual([]);
    expect(readSettings({ CORS_ORIGINS: 'https://crm.example.com, http://localhost:5173/' }).corsOrigins).toEqual(['https://crm.example.com', 'http://localhost:5173']);
    expect(() => readSettings({ CORS_ORIGINS: 'https://crm.example.com/app' })).toThrow(/CORS_ORIGINS/);
    expect(() => readSettings({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
  });

  it("reads identity's password policy, reset link lifetime, export directory and mail settings", () => {
    const defaults = readSettings({ PORT: '4000' });
    expect(defaults.passwordPolicy).toEqual({ minLength: 8, required: ['lower', 'upper', 'digit'] });
    expect(defaults.passwordResetTtlMs).toBe(24 * 3_600_000);
    expect(defaults.exportDir).toBe(resolve('.run/exports'));
    expect(defaults.mail).toEqual({ from: 'CRM Suite <no-reply@crm.local>', publicUrl: 'http://127.0.0.1:4000' });
    const set = readSettings({
      PASSWORD_MIN_LENGTH: '12',
      PASSWORD_CHARACTER_CLASSES: 'symbol',
      PASSWORD_RESET_TTL: '2s',
      EXPORT_DIR: '/tmp/exports',
      MAIL_FROM: 'crm@example.com',
      PUBLIC_URL: 'https://crm.example.com//',
    });
    expect(set.passwordPolicy).toEqual({ minLength: 12, required: ['symbol'] });
    expect(set.passwordResetTtlMs).toBe(2000);
    expect(set.exportDir).toBe('/tmp/exports');
    expect(set.mail).toEqual({ from: 'crm@example.com', publicUrl: 'https://crm.example.com' });
    expect(() => readSettings({ PASSWORD_CHARACTER_CLASSES: 'emoji' })).toThrow(/emoji/);
    expect(() => readSettings({ PASSWORD_MIN_LENGTH: '0' })).toThrow(/PASSWORD_MIN_LENGTH/);
    expect(() => readSettings({ PASSWORD_RESET_TTL: 'soon' })).toThrow(/PASSWORD_RESET_TTL/);
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => readSettings({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });

  it("reads the portal's feature links and the default currency of a new client account", () => {
    expect(readSettings({}).portal).toEqual({ urls: { HELP_GUIDE: '/portal/help', BLOG: '/portal/blog', LIVE_CHAT: '/portal/chat' }, defaultCurrency: 'EUR' });
    const portal = readSettings({ PORTAL_HELP_GUIDE_URL: 'https://help.example', PORTAL_BLOG_URL: 'https://blog.example', PORTAL_LIVE_CHAT_URL: 'https://chat.example', PORTAL_DEFAULT_CURRENCY: 'CHF' }).portal;
    expect(portal).toEqual({ urls: { HELP_GUIDE: 'https://help.example', BLOG: 'https://blog.example', LIVE_CHAT: 'https://chat.example' }, defaultCurrency: 'CHF' });
    for (const bad of ['eur', 'XYZ', 'EURO']) expect(() => readSettings({ PORTAL_DEFAULT_CURRENCY: bad })).toThrow(/PORTAL_DEFAULT_CURRENCY/);
  });

  it('bounds a graceful stop by SHUTDOWN_TIMEOUT_MS, 10 s by default', () => {
    expect(readSettings({}).shutdownTimeoutMs).toBe(10_000);
    expect(readSettings({ SHUTDOWN_TIMEOUT_MS: '3000' }).shutdownTimeoutMs).toBe(3000);
    expect(() => readSettings({ SHUTDOWN_TIMEOUT_MS: 'soon' })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
  });

  it('declares classic queues unless AMQP_QUEUE_TYPE asks for quorum, and refuses any other type', () => {
    expect(readSettings({}).amqpQueueType).toBe('classic');
    expect(readSettings({ AMQP_QUEUE_TYPE: 'quorum' }).amqpQueueType).toBe('quorum');
    expect(readSettings({ AMQP_QUEUE_TYPE: 'classic' }).amqpQueueType).toBe('classic');
    for (const bad of ['Quorum', 'stream', 'mirrored']) expect(() => readSettings({ AMQP_QUEUE_TYPE: bad })).toThrow(`AMQP_QUEUE_TYPE must be classic or quorum, got "${bad}"`);
  });

  it('believes no proxy about the client address unless TRUST_PROXY names hops or addresses', () => {
    expect(readSettings({}).trustProxy).toBe(false);
    expect(readSettings({ TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(readSettings({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readSettings({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7, fd00::/8' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.7', 'fd00::/8']);
    // `true` would believe any client's own X-Forwarded-For, and with it dodge the per-address login limit.
    for (const bad of ['true', '0', '-1', '10.0.0.0/33', 'nginx', '10.0.0.1/8/1']) expect(() => readSettings({ TRUST_PROXY: bad })).toThrow(`TRUST_PROXY must be`);
  });

  it('gives a request a minute to arrive in full unless HTTP_REQUEST_TIMEOUT_MS says otherwise (0: no limit)', () => {
    expect(readSettings({}).httpRequestTimeoutMs).toBe(60_000);
    expect(readSettings({ HTTP_REQUEST_TIMEOUT_MS: '1500' }).httpRequestTimeoutMs).toBe(1500);
    expect(readSettings({ HTTP_REQUEST_TIMEOUT_MS: '0' }).httpRequestTimeoutMs).toBe(0);
    for (const bad of ['-1', '1.5', 'soon']) expect(() => readSettings({ HTTP_REQUEST_TIMEOUT_MS: bad })).toThrow(/HTTP_REQUEST_TIMEOUT_MS/);
  });

  it('names the variable that holds a bad number', () => {
    expect(() => readSettings({ LOGIN_MAX_FAILURES: 'five' })).toThrow(/LOGIN_MAX_FAILURES/);
  });
});

describe('parseDuration', () => {
  it.each([
    ['30m', 1_800_000],
    ['90s', 90_000],
    ['2h', 7_200_000],
    ['1500', 1500],
    ['250ms', 250],
  ])('%s is %d ms', (raw, ms) => expect(parseDuration(raw)).toBe(ms));

  it('refuses what it cannot read', () => expect(() => parseDuration('soon', 'X')).toThrow(/X must look like/));
});

describe('databaseUrlFor', () => {
  it('replaces the path with the database name', () => {
    expect(databaseUrlFor('postgres://postgres@127.0.0.1:5432', 'tickets')).toBe('postgres://postgres@127.0.0.1:5432/tickets');
    expect(databaseUrlFor('postgres://u:p@db:5432/other?sslmode=disable', 'portal')).toBe('postgres://u:p@db:5432/portal?sslmode=disable');
  });
});
