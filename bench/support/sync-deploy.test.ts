import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { readServerConfig } from '../../src/server/config';

/**
 * The deployment files (deploy/) agree with the service they deploy: every setting is one the
 * server reads and accepts, probes and ports are the server's, selectors and names line up with
 * each other and with CloudNativePG's conventions. (It lives beside the sync benches because the
 * unit project collects tests from src/, test/ and bench/ only.)
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Manifest {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}

function manifests(path: string): Manifest[] {
  return parseAllDocuments(readFileSync(`${ROOT}${path}`, 'utf8')).map((doc) => doc.toJSON() as Manifest);
}

function one(path: string, kind: string): Manifest {
  const found = manifests(path).find((m) => m.kind === kind);
  if (!found) throw new Error(`${path} has no ${kind}`);
  return found;
}

interface Container {
  ports: Array<{ name: string; containerPort: number }>;
  env: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }>;
  envFrom: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  readinessProbe: { httpGet: { path: string; port: string } };
  livenessProbe: { httpGet: { path: string; port: string } };
  startupProbe: { httpGet: { path: string; port: string } };
  lifecycle: { preStop: { exec: { command: string[] } } };
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  securityContext: { allowPrivilegeEscalation: boolean; readOnlyRootFilesystem: boolean };
}

const deployment = one('deploy/k8s/deployment.yaml', 'Deployment');
const template = deployment.spec!.template as {
  metadata: { labels: Record<string, string> };
  spec: {
    containers: Container[];
    terminationGracePeriodSeconds: number;
    securityContext: { runAsNonRoot: boolean; runAsUser: number };
    volumes: Array<{ name: string; secret?: { secretName: string; items: Array<{ key: string }> } }>;
  };
};
const container = template.spec.containers[0]!;
const config = one('deploy/k8s/configmap.yaml', 'ConfigMap');

/** The Deployment's env with `$(VAR)` references expanded, as the kubelet does. */
function expandedEnv(samples: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = { ...config.data, ...samples };
  for (const entry of container.env) {
    if (entry.value !== undefined)
      env[entry.name] = entry.value.replace(/\$\((\w+)\)/g, (_, name: string) => env[name] ?? '');
  }
  return env;
}

describe('deployment manifests', () => {
  it('sets only settings the server knows, with values it accepts', () => {
    const env = expandedEnv({ DB_USER: 'cadence', DB_PASSWORD: 'generated', JWT_SECRET: 'x'.repeat(64) });
    const parsed = readServerConfig(env);
    // NODE_OPTIONS is Node's; DATABASE_LISTEN_URL is requested from the server (deploy/README.md).
    const foreign = new Set(['NODE_OPTIONS', 'DB_USER', 'DB_PASSWORD', 'DATABASE_LISTEN_URL']);
    const unknown = Object.keys(env).filter((key) => !(key in parsed) && !foreign.has(key));
    expect(unknown).toEqual([]);
    expect(parsed.HOST).toBe('0.0.0.0');
    expect(new URL(parsed.DATABASE_URL).hostname).toBe(one('deploy/cnpg/pooler.yaml', 'Pooler').metadata.name);
    expect(new URL(env.DATABASE_LISTEN_URL!).hostname).toBe(
      `${one('deploy/cnpg/cluster.yaml', 'Cluster').metadata.name}-rw`,
    );
  });

  it('probes the server’s health routes on its port, drains before the grace period ends', () => {
    const port = container.ports.find((p) => p.name === 'http')!;
    expect(port.containerPort).toBe(Number(config.data!.PORT));
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(container.startupProbe.httpGet.path).toBe('/healthz');
    const preStop = Number(container.lifecycle.preStop.exec.command.at(-1));
    // src/server/main.ts force-exits 25 s after SIGTERM.
    expect(template.spec.terminationGracePeriodSeconds).toBeGreaterThan(preStop + 25);
  });

  it('runs unprivileged with memory bounded and the heap below the limit', () => {
    expect(template.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001 });
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
    const limitMi = Number(container.resources.limits.memory!.replace('Mi', ''));
    const heapMb = Number(/--max-old-space-size=(\d+)/.exec(config.data!.NODE_OPTIONS!)![1]);
    expect(heapMb).toBeLessThan(limitMi * 0.8);
    expect(container.resources.requests.cpu).toBeDefined();
    // Only the CA certificate of the database is mounted, never its key.
    const ca = template.spec.volumes.find((v) => v.secret?.secretName.endsWith('-ca'))!;
    expect(ca.secret!.items.map((i) => i.key)).toEqual(['ca.crt']);
  });

  it('points every selector and reference at the right objects', () => {
    const labels = template.metadata.labels;
    const service = one('deploy/k8s/service.yaml', 'Service');
    expect(service.spec!.selector).toEqual(labels);
    const pdb = one('deploy/k8s/pdb.yaml', 'PodDisruptionBudget');
    expect((pdb.spec!.selector as { matchLabels: Record<string, string> }).matchLabels).toEqual(labels);
    const hpa = one('deploy/k8s/hpa.yaml', 'HorizontalPodAutoscaler');
    expect((hpa.spec!.scaleTargetRef as { name: string }).name).toBe(deployment.metadata.name);
    expect(hpa.spec!.minReplicas as number).toBeGreaterThanOrEqual(2);

    expect(container.envFrom.map((e) => e.configMapRef?.name ?? e.secretRef?.name)).toEqual([
      config.metadata.name,
      one('deploy/k8s/secret.example.yaml', 'Secret').metadata.name,
    ]);
    // CloudNativePG names the application Secret <cluster>-app and the CA Secret <cluster>-ca.
    const cluster = one('deploy/cnpg/cluster.yaml', 'Cluster');
    const secretRefs = container.env.flatMap((e) => (e.valueFrom?.secretKeyRef ? [e.valueFrom.secretKeyRef.name] : []));
    expect(new Set(secretRefs)).toEqual(new Set([`${cluster.metadata.name}-app`]));
    expect(template.spec.volumes.some((v) => v.secret?.secretName === `${cluster.metadata.name}-ca`)).toBe(true);
    expect(cluster.spec!.instances).toBe(3);
    const pooler = one('deploy/cnpg/pooler.yaml', 'Pooler');
    expect((pooler.spec!.cluster as { name: string }).name).toBe(cluster.metadata.name);
  });

  it('keeps the pooled and listening backends under max_connections at the HPA’s maximum', () => {
    const hpa = one('deploy/k8s/hpa.yaml', 'HorizontalPodAutoscaler');
    const pooler = one('deploy/cnpg/pooler.yaml', 'Pooler').spec as {
      instances: number;
      pgbouncer: { parameters: Record<string, string> };
    };
    const cluster = one('deploy/cnpg/cluster.yaml', 'Cluster').spec as {
      postgresql: { parameters: Record<string, string> };
    };
    const pods = hpa.spec!.maxReplicas as number;
    const pooled = pooler.instances * Number(pooler.pgbouncer.parameters.default_pool_size);
    const reserve = pooler.instances * Number(pooler.pgbouncer.parameters.reserve_pool_size ?? 0);
    // One LISTEN connection per pod, plus the operator, replication and monitoring.
    expect(pooled + reserve + pods + 10).toBeLessThanOrEqual(Number(cluster.postgresql.parameters.max_connections));
    expect(pods * Number(config.data!.DB_POOL_MAX)).toBeLessThanOrEqual(
      Number(pooler.pgbouncer.parameters.max_client_conn),
    );
  });
});
