import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { envWithTestNode, writeOllamaStandIn } from '../../../../test/peers/ollama/stand-in';
import { OllamaClient } from './ollama.client';
import { connectOrLaunchOllama } from './ollama.launcher';
import { backoffDelay } from './ollama.process';
import { OllamaSupervisor, type SupervisorStatus, type SupervisorTimings } from './ollama.supervisor';
import { deadUrl } from '../../../../test/peers/ollama/dead-url';

// Fast enough for tests, same logic as production.
const FAST: Partial<SupervisorTimings> = {
  startupTimeoutMs: 15_000,
  healthIntervalMs: 150,
  healthTimeoutMs: 300,
  unhealthyAfter: 2,
  backoffInitialMs: 50,
  backoffMaxMs: 400,
  maxRestarts: 3,
  stopTimeoutMs: 600,
};

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function supervise(behaviour: 'serve' | 'fail' = 'serve', extraEnv: NodeJS.ProcessEnv = {}, timings = FAST) {
  const binaryPath = writeOllamaStandIn(behaviour);
  const dataDir = mkdtempSync(join(tmpdir(), 'cadence-supervisor-'));
  const supervisor = new OllamaSupervisor({ binaryPath, dataDir, env: envWithTestNode(extraEnv), timings });
  const statuses: SupervisorStatus[] = [];
  supervisor.onStatus((status) => statuses.push(status));
  cleanup.push(() => rmSync(dirname(binaryPath), { recursive: true, force: true }));
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanup.push(() => supervisor.stop());
  return { supervisor, statuses, logFile: join(dataDir, 'logs', 'ollama.log') };
}

describe('OllamaSupervisor with a stand-in `ollama serve`', () => {
  it('starts the server on a loopback port, logs its output, and stops it with SIGTERM', async () => {
    const { supervisor, statuses, logFile } = supervise();
    const ready = await supervisor.start();
    expect(ready).toMatchObject({ state: 'running', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    expect(await new OllamaClient({ url: ready.url ?? '' }).version()).toBe('0.12.6');
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'running']);
    const pid = ready.pid ?? 0;

    await supervisor.stop();
    expect(alive(pid)).toBe(false);
    expect(supervisor.status().state).toBe('stopped');
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain(`Listening on 127.0.0.1:${new URL(ready.url ?? '').port}`);
    expect(log).toContain('shutting down');
  });

  it('restarts a crashed server with a new process on the same URL', async () => {
    const { supervisor, statuses } = supervise();
    const first = await supervisor.start();
    process.kill(first.pid ?? 0, 'SIGKILL');
    await expect.poll(() => statuses.some((s) => s.state === 'backoff'), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => supervisor.status().state, { timeout: 15_000 }).toBe('running');
    const second = supervisor.status();
    expect(second.pid).not.toBe(first.pid);
    expect(second).toMatchObject({ url: first.url, restarts: 1 });
    expect(statuses.find((s) => s.state === 'backoff')?.detail).toContain('was killed (SIGKILL)');
    expect(await new OllamaClient({ url: second.url ?? '' }).version()).toBe('0.12.6');
  });

  it('kills and restarts a server that stops answering health checks', async () => {
    const { supervisor, statuses } = supervise();
    const first = await supervisor.start();
    process.kill(first.pid ?? 0, 'SIGSTOP'); // hung: the process lives but never answers
    await expect.poll(() => statuses.some((s) => s.state === 'backoff'), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => supervisor.status().state, { timeout: 15_000 }).toBe('running');
    expect(alive(first.pid ?? 0)).toBe(false);
  });

  it('escalates to SIGKILL when the server ignores SIGTERM', async () => {
    const { supervisor } = supervise('serve', { OLLAMA_PEER_IGNORE_SIGTERM: '1' });
    const { pid } = await supervisor.start();
    const started = performance.now();
    await supervisor.stop();
    expect(performance.now() - started).toBeGreaterThanOrEqual((FAST.stopTimeoutMs ?? 0) - 20);
    expect(alive(pid ?? 0)).toBe(false);
  });

  it('backs off exponentially and gives up after the restart budget, quoting the error', async () => {
    const { supervisor, statuses } = supervise('fail');
    await expect(supervisor.start()).rejects.toThrow(/address already in use.*Gave up after 3 restarts/);
    expect(statuses.flatMap((s) => (s.state === 'backoff' ? [s.retryInMs] : []))).toEqual([50, 100, 200]);
    expect(supervisor.status().state).toBe('failed');
  });
});

describe('connectOrLaunchOllama', () => {
  it('launches the installed binary when nothing is running, and reports a missing install', async () => {
    const binaryPath = writeOllamaStandIn('serve');
    const dataDir = mkdtempSync(join(tmpdir(), 'cadence-launch-'));
    cleanup.push(() => rmSync(dirname(binaryPath), { recursive: true, force: true }));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const env = envWithTestNode({ PATH: `${dirname(binaryPath)}:${envWithTestNode().PATH}` });
    const connection = await connectOrLaunchOllama({ dataDir, env, probeUrls: [await deadUrl()], timings: FAST });
    expect(connection).toMatchObject({ kind: 'managed', binaryPath });
    if (connection.kind !== 'managed') throw new Error('expected a managed Ollama');
    cleanup.push(() => connection.supervisor.stop());

    const external = await connectOrLaunchOllama({ dataDir, env, probeUrls: [connection.url] });
    expect(external).toMatchObject({ kind: 'external', url: connection.url, source: 'probe' });

    const missing = await connectOrLaunchOllama({
      dataDir,
      env: { PATH: dirname(dataDir) },
      probeUrls: [await deadUrl()],
      binary: { check: async () => false },
    });
    expect(missing.kind).toBe('not_installed');
    expect(existsSync(join(dataDir, 'logs', 'ollama.log'))).toBe(true);
  });
});

describe('backoffDelay', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [5, 16000],
    [6, 30000],
    [20, 30000],
  ])('attempt %i → %i ms', (attempt, expected) => {
    expect(backoffDelay(attempt, 1000, 30_000)).toBe(expected);
  });
});
