import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { invokeOk } from '../../../test/support/invoke';
import { connectAccount, ScriptedPlatform, scriptedPorts } from './queue/scripted-connector.test-support';

const MINUTE = 60_000;
const cores: TestCore[] = [];
afterEach(async () => {
  for (const t of cores.splice(0)) await t.dispose();
});

async function scheduledPost(t: TestCore, inMs: number) {
  const post = await t.core.services.posts.create({ body: 'Sourdough, day three', platforms: ['mastodon'] });
  const at = new Date(t.clock.now().getTime() + inMs).toISOString();
  const scheduled = await t.core.services.posts.schedule(post.id, at);
  await t.core.domains.publishing.settled();
  const [job] = (await invokeOk(t.core, 'publishing:list-jobs', { postId: post.id })).jobs;
  return { post: scheduled, job: job!, at };
}

async function editText(t: TestCore, postId: string) {
  const current = await t.core.services.posts.get(postId);
  await t.core.services.posts.update(postId, current.version, { body: `${current.body} (edited)` });
  await t.core.domains.publishing.settled();
}

describe("a job's time when its post changes", () => {
  it('keeps a time the creator picked for a retry through text edits, and follows the post when it moves on the calendar', async () => {
    const t = await createTestCore();
    cores.push(t);
    const platform = new ScriptedPlatform('mastodon');
    t.core.domains.publishing.attach(scriptedPorts(platform), { timer: false });
    await connectAccount(t.core, 'mastodon');
    const { post, job } = await scheduledPost(t, 60 * MINUTE);
    await invokeOk(t.core, 'publishing:cancel-job', { jobId: job.id });
    const picked = new Date(t.clock.now().getTime() + 10 * MINUTE).toISOString();
    await invokeOk(t.core, 'publishing:retry-job', { jobId: job.id, at: picked });

    await editText(t, post.id);
    expect((await invokeOk(t.core, 'publishing:get-job', { jobId: job.id })).job).toMatchObject({
      status: 'queued',
      dueAt: picked,
    });

    const moved = new Date(t.clock.now().getTime() + 180 * MINUTE).toISOString();
    await t.core.services.posts.schedule(post.id, moved);
    await t.core.domains.publishing.settled();
    expect((await invokeOk(t.core, 'publishing:get-job', { jobId: job.id })).job).toMatchObject({
      status: 'queued',
      dueAt: moved,
    });
  });

  it('leaves a missed slot waiting for the creator when only the text is edited (it is never posted by an edit)', async () => {
    const first = await createTestCore();
    cores.push(first);
    await connectAccount(first.core, 'mastodon');
    const { post, at } = await scheduledPost(first, 10 * MINUTE);
    await first.core.close();
    cores.splice(cores.indexOf(first), 1);

    const t = await createTestCore({
      dataDir: first.dataDir,
      now: new Date(Date.parse(at) + 60 * MINUTE).toISOString(),
    });
    cores.push(t);
    await t.core.domains.publishing.ready();
    const platform = new ScriptedPlatform('mastodon');
    const runner = t.core.domains.publishing.attach(scriptedPorts(platform), { timer: false });
    const [missed] = (await invokeOk(t.core, 'publishing:list-jobs', { postId: post.id })).jobs;
    expect(missed).toMatchObject({ status: 'missed' });

    await editText(t, post.id);
    expect(await runner.runDue()).toBe(0);
    expect(platform.posts).toEqual([]);
    expect((await invokeOk(t.core, 'publishing:get-job', { jobId: missed!.id })).job.status).toBe('missed');
  });
});
