import { randomBytes, randomUUID } from 'crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CreateIdempotencyKeys1763800009000 } from './create-idempotency-keys.migration';
import { deleteExpiredKeys } from './delete-expired-keys';

const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';

describe('deleteExpiredKeys on real PostgreSQL', () => {
  const database = `e2e_keys_${randomBytes(4).toString('hex')}`;
  let dataSource: DataSource;

  beforeAll(async () => {
    const admin = new Client({ connectionString: SERVER });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    dataSource = new DataSource({ type: 'postgres', url: `${SERVER}/${database}`, migrations: [CreateIdempotencyKeys1763800009000], migrationsRun: false });
    await dataSource.initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    const admin = new Client({ connectionString: SERVER });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('deletes the keys older than 24 hours and keeps the younger ones', async () => {
    const caller = randomUUID();
    const insert = (key: string, age: string) =>
      dataSource.query(`INSERT INTO idempotency_keys (caller_id, key, request_hash, created_at) VALUES ($1, $2, 'h', now() - $3::interval)`, [caller, key, age]);
    await insert('fresh', '1 minute');
    await insert('almost', '23 hours 59 minutes');
    await insert('expired', '24 hours 1 minute');
    await insert('old', '30 days');
    expect(await deleteExpiredKeys(dataSource)).toBe(2);
    const left = await dataSource.query('SELECT key FROM idempotency_keys ORDER BY key');
    expect(left.map((row: { key: string }) => row.key)).toEqual(['almost', 'fresh']);
    expect(await deleteExpiredKeys(dataSource)).toBe(0);
  });
});
