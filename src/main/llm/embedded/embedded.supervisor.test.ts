import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testModelPath } from '../models/test-models';
import { LlmError } from '../provider';
import { EmbeddedEngine, type EngineGenerateParams } from './embedded.engine';
import { EmbeddedSupervisor, type EmbeddedSupervisorOptions } from './embedded.supervisor';
import { type EngineProcess, forkEngineProcess } from './engine-process';
import { type BuiltWorker, buildTestWorker } from './test-worker-build';

/**
 * Protocol doubles for failures a real model cannot be made to show on demand: an engine that
 * dies on start, one that never answers, one that ignores cancels.
 */
const FAKE_ENGINES = {
  'throws.mjs': "throw new Error('boom at startup');",
  'silent.mjs': "process.on('message', () => {});",
  'stubborn.mjs': `process.on('message', (m) => {
  if (m.type === 'ping') process.send({ type: 'pong', requestId: m.requestId, loadedModel: null, pending: 1 });
  if (m.type === 'generate') setInterval(() => process.send({ type: 'token', requestId: m.requestId, text: 'la', tokens: 1 }), 5);
});`,
};

let dir: string;
let built: BuiltWorker;
const supervisors: EmbeddedSupervisor[] = [];
const STORY = testModelPath('stories260k/stories260K.gguf');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cadence-supervisor-'));
  for (const [name, code] of Object.entries(FAKE_ENGINES)) await writeFile(join(dir, name), code);
  built = await buildTestWorker();
}, 60_000);

afterEach(async () => {
  await Promise.all(supervisors.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  await built?.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** A supervisor that records every engine process it starts. */
function supervise(options: Partial<EmbeddedSupervisorOptions> & { workerPath: string }) {
  const workers: EngineProcess[] = [];
  const supervisor = new EmbeddedSupervisor({
    healthIntervalMs: 0,
    backoff: { initialMs: 20, maxMs: 100 },
    closeTimeoutMs: 200,
    spawnEngine: (path, events) => {
      const engine = forkEngineProcess(path, events);
      workers.push(engine);
      return engine;
    },
    ...options,
  });
  supervisors.push(supervisor);
  return { supervisor, workers, engine: new EmbeddedEngine(supervisor, 150) };
}

const story = (maxTokens: number): EngineGenerateParams => ({
  model: { modelPath: STORY, contextSize: 2048 },
  input: { kind: 'text', prompt: 'Once upon a time' },
  maxTokens,
  temperature: 0.8,
});

describe('EmbeddedSupervisor', () => {
  it(
    'fails the in-flight request when the engine process dies, restarts it, and serves the next one',
    {
      timeout: 120_000,
    },
    async () => {
      const { supervisor, workers, engine } = supervise({ workerPath: built.path });
      let killed = false;
      const crashed = engine
        .generate(story(2000), {
          onToken: () => {
            // SIGKILL: the way an out-of-memory kill or a native crash ends it, with no goodbye.
            if (!killed) workers[0]!.kill('SIGKILL');
            killed = true;
          },
        })
        .catch((error: unknown) => error);

      const error = await crashed;
      expect(error).toBeInstanceOf(LlmError);
      expect(error).toMatchObject({
        kind: 'transient',
        message: expect.stringMatching(/^The embedded engine stopped/),
      });
      expect(supervisor.state).toBe('restarting');

      // Sent while restarting: waits for the new worker instead of failing.
      const next = await engine.generate(story(8));
      expect(next.tokensOut).toBeGreaterThan(0);
      expect(workers).toHaveLength(2);
      // The new worker loaded the model again by itself.
      expect((await supervisor.ping()).loadedModel).toBe(STORY);
      expect(await supervisor.health()).toMatchObject({ ok: true });
    },
  );

  it('gives up after too many crashes in a row and reports unhealthy', { timeout: 30_000 }, async () => {
    const { supervisor, workers } = supervise({ workerPath: join(dir, 'throws.mjs'), maxRestarts: 2 });
    const error = await supervisor.ping().catch((e: unknown) => e);
    // The first request rides out the restarts, then fails with the reason.
    expect(error).toMatchObject({ kind: 'transient', message: expect.stringContaining('boom at startup') });
    await expect.poll(() => supervisor.state, { timeout: 20_000 }).toBe('failed');
    expect(workers).toHaveLength(3);
    await expect(supervisor.ping()).rejects.toMatchObject({
      kind: 'provider_down',
      message: expect.stringContaining('crashed 3 times in a row'),
    });
    expect(await supervisor.health()).toMatchObject({ ok: false, detail: expect.stringContaining('boom at startup') });
  });

  it('replaces an engine that stops answering pings, failing what it held', async () => {
    const { supervisor, workers, engine } = supervise({
      workerPath: join(dir, 'silent.mjs'),
      healthIntervalMs: 100,
      pingTimeoutMs: 100,
      maxRestarts: 100,
    });
    supervisor.start();
    expect(await supervisor.health()).toMatchObject({ ok: false, detail: expect.stringContaining('ping') });
    const stuck = engine.countTokens({ modelPath: STORY, contextSize: 256 }, 'hello');
    await expect(stuck).rejects.toMatchObject({ kind: 'transient' });
    await expect.poll(() => workers.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  });

  it('resolves a cancel even when the engine ignores it, and replaces that engine', async () => {
    const { workers, engine } = supervise({ workerPath: join(dir, 'stubborn.mjs') });
    const controller = new AbortController();
    let tokens = 0;
    const result = await engine.generate(story(10_000), {
      signal: controller.signal,
      onToken: () => {
        tokens += 1;
        if (tokens === 2) controller.abort();
      },
    });
    expect(result.finishReason).toBe('cancelled');
    await expect.poll(() => workers.length, { timeout: 10_000 }).toBe(2);
  });

  it('closes cleanly: pending requests fail, later ones are refused', async () => {
    const { supervisor, engine } = supervise({ workerPath: join(dir, 'silent.mjs') });
    expect(await supervisor.health()).toMatchObject({ ok: true, detail: expect.stringContaining('first use') });
    const pending = engine.countTokens({ modelPath: STORY, contextSize: 256 }, 'hello').catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await supervisor.close();
    expect(await pending).toMatchObject({ kind: 'provider_down', message: expect.stringContaining('shut down') });
    expect(supervisor.state).toBe('closed');
    await expect(supervisor.ping()).rejects.toMatchObject({ kind: 'provider_down' });
    expect(await supervisor.health()).toMatchObject({ ok: false });
  });
});
