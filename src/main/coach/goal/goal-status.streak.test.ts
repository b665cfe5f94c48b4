import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../../test/support/test-core';
import { addPublication, invokeOk, profileOf, saveProfileAt } from '../coach.fixtures.test-support';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ now: '2026-11-25T10:00:00.000Z' }); // a Wednesday
});
afterEach(() => t.dispose());

const streak = async () => (await invokeOk(t, 'coach:get-goal-status', {})).streak;

describe('coach:get-goal-status streak (kept until the data changes)', () => {
  it('follows new publications, trashed posts and a changed cadence at once', async () => {
    await saveProfileAt(t, '2026-10-01T09:00:00.000Z', profileOf({ cadence: { postsPerWeek: 1, days: ['mon'] } }));
    for (const day of ['2026-11-03', '2026-11-10', '2026-11-17'])
      await addPublication(t, { publishedAt: `${day}T09:00:00.000Z` });
    expect(await streak()).toMatchObject({ current: 3, best: 3, thisWeek: { published: 0, target: 1 } });
    expect(await streak()).toMatchObject({ current: 3, thisWeek: { published: 0 } });

    const today = await addPublication(t, { publishedAt: '2026-11-24T09:00:00.000Z' });
    expect(await streak()).toMatchObject({ current: 4, best: 4, thisWeek: { published: 1 } });

    await t.core.database.db
      .updateTable('posts')
      .set({ deleted_at: '2026-11-25T09:00:00.000Z' })
      .where('id', '=', today)
      .execute();
    expect(await streak()).toMatchObject({ current: 3, best: 3, thisWeek: { published: 0 } });

    await saveProfileAt(
      t,
      '2026-11-25T10:00:00.000Z',
      profileOf({ cadence: { postsPerWeek: 2, days: ['mon', 'thu'] } }),
    );
    expect(await streak()).toMatchObject({ current: 0, best: 0, thisWeek: { published: 0, target: 2 } });
  });
});
