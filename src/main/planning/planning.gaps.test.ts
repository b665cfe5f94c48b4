import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invokeError, invokeOk } from '../../../test/support/invoke';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { AnalyticsFixtures } from '../analytics/analytics.fixtures.test-support';
import { planningProfile, postAt } from './planning.fixtures.test-support';

// Now: Wednesday 2026-11-25 10:00 UTC (11:00 Berlin). Cadence: 2 posts a week; LinkedIn slots Tue and
// Wed 10:00 Berlin, Bluesky (custom) Wed 10:00 as well.
describe('planning: gaps against the weekly cadence', () => {
  let t: TestCore;

  beforeEach(async () => {
    t = await createTestCore();
    await t.core.services.profile.save(planningProfile({ platforms: ['linkedin', 'bluesky'] }));
    await invokeOk(t.core, 'planning:save-slots', { platform: 'bluesky', slots: [{ weekday: 2, hour: 10 }] });
  });

  afterEach(async () => {
    await t.dispose();
  });

  it('counts each ISO week in the creator’s zone and suggests free slots for what is missing', async () => {
    await new AnalyticsFixtures(t.core).post({
      platform: 'linkedin',
      publishedAt: '2026-11-17T09:00:00.000Z',
      metrics: { impressions: 100, likes: 1 },
    });
    await postAt(t, 'linkedin', '2026-11-24T09:00:00.000Z'); // this week, already past: still planned
    await postAt(t, 'linkedin', '2026-12-01T09:00:00.000Z');
    await postAt(t, ['x', 'linkedin'], '2026-11-29T23:30:00.000Z'); // Monday 00:30 in Berlin: next week, once
    await postAt(t, 'x', '2026-12-13T22:30:00.000Z'); // Sunday 23:30 in Berlin: week of 7 December
    await postAt(t, 'linkedin', '2026-12-15T09:00:00.000Z', { status: 'draft' }); // a draft is not planned
    const trashed = await postAt(t, 'linkedin', '2026-12-16T09:00:00.000Z');
    await t.core.services.posts.trash([trashed.id]);

    const gaps = await invokeOk(t.core, 'planning:get-gaps', { from: '2026-11-18', to: '2026-12-14' });
    expect(gaps.timezone).toBe('Europe/Berlin');
    expect(gaps.postsPerWeek).toBe(2);
    expect(
      gaps.weeks.map((w) => ({
        week: `${w.weekStart}..${w.weekEnd}`,
        counts: [w.scheduled, w.published, w.missing],
        past: w.past,
        suggestions: w.suggestions.map((s) => `${s.platform} ${s.at}`),
        message: w.message,
      })),
    ).toEqual([
      {
        week: '2026-11-16..2026-11-22',
        counts: [0, 1, 1],
        past: true,
        suggestions: [],
        message: 'This week is over: it ended 1 short of your 2 a week.',
      },
      {
        week: '2026-11-23..2026-11-29',
        counts: [1, 0, 1],
        past: false,
        suggestions: [],
        message: '1 short of your 2 a week, and no free slot is left this week.',
      },
      {
        week: '2026-11-30..2026-12-06',
        counts: [2, 0, 0],
        past: false,
        suggestions: [],
        message: 'On track: 2 of 2 planned.',
      },
      {
        week: '2026-12-07..2026-12-13',
        counts: [1, 0, 1],
        past: false,
        suggestions: ['linkedin 2026-12-08T09:00:00.000Z'],
        message: '1 short of your 2 a week: 1 free slot suggested.',
      },
      {
        week: '2026-12-14..2026-12-20',
        counts: [0, 0, 2],
        past: false,
        // Wednesday has a LinkedIn and a Bluesky slot at the same instant: one post per moment.
        suggestions: ['linkedin 2026-12-15T09:00:00.000Z', 'linkedin 2026-12-16T09:00:00.000Z'],
        message: '2 short of your 2 a week: 2 free slots suggested.',
      },
    ]);
    // The published Tuesday 10:00 post now backs that slot, blended with the studies.
    expect(gaps.weeks[3]?.suggestions[0]?.reason).toBe(
      'Tuesday 10:00 — a best time from your posts and published studies',
    );
  });

  it('says "only N left" when fewer free slots remain than are missing', async () => {
    await t.core.services.profile.save(
      planningProfile({ platforms: ['linkedin'], cadence: { postsPerWeek: 3, days: ['tue', 'wed'] } }),
    );
    await invokeOk(t.core, 'planning:save-slots', {
      platform: 'linkedin',
      slots: [
        { weekday: 1, hour: 10 },
        { weekday: 2, hour: 10 },
        { weekday: 2, hour: 11 },
      ],
    });
    const empty = await invokeOk(t.core, 'planning:get-gaps', { from: '2026-12-07', to: '2026-12-07' });
    expect(empty.weeks).toHaveLength(1);
    expect(empty.weeks[0]).toMatchObject({ missing: 3, message: '3 short of your 3 a week: 3 free slots suggested.' });

    // Wednesday 10:30 Berlin sits 30 minutes from both Wednesday slots: only Tuesday stays free.
    await postAt(t, 'linkedin', '2026-12-09T09:30:00.000Z');
    const fewer = await invokeOk(t.core, 'planning:get-gaps', { from: '2026-12-07', to: '2026-12-13' });
    expect(fewer.weeks[0]).toMatchObject({
      scheduled: 1,
      missing: 2,
      message: '2 short of your 3 a week; only 1 free slot left this week.',
    });
    expect(fewer.weeks[0]?.suggestions.map((s) => s.label)).toEqual(['Tuesday 10:00']);
  });

  it('needs a profile to know the cadence', async () => {
    const fresh = await createTestCore();
    try {
      const error = await invokeError(fresh.core, 'planning:get-gaps', { from: '2026-12-01', to: '2026-12-31' });
      expect(error).toMatchObject({
        code: 'NOT_FOUND',
        message: 'Set up your profile first (onboarding): gaps are measured against your weekly cadence.',
      });
    } finally {
      await fresh.dispose();
    }
  });

  it.each([
    [{ from: '2026-12-31', to: '2026-12-01' }, 'The start date must be on or before the end date'],
    [{ from: '2026-01-01', to: '2027-01-05' }, 'Pick at most 366 days'],
    [{ from: '2026-12-01', to: 'next week' }, 'Use a date like 2027-03-31'],
  ])('refuses %j', async (input, message) => {
    const error = await invokeError(t.core, 'planning:get-gaps', input);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(error)).toContain(message);
  });
});
