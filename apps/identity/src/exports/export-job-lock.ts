/**
 * A running export holds a session-level advisory lock on its job, on the export's own connection:
 * PostgreSQL drops it when that connection ends, so a RUNNING job whose lock nobody holds was left by
 * a process that stopped, while one whose lock is held is running in a live identity instance.
 * The two-int4 form shows in pg_locks as classid = EXPORT_LOCK_CLASS, objid = hashtext(id), objsubid = 2.
 */
export const EXPORT_LOCK_CLASS = 1_163_416_660; // 'EXPT'

export const TRY_LOCK_EXPORT_SQL = `SELECT pg_try_advisory_lock(${EXPORT_LOCK_CLASS}, hashtext($1::text)) AS locked`;

/** True, in SQL, when some session holds the lock of the job row `job`. */
export const exportLockHeld = (job: string): string =>
  `EXISTS (SELECT 1 FROM pg_locks l
            WHERE l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid = ${EXPORT_LOCK_CLASS}::oid AND l.objid = hashtext(${job}.id::text)::oid AND l.objsubid = 2 AND l.granted)`;
