import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { turnBufferedDestination } from './turn-buffered-destination';

describe('turnBufferedDestination', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'turn-buffered-'));
    file = join(dir, 'out.log');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const turn = () => new Promise((resolve) => setImmediate(resolve));
  const lines = () => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).msg);

  it("writes the lines of one turn at the turn's end, all of them, in order", async () => {
    const logger = pino({}, turnBufferedDestination(openSync(file, 'a')));
    for (const msg of ['one', 'two', 'three']) logger.info(msg);
    expect(readFileSync(file, 'utf8')).toBe('');
    await turn();
    expect(lines()).toEqual(['one', 'two', 'three']);
    logger.info('four');
    await turn();
    expect(lines()).toEqual(['one', 'two', 'three', 'four']);
  });

  it('writes what waits when flushed (as at exit), and nothing twice', async () => {
    const destination = turnBufferedDestination(openSync(file, 'a'));
    const logger = pino({}, destination);
    logger.info('last words');
    destination.flushSync();
    expect(lines()).toEqual(['last words']);
    await turn();
    expect(lines()).toEqual(['last words']);
  });
});
