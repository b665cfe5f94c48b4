import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { weeklyModel } from './report-model.test-support';
import { BERLIN_PROFILE } from './reports.fixtures.test-support';
import { WEEKLY_NOTIFICATION_TITLE, weeklyNotificationBody } from './weekly-report.scheduler';

/** A core on a data folder that outlives it, as when the app is closed and opened again. */
async function openApp(dataDir: string, now: string): Promise<TestCore> {
  const t = await createTestCore({ dataDir, now });
  await t.core.domains.reports.scheduler.idle();
  return t;
}

async function weeklyReports(t: TestCore): Promise<{ from: string; createdAt: string }[]> {
  const all = await t.core.domains.reports.service.list();
  return all.filter((r) => r.kind === 'weekly').map((r) => ({ from: r.from, createdAt: r.createdAt }));
}

describe('weekly report catch-up', () => {
  let dataDir: string;
  let open: TestCore | null;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cadence-reports-'));
    open = null;
  });
  afterEach(async () => {
    await open?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function reopen(now: string): Promise<TestCore> {
    await open?.dispose();
    open = await openApp(dataDir, now);
    return open;
  }

  it('makes the report missed while the app was closed exactly once', async () => {
    // Onboarded on Tuesday 10 Nov; the app stays closed over Monday 23 Nov 08:00 Berlin (07:00 UTC).
    const first = await reopen('2026-11-10T10:00:00.000Z');
    await first.core.services.profile.save(BERLIN_PROFILE);

    const second = await reopen('2026-11-25T10:00:00.000Z');
    expect(await weeklyReports(second)).toEqual([{ from: '2026-11-16', createdAt: '2026-11-25T10:00:00.000Z' }]);
    expect(second.notifications).toEqual([
      { title: WEEKLY_NOTIFICATION_TITLE, body: '16 – 22 Nov 2026: no posts were published that week.' },
    ]);

    // Opened again the same week: the report is there, so nothing new.
    const third = await reopen('2026-11-26T09:00:00.000Z');
    expect(await weeklyReports(third)).toHaveLength(1);
    expect(third.notifications).toEqual([]);

    // After the next Monday's time has passed with the app closed again: one more.
    const fourth = await reopen('2026-12-01T07:30:00.000Z');
    expect((await weeklyReports(fourth)).map((r) => r.from)).toEqual(['2026-11-23', '2026-11-16']);
    expect(fourth.notifications).toHaveLength(1);
  });

  it('makes nothing before onboarding, or when the scheduled time came before the creator onboarded', async () => {
    const first = await reopen('2026-11-25T10:00:00.000Z');
    expect(await weeklyReports(first)).toEqual([]);
    await first.core.services.profile.save(BERLIN_PROFILE);

    const second = await reopen('2026-11-26T10:00:00.000Z');
    expect(await weeklyReports(second)).toEqual([]);
    expect(second.notifications).toEqual([]);
  });

  it('makes nothing when the schedule is off', async () => {
    const first = await reopen('2026-11-10T10:00:00.000Z');
    await first.core.services.profile.save(BERLIN_PROFILE);
    await first.core.domains.reports.service.saveSchedule({ enabled: false, weekday: 'mon', hour: 8 });

    const second = await reopen('2026-11-25T10:00:00.000Z');
    expect(await weeklyReports(second)).toEqual([]);
    expect(second.core.domains.reports.scheduler.nextRun()).toBeNull();
  });
});

describe('weekly report planning', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore({ now: '2026-11-25T10:00:00.000Z' });
  });
  afterEach(async () => {
    await t.dispose();
  });

  /** The planned run as weekday and hour in a time zone (croner plans from the real time). */
  function plannedLocal(timezone: string): { weekday: number; hour: number; minute: number } | null {
    const next = t.core.domains.reports.scheduler.nextRun();
    if (next === null) return null;
    const local = new TZDate(next, timezone);
    return { weekday: local.getDay(), hour: local.getHours(), minute: local.getMinutes() };
  }

  it('plans nothing before onboarding, then follows the schedule and the time zone', async () => {
    const { scheduler, service } = t.core.domains.reports;
    expect(scheduler.nextRun()).toBeNull();

    await t.core.services.profile.save(BERLIN_PROFILE);
    await scheduler.idle();
    expect(plannedLocal('Europe/Berlin')).toEqual({ weekday: 1, hour: 8, minute: 0 });

    await service.saveSchedule({ enabled: true, weekday: 'fri', hour: 17 });
    await scheduler.idle();
    expect(plannedLocal('Europe/Berlin')).toEqual({ weekday: 5, hour: 17, minute: 0 });

    await t.core.services.profile.save({ ...BERLIN_PROFILE, timezone: 'Asia/Tokyo' });
    await scheduler.idle();
    expect(plannedLocal('Asia/Tokyo')).toEqual({ weekday: 5, hour: 17, minute: 0 });

    await service.saveSchedule({ enabled: false, weekday: 'fri', hour: 17 });
    await scheduler.idle();
    expect(scheduler.nextRun()).toBeNull();
  });

  it('stops its job on close', async () => {
    await t.core.services.profile.save(BERLIN_PROFILE);
    await t.core.domains.reports.scheduler.idle();
    expect(t.core.domains.reports.scheduler.nextRun()).not.toBeNull();
    await t.core.domains.reports.close();
    expect(t.core.domains.reports.scheduler.nextRun()).toBeNull();
  });
});

describe('weeklyNotificationBody', () => {
  it('quotes the week and its headline figures', () => {
    const model = weeklyModel();
    expect(weeklyNotificationBody({ meta: {} as never, model })).toBe(
      '16 – 22 Nov 2026: 2 posts, 15,500 impressions, engagement rate 5.14 %. Download the PDF or CSV in Analytics.',
    );
  });

  it('says plainly when nothing was published', () => {
    const model = weeklyModel({ posts: [], postsPublished: 0 });
    expect(weeklyNotificationBody({ meta: {} as never, model })).toBe(
      '16 – 22 Nov 2026: no posts were published that week.',
    );
  });
});
