// What `kubectl apply -k <dir>` would send, built in plain TypeScript: no kustomize binary may be
// downloaded here. It covers what deploy/ uses (resources, configMap/secret generators with
// behavior: merge, strategic-merge patches by kind and name, JSON 6902 patches by target, namespace,
// images, labels) and fails on anything else, so a kustomization using more fails this test rather
// than passing unchecked.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

interface Generator {
  name: string;
  behavior?: 'create' | 'merge' | 'replace';
  envs?: string[];
  literals?: string[];
  type?: string;
  options?: { disableNameSuffixHash?: boolean };
}

interface PatchEntry {
  path?: string;
  patch?: string;
  target?: { kind?: string; name?: string };
}

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  resources?: string[];
  configMapGenerator?: Generator[];
  secretGenerator?: Generator[];
  patches?: PatchEntry[];
  images?: Array<{ name: string; newName?: string; newTag?: string }>;
  labels?: Array<{ pairs: Record<string, string>; includeSelectors?: boolean }>;
}

const KNOWN_FIELDS = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'configMapGenerator', 'secretGenerator', 'patches', 'images', 'labels']);

/** A generated object and whether kustomize would append a content hash to its name. */
export interface Generated {
  manifest: Manifest;
  hashed: boolean;
  /** Env files that are git-ignored and were read from their `.example` instead. */
  examplesUsed: string[];
}

export interface Build {
  manifests: Manifest[];
  generated: Generated[];
  /** Every file read, relative paths resolved, for the "exists and parses" checks. */
  filesRead: string[];
}

export const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'StorageClass', 'PersistentVolume']);

function readYamlDocuments(file: string): Manifest[] {
  const documents = parseAllDocuments(readFileSync(file, 'utf8'));
  return documents.flatMap((document) => {
    if (document.errors.length) throw new Error(`${file}: ${document.errors.map((error) => error.message).join('; ')}`);
    const value = document.toJS() as Manifest | null;
    return value ? [value] : [];
  });
}

/** `KEY=value` lines, `#` comments and blank lines skipped, as kustomize reads an env file. */
export function readEnvFile(file: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const at = trimmed.indexOf('=');
    if (at <= 0) throw new Error(`${file}: "${trimmed}" is not KEY=value`);
    entries[trimmed.slice(0, at)] = trimmed.slice(at + 1);
  }
  return entries;
}

function generatorData(dir: string, generator: Generator, filesRead: string[], examplesUsed: string[]): Record<string, string> {
  const data: Record<string, string> = {};
  for (const env of generator.envs ?? []) {
    let file = join(dir, env);
    if (!existsSync(file) && existsSync(`${file}.example`)) {
      examplesUsed.push(file);
      file = `${file}.example`;
    }
    if (!existsSync(file)) throw new Error(`${dir}: generator ${generator.name} reads ${env}, which does not exist (nor ${env}.example)`);
    filesRead.push(file);
    Object.assign(data, readEnvFile(file));
  }
  for (const literal of generator.literals ?? []) {
    const at = literal.indexOf('=');
    data[literal.slice(0, at)] = literal.slice(at + 1);
  }
  return data;
}

const sameObject = (a: Manifest, kind: string, name: string) => a.kind === kind && a.metadata.name === name;

/** Strategic merge as far as deploy/ needs it: maps merge, lists of named items merge by name, other lists are replaced. */
export function strategicMerge(base: unknown, patch: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(patch)) {
    const named = (list: unknown[]) => list.every((item) => item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string');
    if (!named(base) || !named(patch)) return patch;
    const merged = base.map((item) => {
      const match = patch.find((candidate) => (candidate as { name: string }).name === (item as { name: string }).name);
      return match ? strategicMerge(item, match) : item;
    });
    for (const item of patch) if (!base.some((candidate) => (candidate as { name: string }).name === (item as { name: string }).name)) merged.push(item);
    return merged;
  }
  if (base && patch && typeof base === 'object' && typeof patch === 'object' && !Array.isArray(base) && !Array.isArray(patch)) {
    const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [key, value] of Object.entries(patch as Record<string, unknown>)) merged[key] = key in merged ? strategicMerge(merged[key], value) : value;
    return merged;
  }
  return patch;
}

/** JSON 6902 `add`/`replace`/`remove` on a JSON pointer; `replace` and `remove` need the path to exist. */
export function applyJsonPatch(target: Manifest, operations: Array<{ op: string; path: string; value?: unknown }>): void {
  for (const { op, path, value } of operations) {
    const keys = path
      .split('/')
      .slice(1)
      .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop() as string;
    let parent: Record<string, unknown> = target as unknown as Record<string, unknown>;
    for (const key of keys) {
      if (parent[key] === undefined || parent[key] === null) throw new Error(`${target.kind}/${target.metadata.name}: ${op} ${path}: ${key} does not exist`);
      parent = parent[key] as Record<string, unknown>;
    }
    if (op === 'add') parent[last] = value;
    else if (op === 'replace' || op === 'remove') {
      if (!(last in parent)) throw new Error(`${target.kind}/${target.metadata.name}: ${op} ${path}: nothing there`);
      if (op === 'replace') parent[last] = value;
      else delete parent[last];
    } else throw new Error(`${target.kind}/${target.metadata.name}: JSON patch op ${op} is not used in deploy/`);
  }
}

function applyPatches(dir: string, kustomization: Kustomization, manifests: Manifest[], filesRead: string[]): void {
  for (const entry of kustomization.patches ?? []) {
    let documents: unknown[];
    if (entry.path) {
      const file = join(dir, entry.path);
      if (!existsSync(file)) throw new Error(`${dir}: patch ${entry.path} does not exist`);
      filesRead.push(file);
      documents = readYamlDocuments(file);
    } else if (entry.patch) {
      documents = [parse(entry.patch)];
    } else {
      throw new Error(`${dir}: a patch without path or patch`);
    }
    for (const document of documents) {
      if (Array.isArray(document)) {
        const targets = manifests.filter((manifest) => (!entry.target?.kind || manifest.kind === entry.target.kind) && (!entry.target?.name || manifest.metadata.name === entry.target.name));
        if (!targets.length) throw new Error(`${dir}: a JSON patch matches nothing (${JSON.stringify(entry.target)})`);
        for (const target of targets) applyJsonPatch(target, document as Array<{ op: string; path: string; value?: unknown }>);
      } else {
        const patch = document as Manifest;
        const index = manifests.findIndex((manifest) => sameObject(manifest, patch.kind, patch.metadata?.name));
        if (index < 0) throw new Error(`${dir}: patch for ${patch.kind}/${patch.metadata?.name} matches no resource`);
        const { apiVersion } = manifests[index];
        if (patch.apiVersion !== apiVersion) throw new Error(`${dir}: patch for ${patch.kind}/${patch.metadata.name} says ${patch.apiVersion}, the resource ${apiVersion}`);
        manifests[index] = strategicMerge(manifests[index], patch) as Manifest;
      }
    }
  }
}

function replaceImages(manifests: Manifest[], images: NonNullable<Kustomization['images']>): void {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.containers)) {
      for (const container of [...(record.containers as Array<{ image?: string }>), ...((record.initContainers as Array<{ image?: string }> | undefined) ?? [])]) {
        const [name, tag] = (container.image ?? '').split(':');
        const image = images.find((candidate) => candidate.name === name);
        if (image) container.image = `${image.newName ?? name}:${image.newTag ?? tag}`;
      }
    }
    Object.values(record).forEach(visit);
  };
  manifests.forEach(visit);
}

/** Builds a kustomization directory the way `kubectl kustomize` does, for what deploy/ uses. */
export function kustomizeBuild(dir: string): Build {
  const file = join(dir, 'kustomization.yaml');
  if (!existsSync(file)) throw new Error(`${dir} has no kustomization.yaml`);
  const kustomization = parse(readFileSync(file, 'utf8')) as Kustomization;
  const unknown = Object.keys(kustomization).filter((field) => !KNOWN_FIELDS.has(field));
  if (unknown.length) throw new Error(`${file}: fields this check does not build: ${unknown.join(', ')}`);
  if (kustomization.apiVersion !== 'kustomize.config.k8s.io/v1beta1' || kustomization.kind !== 'Kustomization') throw new Error(`${file}: not a kustomize.config.k8s.io/v1beta1 Kustomization`);
  const filesRead = [file];
  const manifests: Manifest[] = [];
  const generated: Generated[] = [];

  for (const resource of kustomization.resources ?? []) {
    const path = join(dir, resource);
    if (!existsSync(path)) throw new Error(`${file}: resource ${resource} does not exist`);
    if (statSync(path).isDirectory()) {
      const inner = kustomizeBuild(path);
      manifests.push(...inner.manifests);
      generated.push(...inner.generated);
      filesRead.push(...inner.filesRead);
    } else {
      filesRead.push(path);
      manifests.push(...readYamlDocuments(path));
    }
  }

  const generators: Array<[string, Generator]> = [
    ...(kustomization.configMapGenerator ?? []).map((generator) => ['ConfigMap', generator] as [string, Generator]),
    ...(kustomization.secretGenerator ?? []).map((generator) => ['Secret', generator] as [string, Generator]),
  ];
  for (const [kind, generator] of generators) {
    const examplesUsed: string[] = [];
    const data = generatorData(dir, generator, filesRead, examplesUsed);
    const existing = generated.find((candidate) => sameObject(candidate.manifest, kind, generator.name));
    if (generator.behavior === 'merge' || generator.behavior === 'replace') {
      if (!existing) throw new Error(`${file}: ${kind} ${generator.name} has behavior ${generator.behavior} but no base generates it`);
      const field = kind === 'Secret' ? 'stringData' : 'data';
      existing.manifest[field] = generator.behavior === 'merge' ? { ...(existing.manifest[field] as object), ...data } : data;
      existing.examplesUsed.push(...examplesUsed);
    } else {
      if (existing) throw new Error(`${file}: ${kind} ${generator.name} generated twice`);
      const manifest: Manifest =
        kind === 'Secret'
          ? { apiVersion: 'v1', kind, metadata: { name: generator.name }, type: generator.type ?? 'Opaque', stringData: data }
          : { apiVersion: 'v1', kind, metadata: { name: generator.name }, data };
      generated.push({ manifest, hashed: !generator.options?.disableNameSuffixHash, examplesUsed });
    }
  }

  const all = () => [...manifests, ...generated.map((entry) => entry.manifest)];
  applyPatches(dir, kustomization, manifests, filesRead);
  if (kustomization.images) replaceImages(manifests, kustomization.images);
  for (const { pairs } of kustomization.labels ?? []) {
    for (const manifest of all()) manifest.metadata.labels = { ...manifest.metadata.labels, ...pairs };
  }
  if (kustomization.namespace) {
    for (const manifest of all()) if (!CLUSTER_SCOPED.has(manifest.kind)) manifest.metadata.namespace = kustomization.namespace;
  }
  return { manifests, generated, filesRead: [...new Set(filesRead)] };
}
