import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { constants, Script } from 'node:vm';
import { install as mapStackTraces } from 'source-map-support';
import { CodeCacheOutcome, recordCodeCacheOutcome } from './code-cache-outcome';

/** How long a service runs before the code it compiled so far is cached (its start and first requests). */
export const CODE_CACHE_AFTER_MS = 10_000;

/**
 * A service's main.js (`serviceDir` is dist/apps/<service>/src) runs its bundle, service.js, with the
 * code cache in CODE_CACHE_DIR, by default .run/code-cache of the checkout; `none` turns it off.
 */
export function startBundledService(serviceDir: string): CodeCacheOutcome {
  const setting = process.env.CODE_CACHE_DIR;
  const cacheDir = setting === 'none' ? null : setting || resolve(serviceDir, '../../../../.run/code-cache');
  return runBundle(join(serviceDir, 'service.js'), cacheDir);
}

/**
 * Runs a service's bundle (scripts/bundle-services.mjs writes each service as one file) as Node's
 * loader would, but through V8's code cache: compiling the 3–9 MB bundle and the functions a start
 * runs is a quarter of the CPU a service spends starting. Node 20 caches no compiled code itself
 * (22 does, `module.enableCompileCache`). The cache is written `CODE_CACHE_AFTER_MS` after a start
 * that had none, into `cacheDir`, named by the bundle's content and Node's version; V8 checks its
 * own version and flags and rejects a cache that does not fit them. Whoever can write the cache can
 * run code in the service, so a cache file or folder writable by anyone but this process's user is
 * not read, and nothing is written where the folder cannot be made or written (a read-only image).
 */
export function runBundle(bundle: string, cacheDir: string | null, cacheAfterMs = CODE_CACHE_AFTER_MS): CodeCacheOutcome {
  const bytes = readFileSync(bundle);
  // The build writes the bundle in ASCII (scripts/bundle-services.mjs), which needs no UTF-8 decoding.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const name = basename(dirname(dirname(bundle))); // dist/apps/<service>/src/service.js
  const key = createHash('sha256').update(process.version).update(process.arch).update(bytes).digest('hex').slice(0, 16);
  const cache = cacheDir === null ? null : { dir: cacheDir, file: join(cacheDir, `${name}-${key}.v8`) };
  const cachedData = cache && ownedAndPrivate(cache.dir) && ownedAndPrivate(cache.file) ? readFileSync(cache.file) : undefined;
  const script = new Script(Module.wrap(source), {
    filename: bundle,
    cachedData,
    // `import()` inside the bundle resolves as it would in a module Node loaded.
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const outcome: CodeCacheOutcome = !cache ? 'off' : cachedData ? (script.cachedDataRejected ? 'rejected' : 'used') : existsPath(cache.file) ? 'untrusted' : 'absent';
  // Node maps a stack frame through the file's source map only for what its own loader compiled. The
  // map is read when the first stack is formatted (about 0.2 s), from beside the bundle: found
  // through the bundle's own comment, it cost 0.3 s, most of it scanning the bundle for that comment.
  const map = `${bundle}.map`;
  mapStackTraces({
    environment: 'node',
    handleUncaughtExceptions: false,
    retrieveSourceMap: (file) => (file === bundle && existsPath(map) ? { url: map, map: readFileSync(map, 'utf8') } : null),
  });
  recordCodeCacheOutcome(outcome);
  if (cache && outcome !== 'used') setTimeout(() => writeCache(script, cache.dir, cache.file, name), cacheAfterMs).unref();
  const module = new Module(bundle, require.main);
  module.filename = bundle;
  const run = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
  module.loaded = true;
  return outcome;
}

function existsPath(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false }) !== undefined;
}

/** Whether the file or folder exists, belongs to this process's user and only that user may write it. */
function ownedAndPrivate(path: string): boolean {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat !== undefined && stat.uid === process.getuid?.() && (stat.mode & 0o022) === 0;
}

function writeCache(script: Script, cacheDir: string, cacheFile: string, name: string): void {
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    if (!ownedAndPrivate(cacheDir)) return;
    // Renamed into place: a process of the same service starting meanwhile reads a whole file or none.
    const partial = `${cacheFile}.${process.pid}.partial`;
    writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    renameSync(partial, cacheFile);
    for (const old of readdirSync(cacheDir)) {
      if (old.startsWith(`${name}-`) && old.endsWith('.v8') && join(cacheDir, old) !== cacheFile) rmSync(join(cacheDir, old), { force: true });
    }
  } catch {
    // No cache: the next start compiles again, as Node would.
  }
}
