// The environment variables the built code reads, found in the sources: what a deployment may set.
// Shared by the docker-compose and the Kubernetes checks.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** Source files that end up in dist/ (tsconfig.build.json: apps and libs without tests and libs/testing). */
export function builtSources(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== 'libs/testing') files.push(...builtSources(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('-spec.ts')) {
      files.push(path);
    }
  }
  return files;
}

/** Every variable the built code reads: `env.NAME`, `process.env.NAME`, `env['NAME']`, `int(env, 'NAME', ...)`. */
export function variablesReadByCode(): Set<string> {
  const names = new Set<string>();
  const patterns = [/\benv\.([A-Z][A-Z0-9_]*)\b/g, /\benv\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]/g, /\(\s*env\s*,\s*['"]([A-Z][A-Z0-9_]*)['"]/g];
  for (const file of [...builtSources('apps'), ...builtSources('libs')]) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) names.add(match[1]);
  }
  return names;
}
