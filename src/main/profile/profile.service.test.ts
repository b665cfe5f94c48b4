import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/domain/profile';
import { createTestCore, type TestCore } from '../../../test/support/test-core';

const profile: Profile = {
  name: 'Ada',
  niche: 'sourdough baking',
  platforms: ['x', 'bluesky'],
  timezone: 'Pacific/Auckland',
  goal: { metric: 'followers', target: 10_000, deadline: '2027-06-30' },
  cadence: { postsPerWeek: 3, days: ['mon', 'wed', 'fri'] },
};

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ now: '2026-11-25T10:00:00.000Z' });
});
afterEach(() => t.dispose());

describe('profile', () => {
  it('is empty before onboarding and saved after', async () => {
    expect(await t.core.services.profile.get()).toBeNull();
    expect((await t.core.services.app.info()).onboarded).toBe(false);
    await t.core.services.profile.save(profile);
    expect(await t.core.services.profile.get()).toEqual(profile);
    expect((await t.core.services.app.info()).onboarded).toBe(true);
  });

  it("refuses a deadline that is not after today in the creator's own time zone", async () => {
    // 10:00 UTC on the 25th is already 23:00 on the 25th in Auckland: the 25th is today there.
    const result = await t.core.dispatcher.invoke('profile:save-profile', {
      ...profile,
      goal: { ...profile.goal, deadline: '2026-11-25' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        details: { issues: [{ path: ['goal', 'deadline'], message: 'The deadline must be after today (2026-11-25)' }] },
      },
    });
    expect(await t.core.services.profile.get()).toBeNull();
  });
});
