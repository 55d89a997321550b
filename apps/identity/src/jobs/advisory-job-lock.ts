/**
 * A running background job (an export, an LDAP import) holds a session-level advisory lock on its job
 * row's id, on a connection of its own: PostgreSQL drops it when that connection ends, so a RUNNING
 * job whose lock nobody holds was left by a process that stopped, while one whose lock is held is
 * running in a live identity instance. The two-int4 form shows in pg_locks as classid = the kind's
 * class, objid = hashtext(id), objsubid = 2.
 */
export interface JobLock {
  /** Takes the lock of job `$1` if free: one row, `locked`. */
  readonly tryLockSql: string;
  /** True, in SQL, when some session holds the lock of the job row aliased `job`. */
  held(job: string): string;
}

export const jobLock = (lockClass: number): JobLock => ({
  tryLockSql: `SELECT pg_try_advisory_lock(${lockClass}, hashtext($1::text)) AS locked`,
  held: (job) =>
    `EXISTS (SELECT 1 FROM pg_locks l
              WHERE l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                AND l.classid = ${lockClass}::oid AND l.objid = hashtext(${job}.id::text)::oid AND l.objsubid = 2 AND l.granted)`,
});
