import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContractError } from '../../shared/contract/errors';
import { invokeError, invokeOk } from '../../../test/support/invoke';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { planningProfile, postAt } from './planning.fixtures.test-support';

// Now: Wednesday 2026-11-25 10:00 UTC. Berlin; LinkedIn slots Tue and Wed 10:00 (09:00 UTC), each a
// published best time with the same score.
describe('planning: A/B pairs in comparable slots', () => {
  let t: TestCore;

  beforeEach(async () => {
    t = await createTestCore();
    await t.core.services.profile.save(planningProfile());
  });

  afterEach(async () => {
    await t.dispose();
  });

  const drafts = async () =>
    [
      await postAt(t, 'linkedin', null, { title: 'Hook A' }),
      await postAt(t, ['x', 'linkedin'], null, { title: 'Hook B' }),
    ] as const;

  it('prefers the same weekday and time a week apart and records the pair before publishing', async () => {
    const [a, b] = await drafts();
    const result = await invokeOk(t.core, 'planning:schedule-ab-pair', {
      postA: a.id,
      postB: b.id,
      label: 'Question hook',
    });
    expect(result.strategy).toBe('same-slot-next-week');
    expect(result.explanation).toBe(
      'Same weekday and time a week apart (Tuesday 10:00 on 2026-12-01 and 2026-12-08): only the week differs, the fairest comparison.',
    );
    expect(result.postA).toMatchObject({ status: 'scheduled', scheduledAt: '2026-12-01T09:00:00.000Z' });
    expect(result.postB).toMatchObject({ status: 'scheduled', scheduledAt: '2026-12-08T09:00:00.000Z' });
    expect(result.pair).toMatchObject({
      platform: 'linkedin',
      label: 'Question hook',
      postA: { id: a.id, title: 'Hook A' },
      postB: { id: b.id, title: 'Hook B' },
      comparison: { verdict: 'not_enough_data', message: 'Not published yet: neither post has gone out on LinkedIn.' },
    });
    const listed = await invokeOk(t.core, 'analytics:list-ab-pairs', {});
    expect(listed.map((p) => p.id)).toEqual([result.pair.id]);
  });

  it('takes equally rated adjacent days when they rate higher than the slot free a week apart', async () => {
    await invokeOk(t.core, 'planning:save-slots', {
      platform: 'linkedin',
      slots: [
        { weekday: 0, hour: 9 },
        { weekday: 1, hour: 10 },
        { weekday: 2, hour: 10 },
      ],
    });
    const [a, b] = await drafts();
    const result = await invokeOk(t.core, 'planning:schedule-ab-pair', {
      postA: a.id,
      postB: b.id,
      platform: 'linkedin',
    });
    expect(result.strategy).toBe('adjacent-days');
    expect(result.explanation).toBe(
      'Two slots with the same best-time score (1.00) on adjacent days (Tuesday 10:00 on 2026-12-01 and Wednesday 10:00 on 2026-12-02): they rate higher than the first slot free a week apart (Monday 09:00 on 2026-11-30, not a best time).',
    );
    expect([result.slotA.at, result.slotB.at]).toEqual(['2026-12-01T09:00:00.000Z', '2026-12-02T09:00:00.000Z']);
  });

  it('takes adjacent days when both are out before a weekly pair could start', async () => {
    await postAt(t, 'linkedin', '2026-12-08T09:00:00.000Z');
    await postAt(t, 'linkedin', '2026-12-09T09:00:00.000Z');
    const [a, b] = await drafts();
    const result = await invokeOk(t.core, 'planning:schedule-ab-pair', { postA: a.id, postB: b.id });
    expect(result.strategy).toBe('adjacent-days');
    expect(result.explanation).toMatch(
      /both are out before the first slot free a week apart \(Tuesday 10:00 on 2026-12-15\) even comes\.$/,
    );
    expect([result.postA.scheduledAt, result.postB.scheduledAt]).toEqual([
      '2026-12-01T09:00:00.000Z',
      '2026-12-02T09:00:00.000Z',
    ]);
  });

  it('puts both posts back when recording the pair fails', async () => {
    const [a, b] = await drafts();
    vi.spyOn(t.core.domains.analytics.service, 'createAbPair').mockRejectedValueOnce(
      new ContractError('CONFLICT', 'These two posts are already an A/B pair on LinkedIn.'),
    );
    const error = await invokeError(t.core, 'planning:schedule-ab-pair', { postA: a.id, postB: b.id });
    expect(error.code).toBe('CONFLICT');
    for (const id of [a.id, b.id]) {
      expect(await t.core.services.posts.get(id)).toMatchObject({ status: 'draft', scheduledAt: null });
    }
  });

  it.each([
    [
      'posts with no platform in common',
      async () => ({ postA: (await postAt(t, 'x', null)).id, postB: (await postAt(t, 'linkedin', null)).id }),
      'CONFLICT',
      'Posts A and B have no platform in common: an A/B pair compares two posts on the same platform.',
    ],
    [
      'a platform one post does not target',
      async () => ({
        postA: (await postAt(t, ['x', 'linkedin'], null)).id,
        postB: (await postAt(t, 'linkedin', null)).id,
        platform: 'x' as const,
      }),
      'CONFLICT',
      'Post B does not target X.',
    ],
    [
      'a published post',
      async () => ({
        postA: (await postAt(t, 'linkedin', null)).id,
        postB: (await postAt(t, 'linkedin', null, { status: 'published' })).id,
      }),
      'CONFLICT',
      'Post B is already published; its time cannot change.',
    ],
    [
      'an unknown post',
      async () => ({ postA: '00000000-0000-4000-8000-000000000000', postB: (await postAt(t, 'linkedin', null)).id }),
      'NOT_FOUND',
      'Post A was not found.',
    ],
  ])('refuses %s', async (_, input, code, message) => {
    const error = await invokeError(t.core, 'planning:schedule-ab-pair', await input());
    expect(error).toMatchObject({ code, message });
  });

  it('refuses the same pair twice (either order) without moving the posts', async () => {
    const [a, b] = await drafts();
    await invokeOk(t.core, 'planning:schedule-ab-pair', { postA: a.id, postB: b.id });
    const before = await t.core.services.posts.get(a.id);
    const error = await invokeError(t.core, 'planning:schedule-ab-pair', { postA: b.id, postB: a.id });
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'These two posts are already an A/B pair on LinkedIn.' });
    expect((await t.core.services.posts.get(a.id)).version).toBe(before.version);
  });

  it('refuses two identical posts before anything runs', async () => {
    const [a] = await drafts();
    const error = await invokeError(t.core, 'planning:schedule-ab-pair', { postA: a.id, postB: a.id });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(error)).toContain('Pick two different posts');
  });
});
