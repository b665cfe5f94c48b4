import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestCore, type TestCore } from '../../../../test/support/test-core';
import { invokeError, invokeOk } from '../../../../test/support/invoke';
import { profileOf, saveProfileAt } from '../../coach/coach.fixtures.test-support';
import { ConnectorError } from '../providers/connector';
import { connectAccount } from '../queue/scripted-connector.test-support';
import { MetricsCollector } from './metrics-collector';
import { DAY_MS, HOUR_MS, nextPullAt } from './metrics-schedule';
import { MetricsPlatform, metricsPorts } from './metrics-platform.test-support';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const t of cores.splice(0)) await t.dispose();
});

async function setup() {
  const t = await createTestCore();
  cores.push(t);
  const platform = new MetricsPlatform('mastodon');
  const ports = metricsPorts(platform);
  const runner = t.core.domains.publishing.attach(ports, { timer: false, concurrency: 1 });
  const metrics = t.core.domains.publishing.metrics!;
  const accountId = await connectAccount(t.core, 'mastodon');
  const events: string[] = [];
  t.core.events.onAny((event, payload) => {
    if (event === 'analytics:changed') events.push((payload as { reason: string }).reason);
  });
  return { t, platform, ports, runner, metrics, accountId, events };
}

async function publish(s: Awaited<ReturnType<typeof setup>>, body = 'Hello from Cadence') {
  const post = await s.t.core.services.posts.create({ body, platforms: ['mastodon'] });
  await invokeOk(s.t.core, 'publishing:publish-now', { postId: post.id });
  await s.runner.runDue();
  const externalId = s.platform.posts.at(-1)!.id;
  return { post, externalId };
}

async function snapshots(t: TestCore) {
  return t.core.database.db.selectFrom('post_metrics').selectAll().orderBy('captured_at').execute();
}

describe('metrics schedule', () => {
  it('ages like real tools: hourly for 48 h, daily until 30 days, weekly until 90 days, then stops', () => {
    const p = '2026-01-01T00:00:00.000Z';
    const at = (ms: number) => new Date(Date.parse(p) + ms).toISOString();
    expect(nextPullAt(p, null)).toBe(at(HOUR_MS));
    expect(nextPullAt(p, at(47 * HOUR_MS))).toBe(at(48 * HOUR_MS));
    expect(nextPullAt(p, at(48 * HOUR_MS))).toBe(at(72 * HOUR_MS));
    expect(nextPullAt(p, at(29 * DAY_MS))).toBe(at(30 * DAY_MS));
    expect(nextPullAt(p, at(30 * DAY_MS))).toBe(at(37 * DAY_MS));
    expect(nextPullAt(p, at(86 * DAY_MS))).toBe(at(90 * DAY_MS));
    expect(nextPullAt(p, at(90 * DAY_MS))).toBeNull();
  });
});

describe('metrics collector', () => {
  it('stores each pull as a snapshot, copies the latest onto the publication, emits analytics:changed, and get-post-metrics shows the series', async () => {
    const s = await setup();
    s.platform.followers = null;
    const { post, externalId } = await publish(s);
    s.platform.counts.set(externalId, { likes: 3, comments: 1, shares: 0 });
    expect((await s.metrics.pullDue()).snapshots).toBe(0);
    expect(s.platform.metricCalls).toHaveLength(0);
    expect(s.events).not.toContain('metrics');

    expect(s.platform.accountCalls).toBe(1);
    expect(await s.metrics.pullDue()).toMatchObject({ snapshots: 0, accounts: 0 });
    expect(s.platform.accountCalls).toBe(1);
    s.t.clock.advance(HOUR_MS);
    expect(await s.metrics.pullDue()).toMatchObject({ snapshots: 1, waiting: [] });
    expect(s.events).toContain('metrics');
    s.platform.counts.set(externalId, { likes: 9, comments: 2, shares: 4, views: 100 });
    s.t.clock.advance(30 * 60_000);
    expect((await s.metrics.pullDue()).snapshots).toBe(0);
    s.t.clock.advance(30 * 60_000);
    expect((await s.metrics.pullDue()).snapshots).toBe(1);

    const rows = await snapshots(s.t);
    expect(rows.map((r) => r.likes)).toEqual([3, 9]);
    expect(rows.map((r) => r.captured_at)).toEqual(['2026-11-25T11:00:00.000Z', '2026-11-25T12:00:00.000Z']);
    const publication = await s.t.core.database.db
      .selectFrom('post_publications')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(publication).toMatchObject({
      likes: 9,
      comments: 2,
      shares: 4,
      views: 100,
      metrics_at: rows[1]!.captured_at,
    });

    const shown = await invokeOk(s.t.core, 'analytics:get-post-metrics', { postId: post.id });
    expect(shown.publications).toHaveLength(1);
    expect(shown.publications[0]!.metricsAt).toBe(rows[1]!.captured_at);
    expect(shown.publications[0]!.snapshots.map((snap) => [snap.capturedAt, snap.likes])).toEqual([
      ['2026-11-25T11:00:00.000Z', 3],
      ['2026-11-25T12:00:00.000Z', 9],
    ]);
  });

  it('follows the aging schedule over 90 days, waking at each next due pull', async () => {
    const s = await setup();
    const { externalId } = await publish(s);
    s.platform.counts.set(externalId, { likes: 1 });
    const published = s.t.clock.now().getTime();
    // Followers only yearly here, so the wake-ups are the post's own.
    const collector = new MetricsCollector(
      {
        database: s.t.core.database,
        clock: s.t.clock,
        logger: s.t.core.ports.logger,
        events: s.t.core.events,
        profile: s.t.core.services.profile,
        ports: s.ports,
      },
      { accountIntervalMs: 365 * DAY_MS },
    );
    let pulls = 0;
    for (;;) {
      const next = await collector.nextDueAt();
      if (next === null || Date.parse(next) > published + 95 * DAY_MS) break;
      s.t.clock.set(next);
      await collector.pullDue();
      pulls += 1;
    }
    expect(pulls).toBe(48 + 28 + 9 + 1);
    const ages = (await snapshots(s.t)).map((r) => (Date.parse(r.captured_at) - published) / HOUR_MS);
    const hourly = ages.filter((a) => a <= 48);
    const daily = ages.filter((a) => a > 48 && a <= 30 * 24);
    const weekly = ages.filter((a) => a > 30 * 24);
    expect(hourly).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
    expect(daily).toEqual(Array.from({ length: 28 }, (_, i) => 72 + 24 * i));
    expect(weekly.map((a) => a / 24)).toEqual([37, 44, 51, 58, 65, 72, 79, 86, 90]);
  });

  it('skips an account whose rate-limit bucket is exhausted until it resets, and batches ids per call', async () => {
    const s = await setup();
    const a = await publish(s, 'First');
    const b = await publish(s, 'Second');
    s.platform.counts.set(a.externalId, { likes: 1 });
    s.platform.counts.set(b.externalId, { likes: 2 });
    const reset = new Date(s.t.clock.now().getTime() + 90 * 60_000).toISOString();
    await s.t.core.database.db
      .insertInto('rate_limits')
      .values({
        account_id: s.accountId,
        bucket: 'api',
        limit_total: 300,
        remaining: 0,
        reset_at: reset,
        updated_at: s.t.clock.now().toISOString(),
      })
      .execute();
    s.t.clock.advance(HOUR_MS);
    const skipped = await s.metrics.pullDue();
    expect(skipped).toMatchObject({ snapshots: 0, waiting: [{ accountId: s.accountId, until: reset }] });
    expect(s.platform.metricCalls).toHaveLength(0);
    expect(await s.metrics.nextDueAt()).toBe(reset);

    s.t.clock.set(reset);
    s.t.clock.advance(1);
    expect((await s.metrics.pullDue()).snapshots).toBe(2);
    expect(s.platform.metricCalls).toEqual([[a.externalId, b.externalId]]);
    const limits = await s.t.core.database.db.selectFrom('rate_limits').selectAll().execute();
    expect(limits.find((l) => l.bucket === 'api')).toMatchObject({
      remaining: 299,
      updated_at: s.t.clock.now().toISOString(),
    });
  });

  it("stops mid-pull when the platform's headers say the bucket is spent, and waits on a 429", async () => {
    const s = await setup();
    const { externalId } = await publish(s);
    s.platform.counts.set(externalId, { likes: 1 });
    const reset = new Date(s.t.clock.now().getTime() + 2 * HOUR_MS).toISOString();
    s.platform.rateLimit = { bucket: 'api', limit: 300, remaining: 0, resetAt: reset };
    s.t.clock.advance(HOUR_MS);
    const first = await s.metrics.pullDue();
    expect(first.snapshots).toBe(1);
    expect(first.accounts).toBe(0);
    expect(s.platform.accountCalls).toBe(0);
    expect(first.waiting).toMatchObject([{ until: reset }]);

    s.t.clock.set(reset);
    s.t.clock.advance(HOUR_MS);
    s.platform.rateLimit = { bucket: 'api', limit: 300, remaining: 10, resetAt: null };
    const at = new Date(s.t.clock.now().getTime() + 20 * 60_000).toISOString();
    s.platform.metricsErrors.push(
      new ConnectorError('rate_limited', 'Too many requests', { status: 429, resetAt: at }),
    );
    expect((await s.metrics.pullDue()).waiting).toMatchObject([{ until: at, reason: 'rate limited by Mastodon' }]);
    expect((await s.metrics.pullDue()).snapshots).toBe(0);
    expect(s.platform.metricCalls).toHaveLength(2);
    s.t.clock.set(at);
    expect((await s.metrics.pullDue()).snapshots).toBe(1);
  });

  it("keeps followers per day in the creator's time zone", async () => {
    const s = await setup();
    await saveProfileAt(s.t, s.t.clock.now().toISOString(), profileOf({ timezone: 'Pacific/Auckland' }));
    // 10:00 UTC on Nov 25 is 23:00 in Auckland (NZDT, +13).
    s.platform.followers = 120;
    expect((await s.metrics.pullDue()).accounts).toBe(1);
    s.t.clock.advance(6 * HOUR_MS);
    s.platform.followers = 125;
    expect((await s.metrics.pullDue()).accounts).toBe(1);
    s.t.clock.advance(3 * HOUR_MS);
    expect((await s.metrics.pullDue()).accounts).toBe(0);
    const days = await s.t.core.database.db
      .selectFrom('account_metrics')
      .select(['date', 'followers'])
      .orderBy('date')
      .execute();
    expect(days).toEqual([
      { date: '2026-11-25', followers: 120 },
      { date: '2026-11-26', followers: 125 },
    ]);
    expect(s.events).toContain('metrics');
  });

  it('refreshes an expired token once; a second refusal marks the account for a reconnect; a network error only waits', async () => {
    const s = await setup();
    const { externalId } = await publish(s);
    s.platform.counts.set(externalId, { likes: 5 });
    s.platform.validToken = 'token-2';
    s.t.clock.advance(HOUR_MS);
    expect((await s.metrics.pullDue()).snapshots).toBe(1);
    expect(s.ports.tokens.refreshes).toBe(1);
    expect(s.ports.tokens.reconnect).toEqual([]);

    s.t.clock.advance(HOUR_MS);
    s.platform.metricsErrors.push(new ConnectorError('network', 'offline'));
    const offline = await s.metrics.pullDue();
    expect(offline).toMatchObject({ snapshots: 0, waiting: [{ reason: 'Mastodon did not answer (network)' }] });
    expect(s.ports.tokens.reconnect).toEqual([]);
    // The timer sleeps through the wait instead of waking every second to read the publications again.
    expect(await s.metrics.nextDueAt()).toBe(new Date(s.t.clock.now().getTime() + 5 * 60_000).toISOString());
    s.t.clock.advance(5 * 60_000);
    expect((await s.metrics.pullDue()).snapshots).toBe(1);

    s.t.clock.advance(HOUR_MS);
    s.platform.validToken = 'token-3';
    // The refresh hands out token-2 again (FakeTokens follows validToken); make it a stale one.
    s.ports.tokens.refresh = async () => {
      s.ports.tokens.refreshes += 1;
    };
    const refused = await s.metrics.pullDue();
    expect(refused.waiting).toMatchObject([{ until: null, reason: 'needs a reconnect' }]);
    expect(s.ports.tokens.refreshes).toBe(2);
    expect(s.ports.tokens.reconnect).toHaveLength(1);
    expect(s.ports.tokens.reconnect[0]!.accountId).toBe(s.accountId);
  });

  it('plans nothing for an account that needs a reconnect until the creator reconnects it', async () => {
    const s = await setup();
    await publish(s);
    s.t.clock.advance(HOUR_MS);
    expect(await s.metrics.nextDueAt()).not.toBeNull();
    await s.t.core.database.db
      .updateTable('accounts')
      .set({ token_status: 'needs_reconnect' })
      .where('id', '=', s.accountId)
      .execute();
    expect(await s.metrics.nextDueAt()).toBeNull();
    expect(await s.metrics.pullDue()).toMatchObject({ snapshots: 0, waiting: [{ reason: 'needs a reconnect' }] });
  });

  it('publishing:refresh-metrics pulls one post now, outside the schedule, and refuses an unknown post', async () => {
    const s = await setup();
    const { post, externalId } = await publish(s);
    s.platform.counts.set(externalId, { likes: 7 });
    const result = await invokeOk(s.t.core, 'publishing:refresh-metrics', { postId: post.id });
    expect(result).toEqual({ snapshots: 1, accounts: 0, waiting: [] });
    expect(s.platform.accountCalls).toBe(0);
    const all = await invokeOk(s.t.core, 'publishing:refresh-metrics', {});
    expect(all.accounts).toBe(1);
    expect(
      (await invokeError(s.t.core, 'publishing:refresh-metrics', { postId: '0b6f3c8e-2d7a-4c1e-9f3b-5a6d7e8f9a0b' }))
        .code,
    ).toBe('NOT_FOUND');
  });
});

describe('metrics timer', () => {
  it('starts with the runner when ports are attached and stops when the core closes', async () => {
    const t = await createTestCore();
    cores.push(t);
    const platform = new MetricsPlatform('mastodon');
    await connectAccount(t.core, 'mastodon');
    t.core.domains.publishing.attach(metricsPorts(platform));
    await vi.waitFor(() => expect(platform.accountCalls).toBe(1));
    const stored = await t.core.database.db.selectFrom('account_metrics').selectAll().execute();
    expect(stored).toMatchObject([{ followers: 120 }]);
  });
});
