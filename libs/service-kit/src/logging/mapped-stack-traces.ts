import { install } from 'source-map-support';

/**
 * Stack traces in the logs name the TypeScript sources. source-map-support reads a file's source map
 * only when a stack through that file is formatted, which here means an unexpected error being logged.
 * Node's --enable-source-maps read and parsed the map of every module at load instead, node_modules'
 * included (8 MB for identity): 0.3–0.6 s of CPU per service at every start (docs/BENCHMARKS.md).
 */
export function mapStackTraces(): void {
  install({ environment: 'node', handleUncaughtExceptions: false });
}
