import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { AnalyticsFixtures } from './analytics.fixtures.test-support';
import { createAnalytics } from './analytics.setup';
import { addDays } from './math/growth';
import { invokeTyped } from '../../../test/support/invoke';

/** A follower level per day from `from` to `to`, gaining a gently varying +8…+12 a day, with planted changes. */
function followerSeries(from: string, to: string, planted: Record<string, number> = {}): Record<string, number> {
  const wobble = [9, 10, 11, 10, 12, 8, 10];
  const out: Record<string, number> = {};
  let level = 1000;
  let i = 0;
  for (let day = from; day <= to; day = addDays(day, 1), i++) {
    level += planted[day] ?? (wobble[i % wobble.length] as number);
    out[day] = level;
  }
  return out;
}

describe('analytics anomalies', () => {
  let t: TestCore;
  let fx: AnalyticsFixtures;
  let ana: string;
  let calm: string;
  let events: { event: string; payload: unknown }[];

  beforeEach(async () => {
    // Now: 2026-11-25 10:00 UTC; no profile, so days are UTC.
    t = await createTestCore();
    fx = new AnalyticsFixtures(t.core);
    events = [];
    t.core.events.onAny((event, payload) => events.push({ event, payload }));
    ana = await fx.account('x', '@ana');
    calm = await fx.account('linkedin', 'ana-calm');
    // Planted: +300 on Nov 10 (the day of a viral post) and −150 on Nov 20 (8 days after the last post).
    await fx.followers(ana, followerSeries('2026-10-01', '2026-11-24', { '2026-11-10': 300, '2026-11-20': -150 }));
    await fx.followers(calm, followerSeries('2026-10-01', '2026-11-24'));
    const usual = [90, 100, 110, 105, 95];
    let i = 0;
    for (let day = '2026-10-01'; day <= '2026-11-12'; day = addDays(day, 1), i++) {
      const viral = day === '2026-11-10';
      await fx.post({
        title: viral ? 'Viral thread' : `Post ${day}`,
        platform: 'x',
        accountId: ana,
        publishedAt: `${day}T15:00:00.000Z`,
        metrics: { impressions: 5000, likes: viral ? 2000 : (usual[i % usual.length] as number) },
      });
    }
  });

  afterEach(async () => {
    await t.dispose();
  });

  it('finds the planted spike and drop once each, with their likely causes, and notifies once', async () => {
    const found = await t.core.domains.analytics.service.scanAnomalies();
    const summary = found.map((a) => [a.metric, a.accountHandle, a.date, a.direction]);
    expect(summary).toEqual([
      ['followers', '@ana', '2026-11-10', 'spike'],
      ['engagements', null, '2026-11-10', 'spike'],
      ['followers', '@ana', '2026-11-20', 'drop'],
    ]);
    expect(found[0]?.cause).toBe('Likely from your post “Viral thread” published on Nov 10, 2026.');
    expect(found[1]?.cause).toBe('Likely from your post “Viral thread” published on Nov 10, 2026.');
    expect(found[2]?.cause).toBe('You had not posted for 8 days.');
    expect(found[0]).toMatchObject({ value: 300, expected: 10 });
    expect(found.every((a) => a.notifiedAt === '2026-11-25T10:00:00.000Z')).toBe(true);

    expect(t.notifications).toHaveLength(3);
    expect(t.notifications[0]).toEqual({
      title: 'Followers spike on @ana',
      body: '+300 followers on Nov 10 (usually +10 a day). Likely from your post “Viral thread” published on Nov 10, 2026.',
    });
    expect(events.filter((e) => e.event === 'analytics:anomalies')).toEqual([
      { event: 'analytics:anomalies', payload: { count: 3 } },
    ]);

    // A second scan finds nothing new and notifies no one.
    t.clock.advance(3_600_000);
    expect(await t.core.domains.analytics.service.scanAnomalies()).toEqual([]);
    expect(t.notifications).toHaveLength(3);
    expect(events.filter((e) => e.event === 'analytics:anomalies')).toHaveLength(1);
  });

  it('raises nothing on a smooth series', async () => {
    await t.core.domains.analytics.service.scanAnomalies();
    const listed = await invokeTyped(t.core, 'analytics:list-anomalies', {});
    expect(listed.ok && listed.value.filter((a) => a.accountId === calm)).toEqual([]);
  });

  it('lists by date range, dismisses, and never raises a dismissed one again', async () => {
    await t.core.domains.analytics.service.scanAnomalies();
    const inRange = await invokeTyped(t.core, 'analytics:list-anomalies', {
      from: '2026-11-15',
      to: '2026-11-30',
    });
    expect(inRange.ok && inRange.value.map((a) => a.date)).toEqual(['2026-11-20']);
    if (!inRange.ok) return;
    const id = inRange.value[0]?.id as number;
    const dismissed = await invokeTyped(t.core, 'analytics:dismiss-anomaly', { id });
    expect(dismissed.ok && dismissed.value.dismissedAt).toBe('2026-11-25T10:00:00.000Z');
    const visible = await invokeTyped(t.core, 'analytics:list-anomalies', {});
    expect(visible.ok && visible.value.map((a) => a.date)).toEqual(['2026-11-10', '2026-11-10']);
    const all = await invokeTyped(t.core, 'analytics:list-anomalies', { includeDismissed: true });
    expect(all.ok && all.value).toHaveLength(3);
    expect(await t.core.domains.analytics.service.scanAnomalies()).toEqual([]);
    const missing = await invokeTyped(t.core, 'analytics:dismiss-anomaly', { id: 9999 });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });

  it('scans after an analytics:changed event, debounced', async () => {
    const domain = createAnalytics(
      {
        ports: t.core.ports,
        database: t.core.database,
        events: t.core.events,
        llm: t.core.services.llm,
        posts: t.core.services.posts,
        profile: t.core.services.profile,
      },
      { startupDelayMs: 3_600_000, debounceMs: 10 },
    );
    domain.start();
    const seen = new Promise<unknown>((resolve) =>
      t.core.events.onAny((event, payload) => event === 'analytics:anomalies' && resolve(payload)),
    );
    t.core.events.emit('analytics:changed', { reason: 'import' });
    t.core.events.emit('analytics:changed', { reason: 'import' });
    expect(await seen).toEqual({ count: 3 });
    await domain.close();
    expect(t.notifications).toHaveLength(3);
  });
});
