import { jobLock } from '../jobs/advisory-job-lock';

/** The advisory lock a running export holds on its job (see jobs/advisory-job-lock.ts). */
export const EXPORT_LOCK_CLASS = 1_163_416_660; // 'EXPT'

export const EXPORT_JOB_LOCK = jobLock(EXPORT_LOCK_CLASS);
