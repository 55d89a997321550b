import { DataSource } from 'typeorm';

/** Any fixed number: the advisory lock (per database) that one process of a service holds while it migrates. */
const MIGRATION_LOCK = 7_320_100;

/**
 * Runs the pending migrations holding a PostgreSQL advisory lock. Several processes of one service
 * starting together (scale-out, DESIGN.md section 10) migrate one after the other, and the later ones
 * find nothing left to run; without it two could both find a migration pending, both run its CREATE
 * TABLE, and the second would fail and stop its process.
 */
export async function migrateUnderLock(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}
