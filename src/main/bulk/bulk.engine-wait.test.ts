import { afterEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../shared/contract/events';
import { LlmError } from '../llm/provider';
import type { Script } from '../llm/router/scripted-provider.test-support';
import { type BulkHarness, PLAN, result, startBulk, topicOf, waitForJob } from './bulk.test-support';

let h: BulkHarness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

const onePlatform = { ...PLAN, platforms: ['x' as const] };

/** Topics fail (no call counted against the post items); "How to…" items crash the engine. */
function crashingOn(prefix: string): Script {
  return async (request) => {
    if (request.jsonSchema) throw new LlmError('provider_down', 'no model is running');
    const topic = topicOf(request);
    if (topic.startsWith(prefix)) throw new LlmError('transient', 'the engine crashed');
    return result(`Post about ${topic}.`);
  };
}
const healthy = crashingOn('\u0000never');

function waitingEvents(harness: BulkHarness): EventMap['job:progress'][] {
  const seen: EventMap['job:progress'][] = [];
  harness.t.core.events.onAny((event, payload) => {
    const progress = payload as EventMap['job:progress'];
    if (event === 'job:progress' && progress.status === 'waiting for the engine') seen.push(progress);
  });
  return seen;
}

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('bulk generation while the circuit breaker is open', () => {
  it('waits for the engine without using up attempts; real failures still count', async () => {
    h = await startBulk({ script: crashingOn('How to'), engineWaitMaxMs: 20 });
    const waiting = waitingEvents(h);
    const plan = await h.bulk.service.plan(onePlatform);
    const jobId = plan.job.id;
    await h.bulk.service.start(jobId);

    // Item 2 crashes the engine three times (its three attempts): the breaker opens for 30 s.
    await until(() => waiting.length >= 5);
    const held = await h.bulk.service.getJob(jobId);
    expect(held.job.status).toBe('running');
    expect(held.items[0]).toMatchObject({ status: 'done', attempts: 1 });
    expect(held.items[1]).toMatchObject({ status: 'failed', attempts: 3, error: expect.stringContaining('crashed') });
    // Item 3 was refused again and again without a call reaching the engine, and keeps its attempts.
    expect(held.items[2]!.status === 'pending' || held.items[2]!.status === 'generating').toBe(true);
    expect(held.items[2]!.attempts).toBeLessThanOrEqual(1);
    const callsWhileOpen = h.provider.calls.length;
    await new Promise((r) => setTimeout(r, 60));
    expect(h.provider.calls.length).toBe(callsWhileOpen);

    // The cool-down passes (manual clock) and the engine is back: the trial call goes through.
    h.provider.behave(healthy);
    h.t.clock.advance(30_000);
    await waitForJob(h, jobId, (d) => d.job.status === 'done');
    const detail = await h.bulk.service.getJob(jobId);
    expect(detail.items.map((i) => [i.status, i.attempts])).toEqual([
      ['done', 1],
      ['failed', 3],
      ['done', 1],
    ]);
    expect(waiting.every((p) => p.jobId === jobId && p.phase === 'generating')).toBe(true);
  });

  it('pause while waiting ends the wait; resume carries on once the engine is back', async () => {
    h = await startBulk({ script: crashingOn('How to'), engineWaitMaxMs: 20 });
    const waiting = waitingEvents(h);
    const plan = await h.bulk.service.plan(onePlatform);
    const jobId = plan.job.id;
    await h.bulk.service.start(jobId);
    await until(() => waiting.length >= 1);

    await h.bulk.service.pause(jobId);
    await h.bulk.service.settled(jobId);
    const paused = await h.bulk.service.getJob(jobId);
    expect(paused.items.map((i) => [i.status, i.attempts])).toEqual([
      ['done', 1],
      ['failed', 3],
      ['pending', 0],
    ]);

    h.provider.behave(healthy);
    h.t.clock.advance(30_000);
    await h.bulk.service.resume(jobId);
    await h.bulk.service.settled(jobId);
    expect((await h.bulk.service.getJob(jobId)).job).toMatchObject({ status: 'done', counts: { done: 2, failed: 1 } });
  });

  it('a rate limit with a retry hint waits that long, then carries on', async () => {
    let limited = 0;
    h = await startBulk({
      script: async (request, call) => {
        if (request.jsonSchema) throw new LlmError('provider_down', 'no model is running');
        if (limited < 1) {
          limited += 1;
          throw new LlmError('rate_limited', 'slow down', { provider: 'ollama', retryAfterMs: 30 });
        }
        void call;
        return result(`Post about ${topicOf(request)}.`);
      },
    });
    const waiting = waitingEvents(h);
    const plan = await h.bulk.service.plan(onePlatform);
    await h.bulk.service.start(plan.job.id);
    await h.bulk.service.settled(plan.job.id);
    const detail = await h.bulk.service.getJob(plan.job.id);
    expect(detail.items.map((i) => [i.status, i.attempts])).toEqual([
      ['done', 1],
      ['done', 1],
      ['done', 1],
    ]);
    expect(waiting.length).toBeGreaterThan(0);
  });
});

describe('bulk:retry-failed', () => {
  it('puts failed items back to pending with fresh attempts and runs the finished job again', async () => {
    h = await startBulk({
      script: async (request) => {
        if (request.jsonSchema) throw new LlmError('provider_down', 'no model is running');
        const topic = topicOf(request);
        if (topic.startsWith('How to')) throw new LlmError('invalid_request', 'the engine rejected the prompt');
        return result(`Post about ${topic}.`);
      },
    });
    const plan = await h.bulk.service.plan(onePlatform);
    const jobId = plan.job.id;
    await h.bulk.service.start(jobId);
    await h.bulk.service.settled(jobId);
    expect((await h.bulk.service.getJob(jobId)).job).toMatchObject({ status: 'done', counts: { failed: 1 } });

    h.provider.behave(healthy);
    const job = await h.bulk.handlers['bulk:retry-failed']({ jobId });
    expect(job.status).toBe('running');
    await h.bulk.service.settled(jobId);
    const detail = await h.bulk.service.getJob(jobId);
    expect(detail.job).toMatchObject({ status: 'done', counts: { done: 3, failed: 0 } });
    expect(detail.items[1]).toMatchObject({ status: 'done', attempts: 1, error: null });
  });

  it('refuses a cancelled job and leaves a job without failures as it is', async () => {
    h = await startBulk({ script: healthy });
    const plan = await h.bulk.service.plan(onePlatform);
    await expect(h.bulk.service.retryFailed(plan.job.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await h.bulk.service.start(plan.job.id);
    await h.bulk.service.settled(plan.job.id);
    expect((await h.bulk.service.retryFailed(plan.job.id)).status).toBe('done');
    const other = await h.bulk.service.plan(onePlatform);
    await h.bulk.service.cancel(other.job.id);
    await expect(h.bulk.service.retryFailed(other.job.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(h.bulk.service.retryFailed('3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
