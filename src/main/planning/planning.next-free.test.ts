import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invokeError, invokeOk } from '../../../test/support/invoke';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { AnalyticsFixtures } from '../analytics/analytics.fixtures.test-support';
import { planningProfile, postAt } from './planning.fixtures.test-support';

// The clock starts on Wednesday 2026-11-25 at 10:00 UTC (11:00 in Berlin, after that day's 10:00 slot).
// LinkedIn's published best times are Tue/Wed 10–11; the cadence (Tue, Wed, twice a week) gives
// one slot a day: Tuesday 10:00 and Wednesday 10:00 Berlin time.
describe('planning: next free slot', () => {
  let t: TestCore;

  beforeEach(async () => {
    t = await createTestCore();
    await t.core.services.profile.save(planningProfile());
  });

  afterEach(async () => {
    await t.dispose();
  });

  it('returns the next slot in the creator’s zone and says why', async () => {
    const slot = await invokeOk(t.core, 'planning:next-free-slot', { platform: 'linkedin' });
    expect(slot).toMatchObject({
      platform: 'linkedin',
      at: '2026-12-01T09:00:00.000Z',
      day: '2026-12-01',
      weekday: 1,
      time: '10:00',
      label: 'Tuesday 10:00',
      origin: 'best-time',
      evidence: 'default',
      score: 1,
      reason: 'Tuesday 10:00 — a best time from published studies',
    });
  });

  it('skips slots taken by a post of the same platform within the window, and only those', async () => {
    await postAt(t, 'linkedin', '2026-12-01T09:30:00.000Z'); // 30 min from Tuesday's slot: taken
    await postAt(t, 'x', '2026-12-02T09:00:00.000Z'); // another platform: does not count
    await postAt(t, 'linkedin', '2026-12-02T08:00:00.000Z'); // exactly 60 min away: not "within"
    const trashed = await postAt(t, 'linkedin', '2026-12-02T09:00:00.000Z');
    await t.core.services.posts.trash([trashed.id]);
    await postAt(t, 'linkedin', '2026-12-02T09:10:00.000Z', { status: 'draft' }); // not on the calendar

    const next = await invokeOk(t.core, 'planning:next-free-slot', { platform: 'linkedin' });
    expect(next.at).toBe('2026-12-02T09:00:00.000Z');
    expect(next.label).toBe('Wednesday 10:00');

    // A narrower window frees Tuesday again (the post is 30 minutes away).
    const narrow = await invokeOk(t.core, 'planning:next-free-slot', { platform: 'linkedin', windowMinutes: 20 });
    expect(narrow.at).toBe('2026-12-01T09:00:00.000Z');
  });

  it('counts a published post as taken at its publication time', async () => {
    await new AnalyticsFixtures(t.core).post({
      platform: 'linkedin',
      publishedAt: '2026-12-01T09:05:00.000Z',
      metrics: { impressions: 500, likes: 10 },
    });
    const next = await invokeOk(t.core, 'planning:next-free-slot', { platform: 'linkedin' });
    expect(next.at).toBe('2026-12-02T09:00:00.000Z');
  });

  it('keeps the local time across the DST change (Berlin, 28 March 2027)', async () => {
    const before = await invokeOk(t.core, 'planning:next-free-slot', {
      platform: 'linkedin',
      after: '2027-03-22T00:00:00Z',
    });
    expect(before).toMatchObject({ at: '2027-03-23T09:00:00.000Z', label: 'Tuesday 10:00' }); // CET, UTC+1
    await postAt(t, 'linkedin', before.at);
    await postAt(t, 'linkedin', '2027-03-24T09:00:00.000Z');
    const after = await invokeOk(t.core, 'planning:next-free-slot', {
      platform: 'linkedin',
      after: '2027-03-22T00:00:00Z',
    });
    expect(after).toMatchObject({ at: '2027-03-30T08:00:00.000Z', label: 'Tuesday 10:00' }); // CEST, UTC+2
  });

  it('never suggests the past: an earlier "after" starts from now', async () => {
    const slot = await invokeOk(t.core, 'planning:next-free-slot', {
      platform: 'linkedin',
      after: '2020-01-01T00:00:00Z',
    });
    expect(slot.at).toBe('2026-12-01T09:00:00.000Z');
  });

  it('says "a best time from your posts" once the creator has enough posts in a slot', async () => {
    await t.core.services.profile.save(planningProfile({ cadence: { postsPerWeek: 1, days: ['thu'] } }));
    const fx = new AnalyticsFixtures(t.core);
    // Ten Thursdays at 15:00 Berlin (14:00 UTC in winter): enough for the slot to be "yours".
    for (let i = 0; i < 10; i++) {
      const day = new Date(Date.parse('2026-09-10T13:00:00Z') + i * 7 * 86_400_000); // CEST until 25 Oct
      const publishedAt =
        day.getTime() > Date.parse('2026-10-25T00:00:00Z') ? new Date(day.getTime() + 3_600_000) : day;
      await fx.post({
        platform: 'linkedin',
        publishedAt: publishedAt.toISOString(),
        metrics: { impressions: 1000, likes: 50 },
      });
    }
    const slot = await invokeOk(t.core, 'planning:next-free-slot', { platform: 'linkedin' });
    expect(slot).toMatchObject({
      at: '2026-11-26T14:00:00.000Z',
      label: 'Thursday 15:00',
      evidence: 'yours',
      reason: 'Thursday 15:00 — a best time from your posts',
    });
  });

  it.each([
    [{ platform: 'myspace' }, 'platform'],
    [{ platform: 'x', windowMinutes: 0 }, 'The spacing must be at least 1 minute'],
    [{ platform: 'x', after: 'soon' }, 'after'],
  ])('refuses bad input %j', async (input, text) => {
    const error = await invokeError(t.core, 'planning:next-free-slot', input);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(error)).toContain(text);
  });
});
