import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../../test/support/test-core';
import {
  addAccount,
  addFollowerDays,
  addPublication,
  invokeOk,
  profileOf,
  saveProfileAt,
} from '../coach.fixtures.test-support';
import { matchingBenchmarks } from './cohort';

describe('matchingBenchmarks', () => {
  it.each([
    { followers: 500, followerBand: 'all' }, // below the smallest band: the whole-sample row
    { followers: 1000, followerBand: '1k-10k' },
    { followers: 9999, followerBand: '1k-10k' },
    { followers: 10000, followerBand: '10k-50k' },
    { followers: 60000, followerBand: 'all' }, // mid tier not published
    { followers: 2_000_000, followerBand: '1m+' },
    { followers: null, followerBand: 'all' },
  ])('instagram with $followers followers → $followerBand', ({ followers, followerBand }) => {
    const rows = matchingBenchmarks('instagram', followers);
    expect(rows.map((r) => [r.basis, r.band])).toEqual([
      ['followers', followerBand],
      ['impressions', 'all'],
    ]);
  });

  it('has nothing for Bluesky', () => {
    expect(matchingBenchmarks('bluesky', 100)).toEqual([]);
  });
});

let t: TestCore;
afterEach(() => t?.dispose());

describe('coach:get-cohort', () => {
  it('compares on each basis with sources, says when a platform has no benchmark, and keeps aggregates honest', async () => {
    t = await createTestCore({ now: '2026-11-25T10:00:00.000Z' });
    await saveProfileAt(t, '2026-11-01T09:00:00.000Z', profileOf());
    const ig = await addAccount(t, { platform: 'instagram' });
    const bsky = await addAccount(t, { platform: 'bluesky' });
    await addFollowerDays(t, ig, [{ date: '2026-11-20', followers: 5000 }]);
    await addPublication(t, {
      publishedAt: '2026-11-20T10:00:00.000Z',
      accountId: ig,
      impressions: 2000,
      reach: 1000,
      likes: 80,
      comments: 20,
    });
    await addPublication(t, {
      publishedAt: '2026-11-21T10:00:00.000Z',
      accountId: bsky,
      platform: 'bluesky',
      likes: 3,
    });

    const result = { value: await invokeOk(t, 'coach:get-cohort', {}) };
    const [bluesky, instagram] = result.value.platforms;
    expect(bluesky).toMatchObject({
      platform: 'bluesky',
      comparisons: [],
      note: expect.stringMatching(/No published engagement-rate benchmark/),
    });
    expect(instagram?.followers).toBe(5000);
    expect(instagram?.comparisons.map((c) => [c.basis, c.band, c.benchmarkPercent, c.yourPercent])).toEqual([
      ['followers', '1k-10k', 1.78, 2], // 100 interactions per post / 5000 followers
      ['impressions', 'all', 1.16, 5], // 100 / 2000 impressions
    ]);
    expect(instagram?.comparisons[0]?.source).toMatchObject({ year: 2026, url: expect.stringMatching(/^https:/) });
    expect(instagram?.comparisons[0]?.sentence).toMatch(/above the benchmark/);
    expect(result.value.aggregates).toEqual({
      available: false,
      consent: false,
      reason: 'Needs the Cadence sync service (not set up on this device)',
    });
    await t.core.dispatcher.invoke('coach:save-preferences', { shareAggregates: true });
    expect(await t.core.dispatcher.invoke('coach:get-cohort', {})).toMatchObject({
      ok: true,
      value: { aggregates: { available: false, consent: true } },
    });
  });
});
