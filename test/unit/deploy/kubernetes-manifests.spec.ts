// deploy/ checked without a cluster or a kustomize binary: each overlay is built by kustomize-build.ts,
// every built-in object validated against the Kubernetes schemas of the `kubernetes-models` package,
// the operators' custom resources (RabbitmqCluster, CloudNativePG Cluster; no model package exists for
// them) against the fields their CRDs define, and the whole compared with what the code reads.
import { isQueueType } from '@app/bus/queue-arguments';
import { readSettings } from '@app/service-kit/settings/settings';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Build, Manifest, kustomizeBuild, readEnvFile } from './kustomize-build';
import { variablesReadByCode } from './variables-read-by-code';

const ROOT = resolve(__dirname, '../../..');
const DEPLOY = join(ROOT, 'deploy');
const OVERLAYS = readdirSync(join(DEPLOY, 'overlays'));
const SERVICES = ['identity', 'tickets', 'portal', 'gateway'] as const;
const PORT_VARIABLE = { identity: 'IDENTITY_PORT', tickets: 'TICKETS_PORT', portal: 'PORTAL_PORT', gateway: 'PORT' } as const;

type Model = new (data: unknown) => { validate(): void };
/** The kubernetes-models class of a built-in kind, e.g. apps/v1 Deployment → kubernetes-models/apps/v1/Deployment. */
function modelOf(apiVersion: string, kind: string): Model {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(`kubernetes-models/${apiVersion}/${kind}`)[kind] as Model;
}

const BUILT_IN_GROUPS = ['v1', 'apps/v1', 'autoscaling/v2', 'policy/v1', 'networking.k8s.io/v1'];

// Fields of the operators' CRDs that deploy/ may use (rabbitmq.com/v1beta1 RabbitmqCluster,
// postgresql.cnpg.io/v1 Cluster); a misspelt field would be dropped by the API server silently.
const RABBITMQ_SPEC = ['replicas', 'image', 'imagePullSecrets', 'service', 'persistence', 'resources', 'affinity', 'tolerations', 'rabbitmq', 'tls', 'override', 'skipPostDeploySteps', 'terminationGracePeriodSeconds', 'delayStartSeconds', 'secretBackend'];
const RABBITMQ_CONFIG = ['additionalConfig', 'additionalPlugins', 'advancedConfig', 'envConfig', 'erlangInetConfig'];
const CNPG_SPEC = ['instances', 'imageName', 'imagePullPolicy', 'primaryUpdateStrategy', 'primaryUpdateMethod', 'storage', 'walStorage', 'resources', 'postgresql', 'bootstrap', 'managed', 'affinity', 'superuserSecret', 'enableSuperuserAccess', 'backup', 'monitoring', 'description', 'startDelay', 'stopDelay', 'minSyncReplicas', 'maxSyncReplicas', 'topologySpreadConstraints', 'priorityClassName', 'inheritedMetadata', 'logLevel', 'env', 'envFrom'];
const CNPG_ROLE = ['name', 'ensure', 'comment', 'login', 'superuser', 'createdb', 'createrole', 'inherit', 'replication', 'bypassrls', 'connectionLimit', 'validUntil', 'inRoles', 'passwordSecret', 'disablePassword'];
const QUANTITY = /^\d+(\.\d+)?(m|Mi|Gi|Ti|M|G)?$/;

const builds = new Map<string, Build>(OVERLAYS.map((overlay) => [overlay, kustomizeBuild(join(DEPLOY, 'overlays', overlay))]));

const ofKind = (build: Build, kind: string): Manifest[] => [...build.manifests, ...build.generated.map((entry) => entry.manifest)].filter((manifest) => manifest.kind === kind);
const one = (build: Build, kind: string, name?: string): Manifest => {
  const found = ofKind(build, kind).filter((manifest) => name === undefined || manifest.metadata.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind}${name ? ` ${name}` : ''}, found ${found.length}`);
  return found[0];
};

interface Probe {
  httpGet?: { path?: string; port?: string | number };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: Array<{ name?: string; containerPort: number }>;
  env?: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean }; configMapKeyRef?: { name: string; key: string } } }>;
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean; capabilities?: { drop?: string[] }; runAsNonRoot?: boolean };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
}
interface PodSpec {
  containers: Container[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; seccompProfile?: { type?: string } };
  volumes?: Array<{ name: string; persistentVolumeClaim?: { claimName: string } }>;
}
const podOf = (deployment: Manifest) => (deployment.spec as { template: { metadata: { labels: Record<string, string> }; spec: PodSpec } }).template;
const containerOf = (build: Build, service: string): Container => podOf(one(build, 'Deployment', `crm-${service}`)).spec.containers[0];

/** The environment a container starts with: ConfigMaps it loads, then its own env (secrets as placeholders). */
function environmentOf(build: Build, container: Container): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(environment, one(build, 'ConfigMap', source.configMapRef.name).data as Record<string, string>);
  }
  for (const variable of container.env ?? []) {
    const value = variable.value ?? `secret-${variable.name.toLowerCase()}`;
    environment[variable.name] = value.replace(/\$\(([A-Z_][A-Z0-9_]*)\)/g, (_all, name: string) => environment[name] ?? `$(${name})`);
  }
  return environment;
}

const isGitIgnored = (path: string): boolean => {
  try {
    execFileSync('git', ['check-ignore', '-q', relative(ROOT, path)], { cwd: ROOT });
    return true;
  } catch {
    return false;
  }
};

describe('deploy/base', () => {
  it('builds: every resource, generator file and patch it lists exists and parses', () => {
    const build = kustomizeBuild(join(DEPLOY, 'base'));
    expect(ofKind(build, 'Deployment').map((deployment) => deployment.metadata.name).sort()).toEqual(SERVICES.map((service) => `crm-${service}`).sort());
    for (const file of build.filesRead) expect(existsSync(file)).toBe(true);
  });
});

describe.each(OVERLAYS)('deploy/overlays/%s', (overlay) => {
  const build = builds.get(overlay) as Build;
  const all = [...build.manifests, ...build.generated.map((entry) => entry.manifest)];

  it('builds, and names each object once', () => {
    const keys = all.map((manifest) => `${manifest.kind}/${manifest.metadata.name}`);
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('every built-in object is valid against the Kubernetes schema (kubernetes-models)', () => {
    const builtIn = all.filter((manifest) => BUILT_IN_GROUPS.includes(manifest.apiVersion));
    expect(builtIn.length).toBeGreaterThan(10);
    for (const manifest of builtIn) {
      let error: string | null = null;
      try {
        new (modelOf(manifest.apiVersion, manifest.kind))(manifest).validate();
      } catch (thrown) {
        error = (thrown as Error).message;
      }
      expect({ object: `${manifest.kind}/${manifest.metadata.name}`, error }).toEqual({ object: `${manifest.kind}/${manifest.metadata.name}`, error: null });
    }
    // Nothing of a group neither checked here nor by the custom-resource checks below.
    const unchecked = all.filter((manifest) => !BUILT_IN_GROUPS.includes(manifest.apiVersion) && !['rabbitmq.com/v1beta1', 'postgresql.cnpg.io/v1'].includes(manifest.apiVersion));
    expect(unchecked.map((manifest) => `${manifest.apiVersion} ${manifest.kind}`)).toEqual([]);
  });

  it('RabbitMQ is a RabbitmqCluster of the cluster operator, with fields its CRD has', () => {
    const cluster = one(build, 'RabbitmqCluster');
    expect(cluster.apiVersion).toBe('rabbitmq.com/v1beta1');
    const spec = cluster.spec as Record<string, unknown> & { replicas: number; persistence?: { storage?: string }; rabbitmq?: Record<string, unknown>; resources?: Record<string, Record<string, string>> };
    expect(Object.keys(spec).filter((field) => !RABBITMQ_SPEC.includes(field))).toEqual([]);
    expect(Object.keys(spec.rabbitmq ?? {}).filter((field) => !RABBITMQ_CONFIG.includes(field))).toEqual([]);
    // An odd number of nodes: quorum queues need a majority.
    expect(spec.replicas % 2).toBe(1);
    expect(spec.persistence?.storage).toMatch(QUANTITY);
    for (const amount of Object.values(spec.resources ?? {}).flatMap((group) => Object.values(group))) expect(String(amount)).toMatch(QUANTITY);
  });

  it('PostgreSQL is a CloudNativePG Cluster whose managed role the services log in as, with fields its CRD has', () => {
    const cluster = one(build, 'Cluster');
    expect(cluster.apiVersion).toBe('postgresql.cnpg.io/v1');
    const spec = cluster.spec as Record<string, unknown> & { instances: number; storage: { size: string }; managed: { roles: Array<Record<string, unknown> & { name: string; passwordSecret?: { name: string } }> } };
    expect(Object.keys(spec).filter((field) => !CNPG_SPEC.includes(field))).toEqual([]);
    expect(spec.instances).toBeGreaterThanOrEqual(1);
    expect(spec.storage.size).toMatch(QUANTITY);
    const [role] = spec.managed.roles;
    expect(spec.managed.roles).toHaveLength(1);
    expect(Object.keys(role).filter((field) => !CNPG_ROLE.includes(field))).toEqual([]);
    // Each service creates its own database on first start.
    expect(role).toMatchObject({ login: true, createdb: true, ensure: 'present' });
    // CNPG reads the password Secret by its exact name: generated without kustomize's hash suffix, basic-auth.
    const secret = build.generated.find((entry) => entry.manifest.kind === 'Secret' && entry.manifest.metadata.name === role.passwordSecret?.name);
    expect(secret?.hashed).toBe(false);
    expect(secret?.manifest.type).toBe('kubernetes.io/basic-auth');
    expect((secret?.manifest.stringData as Record<string, string>).username).toBe(role.name);
    // The services use the same Secret for DATABASE_URL.
    for (const service of SERVICES.filter((name) => name !== 'gateway')) {
      const references = (containerOf(build, service).env ?? []).map((variable) => variable.valueFrom?.secretKeyRef?.name).filter(Boolean);
      expect(references).toContain(role.passwordSecret?.name);
    }
  });

  it.each(SERVICES)('%s: one container of the suite image starting its own entry, non-root, with requests and limits', (service) => {
    const pod = podOf(one(build, 'Deployment', `crm-${service}`));
    expect(pod.spec.containers).toHaveLength(1);
    const container = pod.spec.containers[0];
    expect(container.image).toMatch(/(^|\/)crm-suite:[\w.-]+$/);
    expect(container.command).toEqual(['node', `dist/apps/${service}/src/main.js`]);
    expect(existsSync(join(ROOT, 'apps', service, 'src/main.ts'))).toBe(true);
    expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.spec.securityContext?.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    for (const group of ['requests', 'limits'] as const) {
      expect({ group, cpu: container.resources?.[group]?.cpu, memory: container.resources?.[group]?.memory }).toEqual({
        group,
        cpu: expect.stringMatching(QUANTITY),
        memory: expect.stringMatching(QUANTITY),
      });
    }
  });

  it.each(SERVICES)('%s: liveness on /health/live and readiness on /health/ready, on the port it is told to listen on', (service) => {
    const container = containerOf(build, service);
    const port = container.ports?.find((candidate) => candidate.name === 'http');
    expect(String(port?.containerPort)).toBe(environmentOf(build, container)[PORT_VARIABLE[service]]);
    expect(container.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(container.readinessProbe?.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    if (container.startupProbe) expect(container.startupProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
  });

  it.each(SERVICES)('%s: a Service, a HorizontalPodAutoscaler and a PodDisruptionBudget that reach its pods', (service) => {
    const name = `crm-${service}`;
    const labels = podOf(one(build, 'Deployment', name)).metadata.labels;
    const matches = (selector: Record<string, string> | undefined) => Object.keys(selector ?? {}).length > 0 && Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value);
    const svc = one(build, 'Service', name).spec as { selector: Record<string, string>; ports: Array<{ targetPort: string }> };
    expect(matches(svc.selector)).toBe(true);
    expect(svc.ports.map((port) => port.targetPort)).toEqual(['http']);
    const hpa = one(build, 'HorizontalPodAutoscaler', name).spec as { scaleTargetRef: { apiVersion: string; kind: string; name: string }; minReplicas: number; maxReplicas: number };
    expect(hpa.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
    expect(hpa.minReplicas).toBeGreaterThanOrEqual(1);
    expect(hpa.maxReplicas).toBeGreaterThanOrEqual(hpa.minReplicas);
    const pdb = one(build, 'PodDisruptionBudget', name).spec as { selector: { matchLabels: Record<string, string> }; minAvailable?: number };
    expect(matches(pdb.selector.matchLabels)).toBe(true);
  });

  it('every ConfigMap and Secret a container reads is generated here or made by an operator, with the keys it reads', () => {
    const rabbitmq = one(build, 'RabbitmqCluster').metadata.name;
    // The RabbitMQ cluster operator's Secret for the cluster's default user.
    const operatorSecrets: Record<string, string[]> = { [`${rabbitmq}-default-user`]: ['username', 'password', 'host', 'port'] };
    for (const service of SERVICES) {
      const container = containerOf(build, service);
      for (const source of container.envFrom ?? []) {
        if (source.configMapRef) expect(() => one(build, 'ConfigMap', source.configMapRef?.name)).not.toThrow();
        expect(source.secretRef).toBeUndefined();
      }
      for (const variable of container.env ?? []) {
        const reference = variable.valueFrom?.secretKeyRef;
        if (!reference) continue;
        const keys = operatorSecrets[reference.name] ?? Object.keys((one(build, 'Secret', reference.name).stringData as Record<string, string>) ?? {});
        if (!reference.optional) expect({ service, variable: variable.name, key: keys.includes(reference.key) }).toEqual({ service, variable: variable.name, key: true });
      }
    }
  });

  it('the services reach the broker and the database by the Services the operators make', () => {
    const rabbitmq = one(build, 'RabbitmqCluster').metadata.name;
    const postgres = one(build, 'Cluster').metadata.name;
    for (const service of SERVICES) {
      const environment = environmentOf(build, containerOf(build, service));
      expect(new URL(environment.AMQP_URL)).toMatchObject({ protocol: 'amqp:', hostname: rabbitmq, port: '5672' });
      if (service === 'gateway') expect(environment.DATABASE_URL).toBeUndefined();
      else expect(new URL(environment.DATABASE_URL)).toMatchObject({ protocol: 'postgres:', hostname: `${postgres}-rw`, port: '5432' });
    }
  });

  it('every variable a container is given is one the code reads (or one another variable is made of), and the settings accept them', () => {
    const readByCode = variablesReadByCode();
    expect(readByCode).toContain('AMQP_QUEUE_TYPE');
    for (const service of SERVICES) {
      const container = containerOf(build, service);
      const environment = environmentOf(build, container);
      const madeOf = new Set((container.env ?? []).flatMap((variable) => [...(variable.value ?? '').matchAll(/\$\(([A-Z_][A-Z0-9_]*)\)/g)].map((match) => match[1])));
      const unknown = Object.keys(environment).filter((name) => !readByCode.has(name) && !madeOf.has(name));
      expect({ service, unknown }).toEqual({ service, unknown: [] });
      const settings = readSettings(environment);
      expect(settings.amqpQueueType).toBe('quorum');
      expect(isQueueType(environment.AMQP_QUEUE_TYPE)).toBe(true);
    }
  });

  it('secrets come from git-ignored env files whose committed examples hold every key, or are marked development-only', () => {
    for (const entry of build.generated.filter((generated) => generated.manifest.kind === 'Secret')) {
      for (const file of entry.examplesUsed) {
        expect({ file: relative(ROOT, file), ignored: isGitIgnored(file) }).toEqual({ file: relative(ROOT, file), ignored: true });
        expect(isGitIgnored(`${file}.example`)).toBe(false);
        expect(Object.keys(readEnvFile(`${file}.example`)).length).toBeGreaterThan(0);
      }
    }
    const kustomization = readFileSync(join(DEPLOY, 'overlays', overlay, 'kustomization.yaml'), 'utf8');
    const secretLiterals = [...kustomization.matchAll(/^\s*- (JWT_SECRET|ADMIN_PASSWORD|password)=(.*)$/gm)].map((match) => match[2]);
    for (const literal of secretLiterals) expect(literal).toMatch(/^(dev-only-|Dev-only-)/);
  });
});

describe('deploy/overlays/production', () => {
  const build = builds.get('production') as Build;

  it('runs a three-node RabbitMQ cluster spread over nodes, and PostgreSQL with replicas', () => {
    const rabbitmq = one(build, 'RabbitmqCluster').spec as { replicas: number; affinity?: { podAntiAffinity?: unknown } };
    expect(rabbitmq.replicas).toBe(3);
    expect(rabbitmq.affinity?.podAntiAffinity).toBeDefined();
    expect((one(build, 'Cluster').spec as { instances: number }).instances).toBeGreaterThanOrEqual(3);
  });

  it('keeps two pods of every service so a node drain (PodDisruptionBudget) never stops one', () => {
    for (const service of SERVICES) {
      const minReplicas = (one(build, 'HorizontalPodAutoscaler', `crm-${service}`).spec as { minReplicas: number }).minReplicas;
      const minAvailable = (one(build, 'PodDisruptionBudget', `crm-${service}`).spec as { minAvailable: number }).minAvailable;
      expect({ service, roomToDrain: minReplicas > minAvailable }).toEqual({ service, roomToDrain: true });
    }
  });

  it('runs in its namespace, from a tagged image in a registry, behind an Ingress to the gateway Service', () => {
    const namespace = one(build, 'Namespace').metadata.name;
    for (const manifest of build.manifests.filter((candidate) => candidate.kind !== 'Namespace')) expect(manifest.metadata.namespace).toBe(namespace);
    for (const service of SERVICES) expect(containerOf(build, service).image).toMatch(/^[\w.-]+\/[\w./-]*crm-suite:(?!latest$)[\w.-]+$/);
    const rules = (one(build, 'Ingress').spec as { rules: Array<{ http: { paths: Array<{ backend: { service: { name: string; port: { name: string } } } }> } }> }).rules;
    const backends = rules.flatMap((rule) => rule.http.paths.map((path) => path.backend.service));
    expect(backends).toEqual([{ name: 'crm-gateway', port: { name: 'http' } }]);
  });

  it('identity pods share the finished exports on a ReadWriteMany volume', () => {
    const pod = podOf(one(build, 'Deployment', 'crm-identity')).spec;
    const claim = pod.volumes?.find((volume) => volume.persistentVolumeClaim)?.persistentVolumeClaim?.claimName;
    expect((one(build, 'PersistentVolumeClaim', claim).spec as { accessModes: string[] }).accessModes).toEqual(['ReadWriteMany']);
    expect(environmentOf(build, pod.containers[0]).EXPORT_DIR).toBe('/exports');
  });
});
