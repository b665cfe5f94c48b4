import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, EventMap, Input, Output } from '../../shared/contract';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { AnalyticsFixtures } from '../analytics/analytics.fixtures.test-support';
import { pdfToText } from './pdf-to-text.test-support';
import { NO_POSTS_TEXT } from './report-pdf';
import { SCHEDULE_KEY } from './report-schedule.store';
import { BERLIN_PROFILE } from './reports.fixtures.test-support';
import { invokeOk } from '../../../test/support/invoke';

/*
 * Now: Wednesday 2026-11-25 10:00 UTC; the creator is in Berlin (UTC+1), so the last completed
 * week is Mon 16 – Sun 22 Nov local, i.e. 2026-11-15T23:00Z up to 2026-11-22T23:00Z.
 */
describe('reports service', () => {
  let t: TestCore;
  let ready: EventMap['reports:ready'][];

  const call = <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => invokeOk(t.core, channel, input);

  beforeEach(async () => {
    t = await createTestCore({ now: '2026-11-25T10:00:00.000Z' });
    ready = [];
    t.core.events.onAny((event, payload) => {
      if (event === 'reports:ready') ready.push(payload as EventMap['reports:ready']);
    });
    await t.core.services.profile.save(BERLIN_PROFILE);
    const fx = new AnalyticsFixtures(t.core);
    const x = await fx.account('x', 'ada');
    await fx.followers(x, { '2026-11-15': 1000, '2026-11-18': 1040, '2026-11-22': 1100 });
    await fx.post({
      title: 'Sourdough starter in five days',
      platform: 'x',
      accountId: x,
      publishedAt: '2026-11-17T08:30:00.000Z',
      metrics: { impressions: 2000, likes: 150, comments: 20, shares: 20, clicks: 10 },
    });
    await fx.post({
      title: '=cmd|"/c calc"!A1',
      platform: 'linkedin',
      publishedAt: '2026-11-19T16:00:00.000Z',
      metrics: { impressions: 1000, likes: 10, comments: 5, shares: 3, clicks: 2 },
    });
    // Sunday 23:30 in Berlin: still in the week.
    await fx.post({
      title: 'Late Sunday loaf',
      platform: 'x',
      accountId: x,
      publishedAt: '2026-11-22T22:30:00.000Z',
      metrics: { impressions: 500, likes: 5 },
    });
    // Monday 00:30 in Berlin (Sunday 23:30 UTC): the next week.
    await fx.post({
      title: 'Monday bagels',
      platform: 'x',
      accountId: x,
      publishedAt: '2026-11-22T23:30:00.000Z',
      metrics: { impressions: 900, likes: 90 },
    });
  });

  afterEach(async () => {
    await t.dispose();
  });

  async function download(id: string, format: 'pdf' | 'csv'): Promise<Buffer> {
    const file = await call('reports:get-report-file', { id, format });
    return Buffer.from(file.base64, 'base64');
  }

  it('writes the last completed week (creator’s time zone) as PDF and CSV, lists it and says it is ready', async () => {
    const meta = await call('reports:generate-report', { kind: 'weekly' });
    expect(meta).toMatchObject({
      kind: 'weekly',
      from: '2026-11-16',
      to: '2026-11-22',
      title: 'Weekly report: 16 – 22 Nov 2026',
    });
    expect(meta.params).toMatchObject({ platforms: null, timezone: 'Europe/Berlin' });
    expect(existsSync(join(t.dataDir, 'reports', `${meta.id}.pdf`))).toBe(true);
    expect(existsSync(join(t.dataDir, 'reports', `${meta.id}.csv`))).toBe(true);
    expect(ready).toEqual([{ id: meta.id, title: meta.title }]);
    expect(await call('reports:list-reports', {})).toEqual([meta]);

    const pdfFile = await call('reports:get-report-file', { id: meta.id, format: 'pdf' });
    expect(pdfFile).toMatchObject({
      fileName: 'cadence-weekly-report-2026-11-16_2026-11-22.pdf',
      mimeType: 'application/pdf',
    });
    const pdf = Buffer.from(pdfFile.base64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfToText(pdf);
    expect(text).toContain('Weekly report');
    expect(text).toContain('16 – 22 Nov 2026 · Europe/Berlin');
    expect(text).toMatch(/Posts published\s+3/u);
    expect(text).toMatch(/Impressions\s+3,500/u);
    expect(text).toMatch(/Likes\s+165/u);
    expect(text).toMatch(/Followers\s+1,100\s+\+100 \(\+10\.0 %\)/u);
    expect(text).toContain('Sourdough starter in five days');
    expect(text).not.toContain('Monday bagels');

    const rows = parse(await download(meta.id, 'csv'), { bom: true }) as string[][];
    expect(rows[0]?.slice(0, 4)).toEqual(['published_at (Europe/Berlin)', 'platform', 'account', 'title']);
    expect(rows.slice(1).map((r) => r[3])).toEqual([
      'Sourdough starter in five days',
      `'=cmd|"/c calc"!A1`,
      'Late Sunday loaf',
    ]);
    expect(rows[1]?.[0]).toBe('2026-11-17 09:30');
    expect(rows[1]?.at(-1)).toBe('10');
  });

  it('makes a custom report of chosen metrics, platforms and range', async () => {
    const meta = await call('reports:generate-report', {
      kind: 'custom',
      from: '2026-11-01',
      to: '2026-11-30',
      platforms: ['x'],
      metrics: ['likes', 'comments'],
    });
    expect(meta).toMatchObject({
      kind: 'custom',
      from: '2026-11-01',
      to: '2026-11-30',
      title: 'Custom report: 1 – 30 Nov 2026',
    });
    expect(meta.params).toMatchObject({ platforms: ['x'], metrics: ['likes', 'comments'] });
    const rows = parse(await download(meta.id, 'csv'), { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      'published_at (Europe/Berlin)',
      'platform',
      'account',
      'title',
      'format',
      'url',
      'likes',
      'comments',
      'engagement_rate_percent',
    ]);
    expect(rows.slice(1).map((r) => [r[3], r[6]])).toEqual([
      ['Sourdough starter in five days', '150'],
      ['Late Sunday loaf', '5'],
      ['Monday bagels', '90'],
    ]);
    const text = pdfToText(await download(meta.id, 'pdf'));
    expect(text).toContain('Custom report');
    expect(text).toMatch(/Likes\s+245/u);
    expect(text).not.toMatch(/Impressions\s+\d/u);
  });

  it('says so when nothing was published in the range', async () => {
    const meta = await call('reports:generate-report', {
      kind: 'custom',
      from: '2026-10-01',
      to: '2026-10-07',
      metrics: ['likes'],
    });
    expect(pdfToText(await download(meta.id, 'pdf'))).toContain(NO_POSTS_TEXT);
    expect(parse(await download(meta.id, 'csv'), { bom: true })).toHaveLength(1);
  });

  it('lists newest first and deletes a report with its files', async () => {
    const first = await call('reports:generate-report', { kind: 'weekly' });
    t.clock.advance(60_000);
    const second = await call('reports:generate-report', {
      kind: 'custom',
      from: '2026-11-01',
      to: '2026-11-07',
      metrics: ['likes'],
    });
    expect((await call('reports:list-reports', {})).map((r) => r.id)).toEqual([second.id, first.id]);

    expect(await call('reports:delete-report', { id: first.id })).toEqual({ id: first.id });
    expect(existsSync(join(t.dataDir, 'reports', `${first.id}.pdf`))).toBe(false);
    expect(existsSync(join(t.dataDir, 'reports', `${first.id}.csv`))).toBe(false);
    expect((await call('reports:list-reports', {})).map((r) => r.id)).toEqual([second.id]);
    const again = await t.core.dispatcher.invoke('reports:delete-report', { id: first.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers NOT_FOUND for an unknown report and for a file gone from the data folder', async () => {
    const unknown = await t.core.dispatcher.invoke('reports:get-report-file', {
      id: '3f2b8c1e-7a4d-4e6f-9b1a-2c3d4e5f6a7b',
      format: 'pdf',
    });
    expect(unknown).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'NOT_FOUND', message: 'There is no report with this id' }),
    });

    const meta = await call('reports:generate-report', { kind: 'weekly' });
    rmSync(join(t.dataDir, 'reports', `${meta.id}.csv`));
    const missing = await t.core.dispatcher.invoke('reports:get-report-file', { id: meta.id, format: 'csv' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await call('reports:get-report-file', { id: meta.id, format: 'pdf' })).base64.length).toBeGreaterThan(0);
  });

  describe('schedule', () => {
    it('defaults to Monday 08:00, on, and keeps what is saved', async () => {
      expect(await call('reports:get-schedule', {})).toEqual({ enabled: true, weekday: 'mon', hour: 8 });
      const saved = await call('reports:save-schedule', { enabled: false, weekday: 'fri', hour: 17 });
      expect(saved).toEqual({ enabled: false, weekday: 'fri', hour: 17 });
      expect(await call('reports:get-schedule', {})).toEqual(saved);
    });

    it.each([
      ['a weekday that does not exist', { enabled: true, weekday: 'someday', hour: 8 }],
      ['an hour out of range', { enabled: true, weekday: 'mon', hour: 25 }],
      ['not an object', [1, 2, 3]],
      ['a missing field', { enabled: true, hour: 8 }],
    ])('falls back to the default when the stored value has %s', async (_label, stored) => {
      await t.core.database.db
        .insertInto('settings')
        .values({ key: SCHEDULE_KEY, value: JSON.stringify(stored), updated_at: '2026-11-25T10:00:00.000Z' })
        .execute();
      expect(await call('reports:get-schedule', {})).toEqual({ enabled: true, weekday: 'mon', hour: 8 });
    });

    it('refuses an invalid schedule with the field that is wrong', async () => {
      const result = await t.core.dispatcher.invoke('reports:save-schedule', {
        enabled: true,
        weekday: 'mon',
        hour: 24,
      });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          details: { issues: [{ path: ['hour'], message: 'hour is between 0 and 23' }] },
        },
      });
    });
  });
});
