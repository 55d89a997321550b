import { encode } from '@jridgewell/sourcemap-codec';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { transpileModule } from 'typescript';

// Each run is a node process of its own, as a service's start is: runBundle compiles in Node's main
// context and installs a stack formatter, which jest's sandbox would not show as a service sees them.
describe('runBundle (a bundled service run through V8 code cache)', () => {
  let dir: string;
  let runner: string;
  let bundle: string;
  let cacheDir: string;

  // A bundle that requires a file beside it, logs what it sees, and throws where asked.
  const bundleSource = (version: number) =>
    [
      `const helper = require('./helper.js');`,
      `function fail() { throw new Error('boom'); }`,
      // Version 2 holds a non-ASCII character: the build writes ASCII, a bundle otherwise is read as UTF-8.
      `console.log(JSON.stringify({ version: ${version}, word: '${version === 1 ? 'plain' : 'café'}', helper, filename: __filename, dirname: __dirname, exported: module.exports === exports, codeCache: globalThis[Symbol.for('crm.code-cache-outcome')] }));`,
      `if (process.env.FAIL) { try { fail(); } catch (error) { console.log(JSON.stringify({ stack: error.stack })); } }`,
      `//# sourceMappingURL=service.js.map`,
    ].join('\n');

  /** Runs the bundle in a process that lives `stayMs`, and returns what runBundle and the bundle said. */
  const run = (options: { cacheDir?: string | null; stayMs?: number; env?: Record<string, string> } = {}) => {
    const cache = options.cacheDir === undefined ? cacheDir : options.cacheDir;
    const output = execFileSync(process.execPath, [runner, bundle, JSON.stringify(cache), String(options.stayMs ?? 0)], {
      // run-bundle.js lies outside the checkout: its packages come from the checkout's node_modules.
      env: { ...process.env, NODE_PATH: resolve(__dirname, '../../../../node_modules'), ...options.env },
      encoding: 'utf8',
    });
    const lines = output.trim().split('\n').map((line) => JSON.parse(line));
    return { outcome: lines.find((line) => 'outcome' in line).outcome as string, seen: lines.find((line) => 'version' in line), stack: lines.find((line) => 'stack' in line)?.stack as string | undefined };
  };
  const cacheFiles = () => (statSync(cacheDir, { throwIfNoEntry: false }) ? readdirSync(cacheDir) : []);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'run-bundle-'));
    // run-bundle.ts and what it imports as plain JS, so that the processes run without ts-node.
    for (const file of ['run-bundle', 'code-cache-outcome']) {
      const source = readFileSync(resolve(__dirname, `${file}.ts`), 'utf8');
      writeFileSync(join(dir, `${file}.js`), transpileModule(source, { compilerOptions: { module: 1, target: 9, esModuleInterop: true } }).outputText);
    }
    runner = join(dir, 'runner.js');
    writeFileSync(
      runner,
      `const [bundle, cache, stay] = process.argv.slice(2);
       const outcome = require(${JSON.stringify(join(dir, 'run-bundle.js'))}).runBundle(bundle, JSON.parse(cache), 20);
       console.log(JSON.stringify({ outcome }));
       setTimeout(() => {}, Number(stay));`,
    );
  });

  beforeEach(() => {
    const src = join(dir, `case-${Math.random().toString(36).slice(2)}`, 'apps/demo/src');
    mkdirSync(src, { recursive: true });
    bundle = join(src, 'service.js');
    writeFileSync(bundle, bundleSource(1));
    writeFileSync(join(src, 'helper.js'), `module.exports = 'beside';`);
    // Line 2 of the bundle (fail's throw) comes from line 41 of demo.ts.
    writeFileSync(`${bundle}.map`, JSON.stringify({ version: 3, sources: ['demo.ts'], names: [], mappings: encode([[], [[0, 0, 40, 0], [20, 0, 40, 4]]]) }));
    cacheDir = join(src, '../../../.run/code-cache');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the bundle as Node would load it: its own file and folder, require beside it, module.exports', () => {
    const { seen } = run();
    expect(seen).toEqual({ version: 1, word: 'plain', helper: 'beside', filename: bundle, dirname: resolve(bundle, '..'), exported: true, codeCache: 'absent' });
  });

  it('writes the cache after a start that had none, in a folder only its user may open, and the next start uses it', () => {
    expect(run({ stayMs: 300 }).outcome).toBe('absent');
    const files = cacheFiles();
    expect(files).toEqual([expect.stringMatching(/^demo-[0-9a-f]{16}\.v8$/)]);
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(cacheDir, files[0])).mode & 0o777).toBe(0o600);
    const second = run({ stayMs: 300 });
    // The service sees the outcome too (its ready line says it).
    expect(second).toMatchObject({ outcome: 'used', seen: { version: 1, helper: 'beside', codeCache: 'used' } });
    expect(cacheFiles()).toEqual(files);
  });

  it('writes nothing when the process ends before the cache is due', () => {
    expect(run({ stayMs: 0 }).outcome).toBe('absent');
    expect(cacheFiles()).toEqual([]);
  });

  it('compiles again when the cache is not V8 code, and replaces it', () => {
    run({ stayMs: 300 });
    const [file] = cacheFiles();
    writeFileSync(join(cacheDir, file), Buffer.alloc(4096, 7), { mode: 0o600 });
    expect(run({ stayMs: 300 })).toMatchObject({ outcome: 'rejected', seen: { version: 1 } });
    expect(run().outcome).toBe('used');
  });

  it('does not read a cache that others may write, file or folder', () => {
    run({ stayMs: 300 });
    const [file] = cacheFiles();
    chmodSync(join(cacheDir, file), 0o666);
    expect(run().outcome).toBe('untrusted');
    chmodSync(join(cacheDir, file), 0o600);
    chmodSync(cacheDir, 0o777);
    expect(run().outcome).toBe('untrusted');
    chmodSync(cacheDir, 0o700);
    expect(run().outcome).toBe('used');
  });

  it('a changed bundle starts without cache, and its cache replaces the old one', () => {
    run({ stayMs: 300 });
    const [old] = cacheFiles();
    writeFileSync(bundle, bundleSource(2));
    expect(run({ stayMs: 300 })).toMatchObject({ outcome: 'absent', seen: { version: 2, word: 'café' } });
    const [now] = cacheFiles();
    expect(cacheFiles()).toHaveLength(1);
    expect(now).not.toBe(old);
  });

  it('keeps no cache when it is off', () => {
    expect(run({ cacheDir: null, stayMs: 300 }).outcome).toBe('off');
    expect(cacheFiles()).toEqual([]);
  });

  it("maps stack frames in the bundle to the sources through the bundle's map", () => {
    const { stack } = run({ env: { FAIL: '1' } });
    expect(stack).toMatch(/^Error: boom\n\s+at fail \(.*demo\.ts:41:5\)/);
  });
});
