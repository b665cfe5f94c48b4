import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { invokeError, invokeOk } from '../../../test/support/invoke';
import { ConnectorError } from './providers/connector';
import { connectAccount, ScriptedPlatform, scriptedPorts } from './queue/scripted-connector.test-support';

const HOUR = 3_600_000;
const cores: TestCore[] = [];
afterEach(async () => {
  for (const t of cores.splice(0)) await t.dispose();
});

async function setup() {
  const t = await createTestCore();
  cores.push(t);
  const platform = new ScriptedPlatform('mastodon');
  const runner = t.core.domains.publishing.attach(scriptedPorts(platform), { timer: false, concurrency: 1 });
  await connectAccount(t.core, 'mastodon');
  const post = await t.core.services.posts.create({
    body: 'Proofing in the fridge overnight',
    platforms: ['mastodon'],
  });
  return { t, platform, runner, post };
}

async function idempotencyKey(t: TestCore, jobId: string): Promise<string> {
  const row = await t.core.database.db
    .selectFrom('publish_jobs')
    .select('idempotency_key')
    .where('id', '=', jobId)
    .executeTakeFirstOrThrow();
  return row.idempotency_key;
}

/** A publish-now job that failed on the platform's refusal after one attempt. */
async function failedJob(setupResult: Awaited<ReturnType<typeof setup>>) {
  const { t, platform, runner, post } = setupResult;
  platform.script.push({
    kind: 'error',
    error: new ConnectorError('invalid', 'Media still processing', { status: 422 }),
  });
  const [job] = (await invokeOk(t.core, 'publishing:publish-now', { postId: post.id })).jobs;
  await runner.runDue();
  const failed = (await invokeOk(t.core, 'publishing:get-job', { jobId: job!.id })).job;
  expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
  return failed;
}

describe('retrying a job at a chosen time', () => {
  it('queues a never-sent job for the picked time with the same idempotency key, and sends it then, once', async () => {
    const { t, platform, runner, post } = await setup();
    const [job] = (await invokeOk(t.core, 'publishing:publish-now', { postId: post.id })).jobs;
    await invokeOk(t.core, 'publishing:cancel-job', { jobId: job!.id });
    const key = await idempotencyKey(t, job!.id);
    // Two hours ahead, written with the creator's offset: stored as the same instant in UTC.
    const local = '2026-11-25T13:00:00+01:00';
    const at = '2026-11-25T12:00:00.000Z';

    const queued = await invokeOk(t.core, 'publishing:retry-job', { jobId: job!.id, at: local });
    expect(queued).toMatchObject({ status: 'queued', dueAt: at, nextAttemptAt: null, attempts: 0 });
    expect(await idempotencyKey(t, job!.id)).toBe(key);
    const { events } = await invokeOk(t.core, 'publishing:get-job', { jobId: job!.id });
    expect(events.at(-1)).toMatchObject({ step: 'retry', detail: `Queued again by you for ${at}` });

    t.clock.advance(HOUR);
    expect(await runner.runDue()).toBe(0);
    expect(platform.calls).toEqual([]);
    t.clock.advance(HOUR);
    expect(await runner.runDue()).toBe(1);
    expect(platform.posts.map((p) => p.idempotencyKey)).toEqual([key]);
    expect((await invokeOk(t.core, 'publishing:get-job', { jobId: job!.id })).job.status).toBe('published');
  });

  it('checks the platform first at the picked time for a job that was sent before, and never posts twice', async () => {
    const s = await setup();
    const { t, platform, runner } = s;
    const failed = await failedJob(s);
    const at = new Date(t.clock.now().getTime() + HOUR / 2).toISOString();

    const retried = await invokeOk(t.core, 'publishing:retry-job', { jobId: failed.id, at });
    expect(retried).toMatchObject({ status: 'outcome_unknown', dueAt: at, nextAttemptAt: at, attempts: 0 });
    expect(await runner.runDue()).toBe(0);

    // The refused post went out after all (the platform finished it late): the check finds it.
    platform.posts.push({
      id: 'late-1',
      text: 'Proofing in the fridge overnight',
      idempotencyKey: await idempotencyKey(t, failed.id),
      accountId: failed.accountId!,
    });
    platform.calls.length = 0;
    t.clock.set(at);
    await runner.runDue();
    expect(platform.calls).toEqual(['findExisting']);
    expect(platform.posts).toHaveLength(1);
    const done = (await invokeOk(t.core, 'publishing:get-job', { jobId: failed.id })).job;
    expect(done).toMatchObject({ status: 'published', externalId: 'late-1' });
  });

  it('sends at the picked time after the check finds nothing', async () => {
    const s = await setup();
    const { t, platform, runner } = s;
    const failed = await failedJob(s);
    const at = new Date(t.clock.now().getTime() + HOUR).toISOString();
    await invokeOk(t.core, 'publishing:retry-job', { jobId: failed.id, at });
    platform.calls.length = 0;
    t.clock.set(at);
    await runner.runDue();
    expect(platform.calls).toEqual(['findExisting', 'publish']);
    expect(platform.posts).toHaveLength(1);
  });

  it('refuses a time in the past, saying what to do, and leaves the job as it was', async () => {
    const s = await setup();
    const { t } = s;
    const failed = await failedJob(s);
    const before = await invokeOk(t.core, 'publishing:get-job', { jobId: failed.id });
    const past = new Date(t.clock.now().getTime() - 60_000).toISOString();

    const error = await invokeError(t.core, 'publishing:retry-job', { jobId: failed.id, at: past });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe(`That time (${past}) has already passed; pick a time from now on, or retry now`);
    expect(error.details).toEqual({ issues: [{ path: ['at'], message: 'Pick a time that is not in the past' }] });
    expect(await invokeOk(t.core, 'publishing:get-job', { jobId: failed.id })).toEqual(before);

    // The present moment itself is not the past.
    const now = t.clock.now().toISOString();
    expect(await invokeOk(t.core, 'publishing:retry-job', { jobId: failed.id, at: now })).toMatchObject({
      status: 'outcome_unknown',
      nextAttemptAt: now,
    });
  });

  it('answers NOT_FOUND for a job that does not exist, and CONFLICT for one that is not failed or cancelled', async () => {
    const { t, post } = await setup();
    const at = new Date(t.clock.now().getTime() + HOUR).toISOString();
    const missing = await invokeError(t.core, 'publishing:retry-job', {
      jobId: '1c7f4d9f-3e8b-4d2f-8a4c-6b7e8f9a0b1c',
      at,
    });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'That publish job does not exist' });
    const [job] = (await invokeOk(t.core, 'publishing:publish-now', { postId: post.id })).jobs;
    expect(await invokeError(t.core, 'publishing:retry-job', { jobId: job!.id, at })).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('reports a picked time slept through while Cadence was closed as missed, like any scheduled slot', async () => {
    const { t, runner, post } = await setup();
    const [job] = (await invokeOk(t.core, 'publishing:publish-now', { postId: post.id })).jobs;
    await invokeOk(t.core, 'publishing:cancel-job', { jobId: job!.id });
    const at = new Date(t.clock.now().getTime() + HOUR).toISOString();
    await invokeOk(t.core, 'publishing:retry-job', { jobId: job!.id, at });
    t.clock.advance(3 * HOUR);
    expect(await t.core.domains.publishing.service.markMissed()).toBe(1);
    expect((await invokeOk(t.core, 'publishing:get-job', { jobId: job!.id })).job.status).toBe('missed');
    expect(await runner.runDue()).toBe(0);
  });
});
