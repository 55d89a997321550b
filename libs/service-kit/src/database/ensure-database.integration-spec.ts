import { adminQuery } from '@app/testing';
import { ensureDatabase } from './ensure-database';

// Replicas of a service start together on their first deployment (docker-compose runs two tickets,
// deploy/ two of each): every one of them must come up, whichever creates the database.
describe('ensureDatabase on the real PostgreSQL', () => {
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432';
  const database = `ensure_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;

  afterAll(async () => {
    await adminQuery('postgres', `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });

  it('creates a missing database once when several instances ask at the same moment, and none of them fails', async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => ensureDatabase(serverUrl, database)));
    expect(outcomes.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'ok'))).toEqual(Array(8).fill('ok'));
    const found = await adminQuery('postgres', 'SELECT datname FROM pg_database WHERE datname = $1', [database]);
    expect(found).toEqual([{ datname: database }]);
  });
});
