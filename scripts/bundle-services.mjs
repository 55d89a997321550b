// Part of `npm run build`, after tsc: each service's dist/apps/<service>/src/main.js becomes one file
// holding its code and the packages it loads. Unbundled, a service resolved, read and compiled some
// 1,300–1,700 files at every start, three quarters of the CPU it spent starting (docs/BENCHMARKS.md,
// "Startup"). The other files of dist stay as tsc wrote them (the CLIs run from them).
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SERVICES = ['identity', 'tickets', 'portal', 'gateway'];

// Loaded at run time from node_modules, as before:
const EXTERNAL = [
  'argon2', // a native addon
  'amqplib', // coalesced-writes.ts patches its Mux by file: the patched copy must be the one in use
  'pg', // TypeORM loads its driver with a require it cannot see: one copy for both
  'pg-native',
  'pino', // pino and its transports find their worker files on disk
  'pino-pretty',
  'thread-stream',
  'swagger-ui-dist', // serves its assets from its own folder
  '@opentelemetry/exporter-trace-otlp-http', // loaded only when spans are sent (start-tracing.ts)
];
const external = (id) => EXTERNAL.some((name) => id === name || id.startsWith(`${name}/`));

// tsc's source maps, so that the bundle's map leads back to the TypeScript sources.
const withTscMaps = {
  name: 'tsc-source-maps',
  load(id) {
    if (!id.startsWith(`${root}/dist/`) || !existsSync(`${id}.map`)) return null;
    return { code: readFileSync(id, 'utf8'), map: readFileSync(`${id}.map`, 'utf8') };
  },
};

// @nestjs/typeorm looks up TypeORM 0.3's `Connection` and `AbstractRepository` (gone in TypeORM 1, so
// undefined) through a require of its own making, which the bundler cannot see: it loaded a second
// TypeORM (300 modules) from node_modules at every start. The lookup reads the bundled TypeORM instead.
const typeormCompat = {
  name: 'nestjs-typeorm-compat',
  transform(code, id) {
    if (!id.endsWith('/@nestjs/typeorm/dist/common/typeorm-compat.js')) return null;
    const own = 'const require = createRequire(import.meta.url);';
    if (!code.includes(own)) throw new Error(`${id} changed: scripts/bundle-services.mjs needs updating`);
    return code.replace(own, "import * as bundledTypeorm from 'typeorm';\nconst require = () => bundledTypeorm;");
  },
};

const BANNER = '// One file: scripts/bundle-services.mjs bundled tsc\'s output and the packages it loads.';

for (const service of SERVICES) {
  const file = resolve(root, 'dist/apps', service, 'src/main.js');
  if (readFileSync(file, 'utf8').startsWith(BANNER)) throw new Error(`${file} is bundled already: \`npm run build\` compiles it again first`);
  const started = Date.now();
  const bundle = await build({
    input: file,
    platform: 'node',
    external,
    // Node's own choice: a package's `main` (or its exports), never the `module` build beside it, so
    // that a package has one copy (class-transformer's metadata storage is read by its CJS path).
    resolve: { mainFields: ['main'] },
    plugins: [withTscMaps, typeormCompat],
    logLevel: 'silent',
    write: false,
    // dir: where the bundle goes, so that the map's paths are relative to it.
    output: { dir: dirname(file), entryFileNames: 'main.js', banner: BANNER, format: 'cjs', codeSplitting: false, keepNames: true, sourcemap: true, sourcemapExcludeSources: true },
  });
  const [chunk, map] = [bundle.output.find((o) => o.type === 'chunk'), bundle.output.find((o) => o.type === 'asset' && o.fileName.endsWith('.map'))];
  writeFileSync(file, chunk.code);
  writeFileSync(`${file}.map`, typeof map.source === 'string' ? map.source : Buffer.from(map.source));
  console.log(`bundled ${service} in ${Date.now() - started} ms (${(chunk.code.length / 1e6).toFixed(1)} MB)`);
}
