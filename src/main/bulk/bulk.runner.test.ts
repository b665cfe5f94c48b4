import { afterEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../shared/contract/events';
import { LlmError } from '../llm/provider';
import { type BulkHarness, gate, PLAN, postScript, result, startBulk, topicOf, waitForJob } from './bulk.test-support';

let h: BulkHarness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

const onePlatform = { ...PLAN, platforms: ['x' as const] };

async function postsOf(harness: BulkHarness) {
  return harness.t.core.database.db
    .selectFrom('posts')
    .innerJoin('post_origins', 'post_origins.post_id', 'posts.id')
    .select([
      'posts.id',
      'posts.status',
      'posts.scheduled_at',
      'posts.body',
      'posts.platforms',
      'post_origins.bulk_item_id',
    ])
    .execute();
}

describe('the bulk runner', () => {
  it('makes one scheduled post per item, linked by its origin, and reports progress', async () => {
    h = await startBulk();
    const progress: EventMap['job:progress'][] = [];
    h.t.core.events.onAny((event, payload) => {
      if (event === 'job:progress') progress.push(payload as EventMap['job:progress']);
    });
    const plan = await h.bulk.service.plan(PLAN);
    await h.bulk.service.start(plan.job.id);
    await h.bulk.service.settled(plan.job.id);

    const detail = await h.bulk.service.getJob(plan.job.id);
    expect(detail.job).toMatchObject({ status: 'done', counts: { total: 6, done: 6 } });
    const posts = await postsOf(h);
    expect(posts).toHaveLength(6);
    for (const item of detail.items) {
      const post = posts.find((p) => p.bulk_item_id === item.id);
      expect(post).toMatchObject({ id: item.postId, status: 'scheduled', scheduled_at: item.dueAt });
      expect(post?.body).toBe(`Post about ${item.topic}.`);
      expect(JSON.parse(post!.platforms)).toEqual([item.platform]);
      expect(item).toMatchObject({ status: 'done', attempts: 1, error: null });
      expect(item.generationMs).toBeGreaterThan(0);
    }
    expect(progress.at(-1)).toEqual({ jobId: plan.job.id, phase: 'done', done: 6, total: 6, cancellable: false });
    expect(progress.some((p) => p.phase === 'generating' && p.done > 0 && p.done < 6)).toBe(true);
  });

  it('never runs more generations at once than the job’s concurrency', async () => {
    let inFlight = 0;
    let most = 0;
    h = await startBulk({
      script: postScript({
        delayMs: 15,
        onPost: () => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          setTimeout(() => (inFlight -= 1), 15);
        },
      }),
    });
    const plan = await h.bulk.service.plan({
      ...PLAN,
      postsPerWeek: 4,
      days: ['mon', 'tue', 'wed', 'thu'],
      concurrency: 2,
    });
    await h.bulk.service.start(plan.job.id);
    await h.bulk.service.settled(plan.job.id);
    expect((await h.bulk.service.getJob(plan.job.id)).job.counts.done).toBe(8);
    expect(most).toBe(2);
  });

  it('pause lets the running item finish and starts no other; resume carries on', async () => {
    const first = gate();
    h = await startBulk({
      script: postScript({
        onPost: (request) => (topicOf(request).startsWith('5 mistakes') ? first.wait(request.signal) : undefined),
      }),
    });
    const plan = await h.bulk.service.plan(onePlatform);
    const jobId = plan.job.id;
    await h.bulk.service.start(jobId);
    await waitForJob(h, jobId, (d) => d.items[0]?.status === 'generating');
    expect((await h.bulk.service.pause(jobId)).status).toBe('paused');
    first.open();
    await h.bulk.service.settled(jobId);

    const paused = await h.bulk.service.getJob(jobId);
    expect(paused.job.status).toBe('paused');
    expect(paused.items.map((i) => i.status)).toEqual(['done', 'pending', 'pending']);
    expect(await postsOf(h)).toHaveLength(1);

    await h.bulk.service.resume(jobId);
    await h.bulk.service.settled(jobId);
    const resumed = await h.bulk.service.getJob(jobId);
    expect(resumed.job.status).toBe('done');
    expect(resumed.items.map((i) => i.status)).toEqual(['done', 'done', 'done']);
    expect(await postsOf(h)).toHaveLength(3);
  });

  it('cancel aborts the running generation and cancels the rest; finished items keep their posts', async () => {
    const second = gate();
    h = await startBulk({
      script: postScript({
        onPost: (request) => (topicOf(request).startsWith('How to') ? second.wait(request.signal) : undefined),
      }),
    });
    const plan = await h.bulk.service.plan(onePlatform);
    const jobId = plan.job.id;
    await h.bulk.service.start(jobId);
    await waitForJob(h, jobId, (d) => d.items[1]?.status === 'generating');
    expect((await h.bulk.service.cancel(jobId)).status).toBe('cancelled');
    await h.bulk.service.settled(jobId);

    const detail = await h.bulk.service.getJob(jobId);
    expect(detail.items.map((i) => i.status)).toEqual(['done', 'cancelled', 'cancelled']);
    expect(detail.job).toMatchObject({ status: 'cancelled', counts: { done: 1, cancelled: 2 } });
    const posts = await postsOf(h);
    expect(posts.map((p) => p.bulk_item_id)).toEqual([detail.items[0]!.id]);
    expect(h.provider.calls.at(-1)?.signal?.aborted).toBe(true);
    await expect(h.bulk.service.resume(jobId)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('retries a failed generation twice, then reports it; the job still ends done', async () => {
    let flaky = 0;
    h = await startBulk({
      script: async (request) => {
        if (request.jsonSchema) throw new LlmError('provider_down', 'no model is running');
        const topic = topicOf(request);
        if (topic.startsWith('How to')) throw new LlmError('invalid_request', 'the engine crashed');
        if (topic.startsWith('7 tools') && flaky++ === 0) throw new LlmError('transient', 'a hiccup');
        return result(`Post about ${topic}.`);
      },
    });
    const plan = await h.bulk.service.plan({ ...onePlatform, formats: ['listicle', 'how-to'] });
    await h.bulk.service.start(plan.job.id);
    await h.bulk.service.settled(plan.job.id);

    const detail = await h.bulk.service.getJob(plan.job.id);
    expect(detail.job).toMatchObject({ status: 'done', counts: { done: 2, failed: 1 } });
    expect(detail.items.map((i) => [i.status, i.attempts])).toEqual([
      ['done', 1],
      ['failed', 3],
      ['done', 2],
    ]);
    expect(detail.items[1]?.error).toContain('the engine crashed');
    expect(detail.items[1]?.postId).toBeNull();
    expect(await postsOf(h)).toHaveLength(2);
  });
});
