// npx ts-node --transpile-only bench/common/profile-summary.ts <file.cpuprofile> [top]: where a V8 CPU
// profile (node --cpu-prof) spent its samples: self time by function and by package or file area,
// as a Markdown table. The profiles themselves are large; their summaries are what the docs keep.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<package>, the app or lib a file belongs to, node's internals, or V8's own entries. */
function areaOf(url: string, name: string): string {
  if (!url) return `(${name || 'anonymous'})`;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  const ours = /\/dist\/((?:apps|libs)\/[^/]+)/.exec(url);
  if (ours) return ours[1];
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').split('/')[0];
  return url;
}

export function summarize(profile: CpuProfile, top = 25): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, index) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const file = url.replace(/^.*\/(node_modules|dist)\//, '$1/').replace(/^file:\/\//, '');
    const key = url ? `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}` : `(${functionName})`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    const area = areaOf(url, functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + micros);
  }
  const table = (title: string, rows: Map<string, number>) =>
    [`| ${title} | self ms | share |`, '|---|---:|---:|', ...[...rows].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, micros]) => `| \`${name}\` | ${(micros / 1000).toFixed(0)} | ${((100 * micros) / total).toFixed(1)}% |`)].join('\n');
  return [`Sampled: ${(total / 1e6).toFixed(1)} s.`, '', table('package or area', byArea), '', table('function', byFunction), '', callers(profile, selfMicros, 5)].join('\n');
}

const frameName = ({ functionName, url, lineNumber }: ProfileNode['callFrame']) =>
  url ? `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|dist)\//, '').replace(/^file:\/\//, '')}:${lineNumber + 1}` : `(${functionName})`;

/** For the `count` heaviest functions with a source (not idle, GC or native), the call path that spent most of their time. */
function callers(profile: CpuProfile, selfMicros: Map<number, number>, count: number): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const paths = new Map<string, { fn: string; micros: number }>();
  for (const [id, micros] of selfMicros) {
    const node = byId.get(id)!;
    if (!node.callFrame.url) continue;
    const chain: string[] = [];
    for (let at = parentOf.get(id), depth = 0; at !== undefined && depth < 6; at = parentOf.get(at), depth++) chain.push(frameName(byId.get(at)!.callFrame));
    const fn = frameName(node.callFrame);
    const key = `${fn} <- ${chain.join(' <- ')}`;
    paths.set(key, { fn, micros: (paths.get(key)?.micros ?? 0) + micros });
  }
  const seen = new Set<string>();
  const lines = ['Heaviest call paths (self ms, function <- callers):', ''];
  for (const [key, { fn, micros }] of [...paths].sort((a, b) => b[1].micros - a[1].micros)) {
    if (seen.has(fn)) continue;
    seen.add(fn);
    lines.push(`- ${(micros / 1000).toFixed(0)} ms: \`${key}\``);
    if (seen.size === count) break;
  }
  return lines.join('\n');
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  console.log(summarize(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(top ?? 25)));
}
