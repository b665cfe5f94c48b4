import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestCore, type TestCore } from '../../../../test/support/test-core';
import { invokeOk } from '../../../../test/support/invoke';
import { JobRepository } from './job.repository';
import { connectAccount, ScriptedPlatform, scriptedPorts } from './scripted-connector.test-support';

const cores: TestCore[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const t of cores.splice(0)) await t.dispose();
});

describe('publish runner loop', () => {
  it('after taking what was due, waits for the next due time instead of claiming again and again while a send runs', async () => {
    const t = await createTestCore();
    cores.push(t);
    await connectAccount(t.core, 'mastodon');
    const first = await t.core.services.posts.create({ body: 'Due now', platforms: ['mastodon'] });
    const second = await t.core.services.posts.create({ body: 'Due in 50 ms', platforms: ['mastodon'] });
    await t.core.services.posts.schedule(second.id, new Date(t.clock.now().getTime() + 50).toISOString());
    await invokeOk(t.core, 'publishing:publish-now', { postId: first.id });
    await t.core.domains.publishing.settled();

    const platform = new ScriptedPlatform('mastodon');
    // Long enough that the second job falls due while the first is still being sent.
    platform.latencyMs = 300;
    const claims = vi.spyOn(JobRepository.prototype, 'claimDue');
    t.core.domains.publishing.attach(scriptedPorts(platform), { concurrency: 4 });
    // The first send is under way (and the loop has planned its next wake-up) before the second falls due.
    await vi.waitFor(() => expect(platform.calls).toEqual(['publish']));
    t.clock.advance(50);
    await vi.waitFor(() => expect(platform.posts).toHaveLength(2), { timeout: 3_000 });

    // One claim per job, and one look after each (a planned time that has passed is looked up
    // again, never claimed on every timer tick until a send ends: ~1 claim per ms before).
    expect(claims.mock.calls.length).toBeLessThanOrEqual(6);
  });
});
