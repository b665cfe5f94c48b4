import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invokeOk } from '../../../test/support/invoke';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { planningProfile, postAt } from './planning.fixtures.test-support';

// Now: Wednesday 2026-11-25 10:00 UTC. Berlin; LinkedIn slots Tue and Wed 10:00 (09:00 UTC in winter),
// Bluesky slot (custom) Wednesday 10:00 too, so two platforms share an instant.
describe('planning: queue', () => {
  let t: TestCore;

  beforeEach(async () => {
    t = await createTestCore();
    await t.core.services.profile.save(planningProfile({ platforms: ['linkedin', 'bluesky'] }));
    await invokeOk(t.core, 'planning:save-slots', { platform: 'bluesky', slots: [{ weekday: 2, hour: 10 }] });
  });

  afterEach(async () => {
    await t.dispose();
  });

  const describeItems = (items: Awaited<ReturnType<typeof queue>>['items']) =>
    items.map((i) => (i.kind === 'post' ? `${i.at} post ${i.post.title}` : `${i.at} free ${i.slot.platform}`));
  const queue = (input: { platform?: 'linkedin' | 'bluesky'; days?: number } = {}) =>
    invokeOk(t.core, 'planning:get-queue', input);

  it('lists scheduled posts and the free slots between them in time order', async () => {
    await postAt(t, 'linkedin', '2026-12-01T09:00:00.000Z', { title: 'Tuesday post' });
    await postAt(t, 'x', '2026-12-02T09:00:00.000Z', { title: 'X post' });
    await postAt(t, ['linkedin', 'bluesky'], '2026-11-28T12:00:00.000Z', { title: 'Saturday post' });
    await postAt(t, 'linkedin', '2026-11-20T09:00:00.000Z', { title: 'Overdue' }); // before now: not in the queue
    await postAt(t, 'linkedin', '2026-12-20T09:00:00.000Z', { title: 'Too far' }); // after the 14 days

    const all = await queue();
    expect(all.timezone).toBe('Europe/Berlin');
    expect(all.from).toBe('2026-11-25T10:00:00.000Z');
    expect(all.to).toBe('2026-12-09T10:00:00.000Z');
    expect(describeItems(all.items)).toEqual([
      '2026-11-28T12:00:00.000Z post Saturday post',
      '2026-12-01T09:00:00.000Z post Tuesday post',
      '2026-12-02T09:00:00.000Z post X post',
      '2026-12-02T09:00:00.000Z free linkedin',
      '2026-12-02T09:00:00.000Z free bluesky',
      '2026-12-08T09:00:00.000Z free linkedin',
      '2026-12-09T09:00:00.000Z free linkedin',
      '2026-12-09T09:00:00.000Z free bluesky',
    ]);
    const first = all.items[0];
    expect(first?.kind === 'post' && first.post).toMatchObject({
      title: 'Saturday post',
      excerpt: 'Some words',
      status: 'scheduled',
      platforms: ['linkedin', 'bluesky'],
      version: 1,
    });
    expect(first).toMatchObject({ day: '2026-11-28', time: '13:00' });
  });

  it('shows one platform’s posts and free slots when asked', async () => {
    await postAt(t, 'linkedin', '2026-12-01T09:00:00.000Z', { title: 'Tuesday post' });
    await postAt(t, 'x', '2026-12-02T09:00:00.000Z', { title: 'X post' });
    const linkedin = await queue({ platform: 'linkedin', days: 7 });
    expect(describeItems(linkedin.items)).toEqual([
      '2026-12-01T09:00:00.000Z post Tuesday post',
      '2026-12-02T09:00:00.000Z free linkedin',
    ]);
    const free = linkedin.items[1];
    expect(free?.kind === 'free' && free.slot.reason).toBe('Wednesday 10:00 — a best time from published studies');
  });
});

describe('planning: schedule into the next free slot', () => {
  let t: TestCore;

  beforeEach(async () => {
    t = await createTestCore();
    await t.core.services.profile.save(planningProfile());
  });

  afterEach(async () => {
    await t.dispose();
  });

  it('schedules posts one after another into the free slots, visible in the queue', async () => {
    const first = await postAt(t, 'linkedin', null, { title: 'First' });
    const second = await postAt(t, ['linkedin', 'x'], null, { title: 'Second' });
    const events: string[] = [];
    t.core.events.onAny((name) => events.push(name));

    const a = await invokeOk(t.core, 'planning:schedule-next-free', { postId: first.id, version: first.version });
    expect(a.post).toMatchObject({
      id: first.id,
      status: 'scheduled',
      scheduledAt: '2026-12-01T09:00:00.000Z',
      version: 2,
    });
    expect(a.slot.reason).toBe('Tuesday 10:00 — a best time from published studies');
    const b = await invokeOk(t.core, 'planning:schedule-next-free', { postId: second.id });
    expect(b.post.scheduledAt).toBe('2026-12-02T09:00:00.000Z');
    expect(events).toContain('posts:changed');

    const revisions = await t.core.services.posts.listRevisions(first.id);
    expect(revisions.map((r) => r.status)).toEqual(['scheduled', 'draft']);

    // Scheduling an already scheduled post again keeps its own slot (it does not block itself).
    const again = await invokeOk(t.core, 'planning:schedule-next-free', { postId: first.id });
    expect(again.post.scheduledAt).toBe('2026-12-01T09:00:00.000Z');

    const q = await invokeOk(t.core, 'planning:get-queue', { platform: 'linkedin' });
    expect(q.items.map((i) => (i.kind === 'post' ? i.post.title : i.day))).toEqual([
      'First',
      'Second',
      '2026-12-08',
      '2026-12-09',
    ]);
  });

  it.each([
    [
      'a stale version',
      async () => ({ postId: (await postAt(t, 'linkedin', null)).id, version: 5 }),
      'CONFLICT',
      /changed elsewhere/,
    ],
    [
      'a post without a platform',
      async () => ({ postId: (await postAt(t, [], null)).id }),
      'CONFLICT',
      /Pick a platform for this post first/,
    ],
    [
      'a published post',
      async () => ({ postId: (await postAt(t, 'linkedin', null, { status: 'published' })).id }),
      'CONFLICT',
      /already published/,
    ],
    [
      'a trashed post',
      async () => {
        const post = await postAt(t, 'linkedin', null);
        await t.core.services.posts.trash([post.id]);
        return { postId: post.id };
      },
      'NOT_FOUND',
      /in the trash/,
    ],
    [
      'an unknown post',
      async () => ({ postId: '00000000-0000-4000-8000-000000000000' }),
      'NOT_FOUND',
      /does not exist/,
    ],
  ])('refuses %s with a clear message', async (_, input, code, message) => {
    const result = await t.core.dispatcher.invoke('planning:schedule-next-free', await input());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(message);
  });
});
