import { Client } from 'pg';

/** Creates the service's own database when it is missing (DESIGN.md section 1). */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`database name "${database}" must be lower-case letters, digits and _`);
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database}"`).catch((error: { code?: string }) => {
        // Another instance created it between our look and our create: 42P04 once it committed,
        // 23505 (pg_database's unique name index) while both creates run, as two replicas' first
        // starts do (docker-compose, deploy/).
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}
