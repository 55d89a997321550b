// After a project's test files: drop the vhosts they used (libs/testing/src/vhost-pool.ts), in one call.
// Global set-up and teardown files are loaded without the projects' module names, so the path is relative.
import { vhostPool } from '../../libs/testing/src/vhost-pool';

export default (): Promise<void> => vhostPool.dropUsed();
