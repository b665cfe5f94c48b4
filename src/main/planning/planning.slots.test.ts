import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../shared/domain/platform';
import { invokeError, invokeOk } from '../../../test/support/invoke';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { planningProfile } from './planning.fixtures.test-support';
import { SLOTS_KEY } from './slot-store';

describe('planning: weekly slots', () => {
  let t: TestCore;

  beforeEach(async () => {
    t = await createTestCore();
  });

  afterEach(async () => {
    await t.dispose();
  });

  it('suggests cadence days × best hours, borrowing a best hour for days the studies do not rate', async () => {
    // X's published best times are Tue–Fri 9–11; the top five are Tue 9, 10, 11 and Wed 9, 10.
    await t.core.services.profile.save(
      planningProfile({ platforms: ['x'], cadence: { postsPerWeek: 3, days: ['mon', 'wed', 'fri'] } }),
    );
    const { timezone, platforms } = await invokeOk(t.core, 'planning:get-slots', {});
    expect(timezone).toBe('Europe/Berlin');
    expect(platforms).toHaveLength(1);
    const [x] = platforms;
    expect(x?.custom).toBe(false);
    expect(x?.note).toMatch(/^Your cadence days \(Mon, Wed, Fri\) at X's best hours\. No X posts/);
    expect(x?.slots.map((s) => [s.label, s.origin, s.score, s.why])).toEqual([
      ['Monday 09:00', 'best-hour', null, 'one of your cadence days, at a best hour from published studies'],
      ['Wednesday 09:00', 'best-time', 1, 'a best time from published studies'],
      ['Friday 09:00', 'best-hour', null, 'one of your cadence days, at a best hour from published studies'],
    ]);
  });

  it('gives each cadence day enough hours for the weekly target', async () => {
    await t.core.services.profile.save(planningProfile({ cadence: { postsPerWeek: 4, days: ['tue', 'wed'] } }));
    const { platforms } = await invokeOk(t.core, 'planning:get-slots', {});
    expect(platforms[0]?.slots.map((s) => s.label)).toEqual([
      'Tuesday 10:00',
      'Tuesday 11:00',
      'Wednesday 10:00',
      'Wednesday 11:00',
    ]);
  });

  it('saves a platform’s own slots, marks those that are best times, and resets them with null', async () => {
    await t.core.services.profile.save(planningProfile());
    const saved = await invokeOk(t.core, 'planning:save-slots', {
      platform: 'linkedin',
      slots: [
        { weekday: 4, hour: 17, minute: 30 },
        { weekday: 1, hour: 10 },
      ],
    });
    expect(saved.custom).toBe(true);
    expect(saved.note).toBe('Your own LinkedIn slots.');
    expect(saved.slots.map((s) => [s.label, s.origin, s.evidence, s.why])).toEqual([
      ['Tuesday 10:00', 'custom', 'default', 'one of your slots, also a best time from published studies'],
      ['Friday 17:30', 'custom', null, 'one of your slots'],
    ]);
    const next = await invokeOk(t.core, 'planning:next-free-slot', { platform: 'linkedin' });
    expect(next).toMatchObject({ at: '2026-11-27T16:30:00.000Z', reason: 'Friday 17:30 — one of your slots' });

    // Another platform's list does not disturb this one; it joins the listing.
    await invokeOk(t.core, 'planning:save-slots', { platform: 'bluesky', slots: [{ weekday: 6, hour: 8 }] });
    const listed = await invokeOk(t.core, 'planning:get-slots', {});
    expect(listed.platforms.map((p) => [p.platform, p.custom, p.slots.length])).toEqual([
      ['linkedin', true, 2],
      ['bluesky', true, 1],
    ]);

    const reset = await invokeOk(t.core, 'planning:save-slots', { platform: 'linkedin', slots: null });
    expect(reset.custom).toBe(false);
    expect(reset.slots.map((s) => s.label)).toEqual(['Tuesday 10:00', 'Wednesday 10:00']);
  });

  it('falls back to the suggested slots when the stored document is unreadable', async () => {
    await t.core.services.profile.save(planningProfile());
    await t.core.database.db
      .insertInto('settings')
      .values({ key: SLOTS_KEY, value: JSON.stringify({ linkedin: [{ weekday: 9 }] }), updated_at: 'x' })
      .execute();
    const { platforms } = await invokeOk(t.core, 'planning:get-slots', {});
    expect(platforms[0]).toMatchObject({ platform: 'linkedin', custom: false });
  });

  it('lists every platform’s best times before onboarding', async () => {
    const { timezone, platforms } = await invokeOk(t.core, 'planning:get-slots', {});
    expect(timezone).toBe('UTC');
    expect(platforms.map((p) => p.platform)).toEqual([...PLATFORMS]);
    expect(platforms.find((p) => p.platform === 'youtube')?.slots.map((s) => s.label)).toEqual(['Friday 15:00']);
  });

  it.each([
    [{ platform: 'x', slots: [] }, 'Add at least one slot, or reset the platform to the suggested slots'],
    [
      {
        platform: 'x',
        slots: [
          { weekday: 1, hour: 9 },
          { weekday: 1, hour: 9 },
        ],
      },
      'The same slot is listed twice',
    ],
    [{ platform: 'x', slots: [{ weekday: 7, hour: 9 }] }, 'Pick a weekday (0 = Monday … 6 = Sunday)'],
    [{ platform: 'x', slots: [{ weekday: 1, hour: 25 }] }, 'The hour must be 0–23'],
  ])('refuses bad slots %j', async (input, message) => {
    const error = await invokeError(t.core, 'planning:save-slots', input);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(error)).toContain(message);
  });
});
