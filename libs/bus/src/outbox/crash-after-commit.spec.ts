import type { EventEnvelope } from '@app/contracts';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crashAfterCommitHook } from './crash-after-commit';

// Firing kills the process, so the faults run (test/faults) shows it; here: when it must not fire.
describe('crashAfterCommitHook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crash-hook-'));
  const file = join(dir, 'armed');
  const committed = [{ id: '7d0c3d1e-8a59-4a5e-9c41-3c1a8f0b2a10', type: 'identity.user.created' } as EventEnvelope];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is nothing without TEST_FAULTS=1, even with the file named', () => {
    expect(crashAfterCommitHook('identity', { TEST_CRASH_AFTER_COMMIT: file })).toBeNull();
    expect(crashAfterCommitHook('identity', { TEST_FAULTS: 'true', TEST_CRASH_AFTER_COMMIT: file })).toBeNull();
    expect(crashAfterCommitHook('identity', { TEST_FAULTS: '1' })).toBeNull();
  });

  it('leaves the file armed for a transaction without events and for another service', () => {
    writeFileSync(file, 'identity');
    crashAfterCommitHook('identity', { TEST_FAULTS: '1', TEST_CRASH_AFTER_COMMIT: file })!([]);
    crashAfterCommitHook('tickets', { TEST_FAULTS: '1', TEST_CRASH_AFTER_COMMIT: file })!(committed);
    expect(existsSync(file)).toBe(true);
  });

  it('does nothing while the file is missing', () => {
    rmSync(file, { force: true });
    expect(() => crashAfterCommitHook('identity', { TEST_FAULTS: '1', TEST_CRASH_AFTER_COMMIT: join(dir, 'absent') })!(committed)).not.toThrow();
  });
});
