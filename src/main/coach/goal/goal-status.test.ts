import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../../test/support/test-core';
import { forecastDrift, probabilityAtLeast } from '../../analytics/math/forecast';
import {
  addAccount,
  addFollowerDays,
  dayPlus,
  invokeOk,
  profileOf,
  saveProfileAt,
} from '../coach.fixtures.test-support';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ now: '2026-11-25T10:00:00.000Z' });
});
afterEach(() => t.dispose());

/** Followers from 2026-10-01: 1000 on Nov 1 (the goal's start), +8 and +12 on alternate days. */
function followerSeries(to: string): { date: string; followers: number }[] {
  const out: { date: string; followers: number }[] = [];
  let value = 1000 - 31 * 10;
  for (let day = '2026-10-01', i = 0; day <= to; day = dayPlus(day, 1), i++) {
    out.push({ date: day, followers: value });
    value += i % 2 === 0 ? 8 : 12;
  }
  return out;
}

const invoke = (channel: 'coach:get-goal-status') => invokeOk(t, channel, {});

describe('coach:get-goal-status', () => {
  it('refuses before onboarding', async () => {
    const result = await t.core.dispatcher.invoke('coach:get-goal-status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('reads an engagement-rate target in percent, as the profile asks for it, against fraction series', async () => {
    await saveProfileAt(
      t,
      '2026-11-01T09:00:00.000Z',
      profileOf({ goal: { metric: 'engagement_rate', target: 5, deadline: '2027-03-01' } }),
    );
    const status = await invoke('coach:get-goal-status');
    expect(status.unit).toBe('fraction');
    expect(status.goal.target).toBe(0.05);
    expect(status.needed.at(-1)).toEqual({ date: '2027-03-01', value: 0.05 });
    expect(Math.max(...status.milestones.map((m) => m.value))).toBe(0.05);
  });

  it('gives the needed path, the forecast with its probability and the milestones on a fixture series', async () => {
    await saveProfileAt(t, '2026-11-01T09:00:00.000Z', profileOf());
    const account = await addAccount(t);
    const series = followerSeries('2026-11-25');
    await addFollowerDays(t, account, series);

    const status = await invoke('coach:get-goal-status');

    expect(status.goal).toEqual({
      metric: 'followers',
      target: 2000,
      deadline: '2027-03-01',
      startedAt: '2026-11-01T09:00:00.000Z',
    });
    const nov1 = series.find((p) => p.date === '2026-11-01')?.followers as number;
    const nov25 = series.at(-1)?.followers as number;
    expect(status.baseline).toBe(nov1);
    expect(status.current).toBe(nov25);
    expect(status.progressPercent).toBeCloseTo(((nov25 - nov1) / (2000 - nov1)) * 100, 9);
    // Linear from the baseline on Nov 1 to the target on Mar 1: 120 days, 121 points.
    expect(status.needed).toHaveLength(121);
    expect(status.needed[0]).toEqual({ date: '2026-11-01', value: nov1 });
    expect(status.needed.at(-1)).toEqual({ date: '2027-03-01', value: 2000 });
    expect(status.neededToday).toBeCloseTo(nov1 + ((2000 - nov1) * 24) / 120, 9);
    expect(status.daysLeft).toBe(96);

    // The forecast is the math's drift model on the days with data (Oct 1 – Nov 25).
    const fitted = series.map((p) => p.followers);
    const expected = forecastDrift(fitted, 96, 0.8);
    if (expected.insufficient) throw new Error('fixture too short');
    expect(status.forecast).toMatchObject({
      available: true,
      method: 'drift',
      daysOfData: fitted.length,
      level: 0.8,
      point: expected.point,
      lower: expected.lower,
      upper: expected.upper,
      probability: probabilityAtLeast(expected, 2000),
    });
    if (!status.forecast.available) throw new Error('unreachable');
    expect(status.forecast.path).toHaveLength(96);
    expect(status.forecast.path[0]?.date).toBe('2026-11-26');
    expect(status.forecast.path.at(-1)?.date).toBe('2027-03-01');

    expect(status.milestones.map((m) => [m.fraction, m.value, m.dueDate, m.reachedAt])).toEqual([
      [0.25, nov1 + (2000 - nov1) * 0.25, '2026-12-01', null],
      [0.5, nov1 + (2000 - nov1) * 0.5, '2026-12-31', null],
      [0.75, nov1 + (2000 - nov1) * 0.75, '2027-01-30', null],
      [1, 2000, '2027-03-01', null],
    ]);
    expect(status.successPath[0]).toMatchObject({ weekStart: '2026-11-23', weekEnd: '2026-11-29', posts: 3 });
    expect(status.successPath.at(-1)).toMatchObject({
      weekStart: '2027-03-01',
      weekEnd: '2027-03-01',
      neededValue: 2000,
    });
    expect(status.definition).toMatch(/last known follower count/);
  });

  it('marks a reached milestone once, announces it once, and stops showing it once acknowledged', async () => {
    await saveProfileAt(
      t,
      '2026-11-01T09:00:00.000Z',
      profileOf({ goal: { metric: 'followers', target: 1400, deadline: '2027-03-01' } }),
    );
    const account = await addAccount(t);
    await addFollowerDays(t, account, [
      { date: '2026-11-01', followers: 1000 },
      { date: '2026-11-20', followers: 1090 },
    ]);
    const events: { name: string; payload: unknown }[] = [];
    t.core.events.onAny((name, payload) => events.push({ name, payload }));

    const before = await invoke('coach:get-goal-status');
    expect(before.uncelebrated).toEqual([]);

    await addFollowerDays(t, account, [{ date: '2026-11-25', followers: 1210 }]); // past 25 % (1100) and 50 % (1200)
    const first = await invoke('coach:get-goal-status');
    const again = await invoke('coach:get-goal-status');

    expect(first.uncelebrated.map((m) => m.fraction)).toEqual([0.25, 0.5]);
    expect(first.milestones.filter((m) => m.reachedAt).map((m) => m.reachedAt)).toEqual([
      '2026-11-25T10:00:00.000Z',
      '2026-11-25T10:00:00.000Z',
    ]);
    const milestoneEvents = events.filter((e) => e.name === 'coach:milestone');
    expect(milestoneEvents.map((e) => e.payload)).toEqual([
      { id: first.uncelebrated[0]?.id, fraction: 0.25, value: 1100 },
      { id: first.uncelebrated[1]?.id, fraction: 0.5, value: 1200 },
    ]);
    expect(t.notifications.map((n) => n.title)).toEqual([
      'Milestone reached: 25 % of your goal',
      'Milestone reached: 50 % of your goal',
    ]);
    expect(again.uncelebrated).toHaveLength(2);

    const ack = await t.core.dispatcher.invoke('coach:acknowledge-milestone', {
      id: first.uncelebrated[0]?.id as number,
    });
    expect(ack).toMatchObject({ ok: true, value: { fraction: 0.25, celebratedAt: '2026-11-25T10:00:00.000Z' } });
    expect((await invoke('coach:get-goal-status')).uncelebrated.map((m) => m.fraction)).toEqual([0.5]);
    const notReached = first.milestones.find((m) => m.fraction === 1)?.id as number;
    expect(await t.core.dispatcher.invoke('coach:acknowledge-milestone', { id: notReached })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('does not notify milestones when the creator turned that off', async () => {
    await saveProfileAt(
      t,
      '2026-11-01T09:00:00.000Z',
      profileOf({ goal: { metric: 'followers', target: 1400, deadline: '2027-03-01' } }),
    );
    await t.core.dispatcher.invoke('coach:save-preferences', { notifyMilestones: false });
    const account = await addAccount(t);
    await addFollowerDays(t, account, [
      { date: '2026-11-01', followers: 1000 },
      { date: '2026-11-25', followers: 1150 },
    ]);
    expect((await invoke('coach:get-goal-status')).uncelebrated).toHaveLength(1);
    expect(t.notifications).toEqual([]);
  });

  it('says honestly when there is not enough data for a forecast', async () => {
    await saveProfileAt(t, '2026-11-20T09:00:00.000Z', profileOf());
    const account = await addAccount(t);
    await addFollowerDays(t, account, [
      { date: '2026-11-23', followers: 900 },
      { date: '2026-11-24', followers: 910 },
      { date: '2026-11-25', followers: 925 },
    ]);
    const status = await invoke('coach:get-goal-status');
    expect(status.forecast).toEqual({
      available: false,
      reason: 'Not enough data yet: 3 days of data, need 7.',
      daysOfData: 3,
      daysNeeded: 7,
    });
    expect(status.series.map((p) => p.value)).toEqual([900, 910, 925]);
  });

  it('starts a new goal (now, fresh milestones) when the profile goal changes', async () => {
    await saveProfileAt(t, '2026-11-01T09:00:00.000Z', profileOf());
    await invoke('coach:get-goal-status');
    await t.core.services.profile.save(
      profileOf({ goal: { metric: 'posts_published', target: 40, deadline: '2027-01-31' } }),
    );
    const status = await invoke('coach:get-goal-status');
    expect(status.goal).toMatchObject({ metric: 'posts_published', target: 40, startedAt: '2026-11-25T10:00:00.000Z' });
    expect(status.baseline).toBe(0);
    expect(status.milestones.map((m) => m.value)).toEqual([10, 20, 30, 40]);
    expect(status.milestones[0]?.dueDate).toBe('2026-12-12'); // 67 days × 0.25, rounded up
  });
});
