import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, it } from 'vitest';
import { record, recordMissing } from './bench-record';
import { createCore } from '../src/main/core';
import { buildTestWorker } from '../src/main/llm/embedded/test-worker-build';
import { testModelPath } from '../src/main/llm/models/test-models';
import { benchPorts } from './support/ports';

const POSTS = 30;
const MODEL = 'stories260K';
const dataDir = mkdtempSync(join(tmpdir(), 'cadence-bench-bulk-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const FIGURE = { bench: 'bulk.generate_30.overhead_ratio', unit: 'x', target: '<=1.05' } as const;

/**
 * 30 posts through the bulk runner (plan → start → done) with the embedded engine running the
 * real stories260K model, one at a time as on a local model. Wall time from bulk:start to the
 * job's end vs the sum of the engine's own generation times (each item's Generation.durationMs,
 * stored as bulk_items.generation_ms): the ratio is what the runner adds (claiming, prompt,
 * shaping, the post + origin + item transaction, events) on top of the generations.
 */
it('bulk.generate_30: wall time vs the engine’s own generation times', async () => {
  const worker = await buildTestWorker();
  const core = await createCore(benchPorts(dataDir), {
    llm: { ollama: 'off', embedded: { workerPath: worker.path } },
  });
  try {
    const invoke = async (channel: string, input: unknown) => {
      const result = await core.dispatcher.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value;
    };
    await invoke('profile:save-profile', {
      name: 'Bench',
      niche: 'sourdough baking',
      platforms: ['x'],
      timezone: 'UTC',
      goal: { metric: 'followers', target: 2000, deadline: '2027-06-01' },
      cadence: { postsPerWeek: 5, days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
    });
    await invoke('llm:set-embedded-model-file', { path: testModelPath('stories260k/stories260K.gguf') });
    await invoke('llm:save-settings', { chains: { drafting: [{ provider: 'embedded', model: MODEL }] } });
    // Load the model once, so the first item does not carry the engine's start-up.
    await invoke('llm:generate-text', { task: 'drafting', prompt: 'Once upon a time', maxTokens: 8 });

    const bulk = core.domains.bulk.service;
    const plan = await bulk.plan({
      platforms: ['x'],
      niche: 'sourdough baking',
      postsPerWeek: 5,
      from: '2026-07-06',
      weeks: POSTS / 5,
    });
    const started = performance.now();
    await bulk.start(plan.job.id);
    await bulk.settled(plan.job.id);
    const wallMs = performance.now() - started;

    const { job, items } = await bulk.getJob(plan.job.id);
    const done = items.filter((i) => i.status === 'done');
    if (job.status !== 'done' || done.length !== POSTS) {
      recordMissing(FIGURE, `the job ended ${job.status} with ${done.length}/${POSTS} posts`);
      return;
    }
    const engineMs = done.reduce((sum, i) => sum + (i.generationMs ?? 0), 0);
    record({
      ...FIGURE,
      value: wallMs / engineMs,
      n: POSTS,
      note:
        `wall ${Math.round(wallMs)} ms from bulk start to done vs ${Math.round(engineMs)} ms summed engine ` +
        `generation time (Generation.durationMs) for ${POSTS} X posts, embedded engine, stories260K, concurrency 1`,
    });
  } finally {
    await core.close();
    await worker.dispose();
  }
});
