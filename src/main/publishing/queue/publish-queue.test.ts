import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../../test/support/test-core';
import { invokeError, invokeOk } from '../../../../test/support/invoke';
import { ConnectorError } from '../providers/connector';
import { connectAccount, FakeTokens, ScriptedPlatform, scriptedPorts } from './scripted-connector.test-support';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const t of cores.splice(0)) await t.dispose();
});

async function setup(options: { dataDir?: string } = {}) {
  const t = await createTestCore(options);
  cores.push(t);
  const platform = new ScriptedPlatform('mastodon');
  const ports = scriptedPorts(platform);
  const runner = t.core.domains.publishing.attach(ports, { timer: false, concurrency: 1 });
  const accountId = await connectAccount(t.core, 'mastodon');
  const post = await t.core.services.posts.create({ body: 'Hello from Cadence', platforms: ['mastodon'] });
  return { t, platform, ports, runner, accountId, post };
}

async function statusOf(t: TestCore, jobId: string) {
  return (await invokeOk(t.core, 'publishing:get-job', { jobId })).job;
}

describe('publish queue', () => {
  it('publishes a job: sending is committed first, then published with the publication and the post status in one go', async () => {
    const { t, platform, runner, post } = await setup();
    const { jobs } = await invokeOk(t.core, 'publishing:publish-now', { postId: post.id });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.status).toBe('queued');
    expect(await runner.runDue()).toBe(1);
    const { job, events } = await invokeOk(t.core, 'publishing:get-job', { jobId: jobs[0]!.id });
    expect(job.status).toBe('published');
    expect(job.externalId).toBe(platform.posts[0]!.id);
    expect(job.url).toContain(platform.posts[0]!.id);
    expect(events.map((e) => e.step)).toEqual(['queued', 'sending', 'published']);
    const publication = await t.core.database.db.selectFrom('post_publications').selectAll().executeTakeFirstOrThrow();
    expect(publication).toMatchObject({ post_id: post.id, platform: 'mastodon', external_id: job.externalId });
    expect((await t.core.services.posts.get(post.id)).status).toBe('published');
    expect(t.notifications.at(-1)?.title).toBe('Published on Mastodon');
    const limits = await t.core.database.db.selectFrom('rate_limits').selectAll().execute();
    expect(limits).toMatchObject([{ bucket: 'statuses', remaining: 299 }]);
  });

  it('refuses publish-now with the validation findings, and a second publish of a published post', async () => {
    const { t, runner, post } = await setup();
    const long = await t.core.services.posts.create({ body: 'x'.repeat(600), platforms: ['mastodon'] });
    const error = await invokeError(t.core, 'publishing:publish-now', { postId: long.id });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('500 characters');
    expect(await invokeError(t.core, 'publishing:publish-now', { postId: post.id, platforms: ['x'] })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await invokeOk(t.core, 'publishing:publish-now', { postId: post.id });
    await runner.runDue();
    expect((await invokeError(t.core, 'publishing:publish-now', { postId: post.id })).code).toBe('CONFLICT');
  });

  it('queues a scheduled post through PostsService and sends it at its time, not before', async () => {
    const { t, platform, runner, post } = await setup();
    const at = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    await t.core.services.posts.schedule(post.id, at);
    await t.core.domains.publishing.settled();
    const { jobs } = await invokeOk(t.core, 'publishing:list-jobs', { postId: post.id });
    expect(jobs).toMatchObject([{ status: 'queued', dueAt: at, platform: 'mastodon' }]);
    expect(await runner.runDue()).toBe(0);
    t.clock.advance(3_600_000);
    await runner.runDue();
    expect(platform.posts).toHaveLength(1);
    expect((await statusOf(t, jobs[0]!.id)).status).toBe('published');
  });

  it('moves the job when the post is rescheduled and cancels it when unscheduled', async () => {
    const { t, post } = await setup();
    const at1 = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    const at2 = new Date(t.clock.now().getTime() + 7_200_000).toISOString();
    await t.core.services.posts.schedule(post.id, at1);
    await t.core.services.posts.schedule(post.id, at2);
    await t.core.domains.publishing.settled();
    const [job] = (await invokeOk(t.core, 'publishing:list-jobs', { postId: post.id })).jobs;
    expect(job!.dueAt).toBe(at2);
    await t.core.services.posts.schedule(post.id, null);
    await t.core.domains.publishing.settled();
    expect((await statusOf(t, job!.id)).status).toBe('cancelled');
  });

  it('backs off on server errors, checks the platform before each resend, and fails after 5 attempts', async () => {
    const { t, platform, runner, post } = await setup();
    for (let i = 0; i < 5; i++)
      platform.script.push({ kind: 'error', error: new ConnectorError('server', 'Bad gateway', { status: 502 }) });
    const [job] = (await invokeOk(t.core, 'publishing:publish-now', { postId: post.id })).jobs;
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      await runner.runDue();
      const now = await statusOf(t, job!.id);
      expect(now.status).toBe('outcome_unknown');
      expect(now.attempts).toBe(i + 1);
      waits.push(Date.parse(now.nextAttemptAt!) - t.clock.now().getTime());
      t.clock.set(now.nextAttemptAt!);
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    await runner.runDue();
    const failed = await statusOf(t, job!.id);
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toContain('Bad gateway');
    expect(platform.calls.filter((c) => c === 'publish')).toHaveLength(5);
    expect(platform.calls.filter((c) => c === 'findExisting')).toHaveLength(5);
    expect(t.notifications.at(-1)?.title).toBe('Not published on Mastodon');
  });

  it('fails an invalid post with the platform message and never retries it', async () => {
    const { t, platform, runner, post } = await setup();
    platform.script.push({
      kind: 'error',
      error: new ConnectorError('invalid', 'Text contains a banned link', { status: 422 }),
    });
    const [job] = (await invokeOk(t.core, 'publishing:publish-now', { postId: post.id })).jobs;
    await runner.runDue();
    t.clock.advance(3_600_000);
    await runner.runDue();
    const failed = await statusOf(t, job!.id);
    expect(failed).toMatchObject({ status: 'failed', errorKind: 'invalid' });
    expect(failed.lastError).toContain('Text contains a banned link');
    expect(platform.calls).toEqual(['publish']);
  });

  it('waits until the rate limit resets: from a 429 and from a bucket with nothing left', async () => {
    const { t, platform, runner, post, accountId } = await setup();
    const reset = new Date(t.clock.now().getTime() + 900_000).toISOString();
    platform.script.push({
      kind: 'error',
      error: new ConnectorError('rate_limited', 'Too many requests', { status: 429, resetAt: reset }),
    });
    const [job] = (await invokeOk(t.core, 'publishing:publish-now', { postId: post.id })).jobs;
    await runner.runDue();
    expect(await statusOf(t, job!.id)).toMatchObject({ status: 'queued', nextAttemptAt: reset, attempts: 0 });
    t.clock.advance(600_000);
    expect(await runner.runDue()).toBe(0);
    t.clock.set(reset);
    await runner.runDue();
    expect((await statusOf(t, job!.id)).status).toBe('published');

    // A bucket at 0 holds the account's next job without calling the platform.
    const later = new Date(t.clock.now().getTime() + 300_000).toISOString();
    await t.core.database.db
      .updateTable('rate_limits')
      .set({ remaining: 0, reset_at: later })
      .where('account_id', '=', accountId)
      .execute();
    const other = await t.core.services.posts.create({ body: 'Second', platforms: ['mastodon'] });
    const [second] = (await invokeOk(t.core, 'publishing:publish-now', { postId: other.id })).jobs;
    const calls = platform.calls.length;
    await runner.runDue();
    expect(await statusOf(t, second!.id)).toMatchObject({ status: 'queued', nextAttemptAt: later });
    expect(platform.calls.length).toBe(calls);
  });

  it('waits offline without using attempts, then checks and sends when the network is back', async () => {
    const { t, platform, runner, post, ports } = await setup();
    ports.tokens.contextErrors.push(new ConnectorError('network', 'getaddrinfo ENOTFOUND'));
    platform.script.push({ kind: 'error', error: new ConnectorError('network', 'ECONNRESET') });
    platform.findErrors.push(new ConnectorError('network', 'ENETUNREACH'));
    const [job] = (await invokeOk(t.core, 'publishing:publish-now', { postId: post.id })).jobs;
    await runner.runDue();
    expect(await statusOf(t, job!.id)).toMatchObject({ status: 'queued', attempts: 0 });
    t.clock.advance(30_000);
    await runner.runDue();
    expect(await statusOf(t, job!.id)).toMatchObject({ status: 'outcome_unknown', attempts: 0 });
    t.clock.advance(30_000);
    await runner.runDue();
    expect(await statusOf(t, job!.id)).toMatchObject({ status: 'outcome_unknown', attempts: 0 });
    t.clock.advance(30_000);
    await runner.runDue();
    expect(await statusOf(t, job!.id)).toMatchObject({ status: 'published', attempts: 1 });
    expect(platform.posts).toHaveLength(1);
  });

  it('settles a timeout by looking for the post: found means published, with no second send', async () => {
    const { t, platform, runner, post } = await setup();
    platform.script.push({ kind: 'accept-then-timeout' });
    const [job] = (await invokeOk(t.core, 'publishing:publish-now', { postId: post.id })).jobs;
    await runner.runDue();
    expect((await statusOf(t, job!.id)).status).toBe('outcome_unknown');
    t.clock.advance(30_000);
    await runner.runDue();
    expect((await statusOf(t, job!.id)).status).toBe('published');
    expect(platform.calls).toEqual(['publish', 'findExisting']);
    expect(platform.posts).toHaveLength(1);
  });

  it('refreshes the token once on auth_expired; a second expiry asks for a reconnect', async () => {
    const { t, platform, runner, post, ports } = await setup();
    platform.validToken = 'token-2';
    const [job] = (await invokeOk(t.core, 'publishing:publish-now', { postId: post.id })).jobs;
    await runner.runDue();
    expect(ports.tokens.refreshes).toBe(1);
    expect((await statusOf(t, job!.id)).status).toBe('published');

    const other = await t.core.services.posts.create({ body: 'Again', platforms: ['mastodon'] });
    platform.validToken = 'token-3';
    ports.tokens.refreshError = null;
    const stuck = new FakeTokens(null);
    stuck.token = 'token-2';
    const runner2 = t.core.domains.publishing.attach({ connectors: ports.connectors, tokens: stuck }, { timer: false });
    const [second] = (await invokeOk(t.core, 'publishing:publish-now', { postId: other.id })).jobs;
    await runner2.runDue();
    expect(stuck.refreshes).toBe(1);
    expect(stuck.reconnect).toHaveLength(1);
    expect(await statusOf(t, second!.id)).toMatchObject({ status: 'failed', errorKind: 'auth_expired' });
    void runner;
  });

  it('polls a pending publish with checkStatus until it is published', async () => {
    const { t, platform, runner, post } = await setup();
    platform.script.push({ kind: 'pending', checks: 2 });
    const [job] = (await invokeOk(t.core, 'publishing:publish-now', { postId: post.id })).jobs;
    await runner.runDue();
    expect((await statusOf(t, job!.id)).status).toBe('pending_remote');
    for (let i = 0; i < 2; i++) {
      t.clock.advance(5_000);
      await runner.runDue();
      expect((await statusOf(t, job!.id)).status).toBe('pending_remote');
    }
    t.clock.advance(5_000);
    await runner.runDue();
    expect((await statusOf(t, job!.id)).status).toBe('published');
    expect(platform.calls).toEqual(['publish', 'checkStatus', 'checkStatus', 'checkStatus']);
  });

  it('never lets two runners take one job; a dead runner’s lease expires and the job is checked, not resent', async () => {
    const { t, platform, runner, post } = await setup();
    const other = t.core.domains.publishing.runner!;
    expect(other).toBe(runner);
    const jobs = t.core.domains.publishing;
    const [job] = (await invokeOk(t.core, 'publishing:publish-now', { postId: post.id })).jobs;
    // A second runner on the same database, racing the first.
    const { JobRepository } = await import('./job.repository');
    const repo = new JobRepository(t.core.database.db);
    const lease = new Date(t.clock.now().getTime() + 60_000).toISOString();
    const [row] = await repo.claimDue('runner-a', t.clock.now().toISOString(), lease, 10);
    expect(row).toMatchObject({ id: job!.id, status: 'leased', lease_owner: 'runner-a', lease_expires_at: lease });
    expect(await repo.claimDue('runner-b', t.clock.now().toISOString(), lease, 10)).toEqual([]);
    // runner-a marks it sending and dies.
    await repo.updateOwned(row!.id, 'runner-a', { status: 'sending', attempts: 1 });
    expect(await runner.runDue()).toBe(0);
    t.clock.advance(60_000);
    await runner.runDue();
    const { job: settled, events } = await invokeOk(t.core, 'publishing:get-job', { jobId: job!.id });
    expect(settled.status).toBe('published');
    expect(events.map((e) => e.step)).toContain('interrupted');
    expect(platform.calls).toEqual(['findExisting', 'publish']);
    expect(platform.posts).toHaveLength(1);
    void jobs;
  });

  it('cancels a queued job, retries a failed one, and refuses to cancel a published one', async () => {
    const { t, platform, runner, post } = await setup();
    const at = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    await t.core.services.posts.schedule(post.id, at);
    await t.core.domains.publishing.settled();
    const [job] = (await invokeOk(t.core, 'publishing:list-jobs', { postId: post.id })).jobs;
    expect((await invokeOk(t.core, 'publishing:cancel-job', { jobId: job!.id })).status).toBe('cancelled');
    expect((await invokeOk(t.core, 'publishing:retry-job', { jobId: job!.id })).status).toBe('queued');
    await runner.runDue();
    expect(platform.posts).toHaveLength(1);
    expect((await invokeError(t.core, 'publishing:cancel-job', { jobId: job!.id })).code).toBe('CONFLICT');
    expect((await invokeError(t.core, 'publishing:retry-job', { jobId: job!.id })).code).toBe('CONFLICT');
    expect(
      (await invokeError(t.core, 'publishing:get-job', { jobId: '1c7f4d9f-3e8b-4d2f-8a4c-6b7e8f9a0b1c' })).code,
    ).toBe('NOT_FOUND');
  });

  it('lists per-platform status for a cross-posted post', async () => {
    const t = await createTestCore();
    cores.push(t);
    const masto = new ScriptedPlatform('mastodon');
    const bsky = new ScriptedPlatform('bluesky');
    const mastoConnector = masto.connector();
    const bskyConnector = bsky.connector();
    bsky.script.push({ kind: 'error', error: new ConnectorError('invalid', 'Too many graphemes') });
    const runner = t.core.domains.publishing.attach(
      {
        connectors: (p) => (p === 'mastodon' ? mastoConnector : p === 'bluesky' ? bskyConnector : null),
        tokens: new FakeTokens(masto),
      },
      { timer: false },
    );
    await connectAccount(t.core, 'mastodon');
    await connectAccount(t.core, 'bluesky');
    const post = await t.core.services.posts.create({ body: 'Cross', platforms: ['mastodon', 'bluesky'] });
    await invokeOk(t.core, 'publishing:publish-now', { postId: post.id });
    await runner.runDue();
    const { jobs } = await invokeOk(t.core, 'publishing:list-jobs', { postId: post.id });
    expect(Object.fromEntries(jobs.map((j) => [j.platform, j.status]))).toEqual({
      mastodon: 'published',
      bluesky: 'failed',
    });
    expect((await invokeOk(t.core, 'publishing:list-jobs', { status: 'failed' })).jobs).toHaveLength(1);
  });

  it('fails with a plain message when no account is connected for the platform', async () => {
    const t = await createTestCore();
    cores.push(t);
    const platform = new ScriptedPlatform('mastodon');
    const runner = t.core.domains.publishing.attach(scriptedPorts(platform), { timer: false });
    const post = await t.core.services.posts.create({ body: 'Hi', platforms: ['mastodon'] });
    const [job] = (await invokeOk(t.core, 'publishing:publish-now', { postId: post.id })).jobs;
    await runner.runDue();
    expect(await statusOf(t, job!.id)).toMatchObject({ status: 'failed', errorKind: 'no_account' });
    expect((await statusOf(t, job!.id)).lastError).toContain('Connect one in Accounts');
  });
});

describe('missed slots', () => {
  async function closedOver(policy: string | null) {
    const first = await setup();
    const { t, post } = first;
    const at = new Date(t.clock.now().getTime() + 600_000).toISOString();
    await t.core.services.posts.schedule(post.id, at);
    await t.core.domains.publishing.settled();
    if (policy) {
      await t.core.database.db
        .insertInto('settings')
        .values({ key: 'publishing.missed', value: policy, updated_at: at })
        .execute();
    }
    await t.core.close();
    cores.splice(cores.indexOf(t), 1);
    const later = new Date(Date.parse(at) + 3_600_000).toISOString();
    const reopened = await createTestCore({ dataDir: t.dataDir, now: later });
    cores.push(reopened);
    await reopened.core.domains.publishing.ready();
    const runner = reopened.core.domains.publishing.attach(scriptedPorts(first.platform), { timer: false });
    const [job] = (await invokeOk(reopened.core, 'publishing:list-jobs', { postId: post.id })).jobs;
    return { t: reopened, job: job!, runner, platform: first.platform, at };
  }

  it('marks a slot missed while closed, shows it, and posts it now when asked', async () => {
    const { t, job, runner, platform } = await closedOver(null);
    expect(job.status).toBe('missed');
    expect(t.notifications.at(-1)?.title).toBe('Posts missed their time');
    expect(await runner.runDue()).toBe(0);
    await invokeOk(t.core, 'publishing:resolve-missed', { jobId: job.id, action: 'post-now' });
    await runner.runDue();
    expect(platform.posts).toHaveLength(1);
  });

  it('reschedules a missed slot to a chosen time', async () => {
    const { t, job, runner, platform } = await closedOver(null);
    const at = new Date(t.clock.now().getTime() + 7_200_000).toISOString();
    const moved = await invokeOk(t.core, 'publishing:resolve-missed', { jobId: job.id, action: 'reschedule', at });
    expect(moved).toMatchObject({ status: 'queued', dueAt: at });
    await runner.runDue();
    expect(platform.posts).toHaveLength(0);
    t.clock.set(at);
    await runner.runDue();
    expect(platform.posts).toHaveLength(1);
  });

  it('posts missed slots automatically with the post-now setting, or moves them with reschedule-next-free', async () => {
    const now = await closedOver('"post-now"');
    expect(now.job.status).toBe('queued');
    await now.runner.runDue();
    expect(now.platform.posts).toHaveLength(1);
    const next = await closedOver('"reschedule-next-free"');
    expect(next.job.status).toBe('queued');
    expect(Date.parse(next.job.dueAt)).toBeGreaterThan(next.t.clock.now().getTime());
  });
});
