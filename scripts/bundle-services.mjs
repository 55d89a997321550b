// Part of `npm run build`, after tsc: each service's dist/apps/<service>/src/main.js is bundled into one
// file, service.js beside it, holding its code and the packages it loads, and main.js becomes the
// launcher that runs it. Unbundled, a service resolved, read and compiled some
// 1,300–1,700 files at every start, three quarters of the CPU it spent starting (docs/BENCHMARKS.md,
// "Startup"). The other files of dist stay as tsc wrote them (the CLIs run from them).
import { readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, encode } from '@jridgewell/sourcemap-codec';
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
    // One line for one line: the positions stay, so the existing map stays (map: null).
    return { code: code.replace(own, "import * as bundledTypeorm from 'typeorm'; const require = () => bundledTypeorm;"), map: null };
  },
};

/**
 * The bundle's map, cut to the suite's own code. Whole, it maps every token of the packages too (4 MB
 * for identity) and Node spent 0.6–0.8 s decoding it at the first stack it formatted; a frame inside
 * a package keeps its line in service.js, where a `// node_modules/...` comment heads each file of a package.
 */
function ownCodeOnly(map) {
  const own = map.sources.map((source) => !source.includes('node_modules/'));
  const sources = [];
  const names = [];
  const sourceIndex = new Map();
  const nameIndex = new Map();
  const indexIn = (index, list, value) => {
    if (!index.has(value)) index.set(value, list.push(value) - 1);
    return index.get(value);
  };
  const lines = decode(map.mappings).map((segments) =>
    segments
      .filter((segment) => segment.length > 1 && own[segment[1]])
      .map(([column, source, line, sourceColumn, name]) => {
        const kept = [column, indexIn(sourceIndex, sources, map.sources[source]), line, sourceColumn];
        return name === undefined ? kept : [...kept, indexIn(nameIndex, names, map.names[name])];
      }),
  );
  return { ...map, sources, names, mappings: encode(lines) };
}

// What the bundler may leave as it is: Nest's optional peers for what the suite does not use (other
// transports, views, multipart), absent here and required only if used; and terminus's check of
// installed packages (`import.meta.resolve`), which only health indicators the suite does not use call.
const OPTIONAL_PEER = /Could not resolve '(@fastify\/(view|multipart)|@nats-io\/transport-node|@nestjs\/(platform-express|websockets\/[\w./-]+)|ioredis|kafkajs|mqtt)'/;
const expected = (log) =>
  (log.code === 'UNRESOLVED_IMPORT' && OPTIONAL_PEER.test(log.message)) || (log.code === 'EMPTY_IMPORT_META' && log.id?.includes('/@nestjs/terminus/'));

/**
 * The bundle in ASCII: V8 then holds its 7–9 MB of source in one byte a character, not two, and Node
 * reads it without decoding UTF-8. `charset: 'ascii'` escapes strings, regular expressions and names;
 * what it leaves is in comments (packages' JSDoc: ≥, —), where any character may stand in. A line of
 * code that still held one would change meaning, so that stops the build.
 */
function asciiOnly(code, service) {
  return code
    .split('\n')
    .map((line, index) => {
      if (!/[^\x00-\x7f]/.test(line)) return line;
      if (!/^\s*(\*|\/\/|\/\*)/.test(line)) throw new Error(`bundling ${service}: line ${index + 1} of service.js is code with a non-ASCII character: ${line.trim().slice(0, 120)}`);
      return line.replace(/[^\x00-\x7f]/gu, '?');
    })
    .join('\n');
}

const BANNER = '// One file: scripts/bundle-services.mjs bundled tsc\'s output and the packages it loads.';
// main.js, what `npm start` and the image run, becomes the launcher: it runs service.js through V8's
// code cache (libs/service-kit/src/bootstrap/run-bundle.ts says why).
const LAUNCHER_BANNER = '// scripts/bundle-services.mjs: this service, bundled, is service.js beside this file.';
const LAUNCHER = `${LAUNCHER_BANNER}
'use strict';
require('../../../libs/service-kit/src/bootstrap/run-bundle.js').startBundledService(__dirname);
`;

for (const service of SERVICES) {
  const file = resolve(root, 'dist/apps', service, 'src/main.js');
  if (readFileSync(file, 'utf8').startsWith(LAUNCHER_BANNER)) throw new Error(`${file} is bundled already: \`npm run build\` compiles it again first`);
  const started = Date.now();
  const bundle = await build({
    input: file,
    platform: 'node',
    external,
    // Node's own choice: a package's `main` (or its exports), never the `module` build beside it, so
    // that a package has one copy (class-transformer's metadata storage is read by its CJS path).
    resolve: { mainFields: ['main'] },
    plugins: [withTscMaps, typeormCompat],
    // Anything else it says stops the build: an import it could not resolve would load a second copy at run time, or none.
    onLog(level, log) {
      if (level !== 'debug' && !expected(log)) throw new Error(`bundling ${service}: ${log.code ?? level}: ${log.message}`);
    },
    write: false,
    // dir: where the bundle goes, so that the map's paths are relative to it.
    output: { dir: dirname(file), entryFileNames: 'service.js', banner: BANNER, charset: 'ascii', format: 'cjs', codeSplitting: false, keepNames: true, sourcemap: true, sourcemapExcludeSources: true },
  });
  const [chunk, map] = [bundle.output.find((o) => o.type === 'chunk'), bundle.output.find((o) => o.type === 'asset' && o.fileName.endsWith('.map'))];
  const bundleFile = resolve(dirname(file), 'service.js');
  writeFileSync(bundleFile, asciiOnly(chunk.code, service));
  writeFileSync(`${bundleFile}.map`, JSON.stringify(ownCodeOnly(JSON.parse(typeof map.source === 'string' ? map.source : Buffer.from(map.source).toString()))));
  writeFileSync(file, LAUNCHER);
  rmSync(`${file}.map`, { force: true });
  console.log(`bundled ${service} in ${Date.now() - started} ms (${(chunk.code.length / 1e6).toFixed(1)} MB)`);
}
