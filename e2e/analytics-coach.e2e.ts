import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, format, subDays } from 'date-fns';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHistoryCsv } from '../test/support/history-csv';
import { launchChromium } from './support/browser';
import { type HostProcess, startHostProcess } from './support/host-process';
import { expectVisible, step } from './support/page-actions';
import { seedProfile } from './support/seed-profile';

let browser: Browser;
let dataDir: string;
let host: HostProcess | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  dataDir = mkdtempSync(join(tmpdir(), 'cadence-e2e-analytics-'));
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

describe('a creator with a history elsewhere', () => {
  it('imports 200 past posts, sees the right totals, their goal odds and trajectory, and sends today’s suggested post to Compose', async () => {
    // The history ends yesterday: the importer refuses posts dated in the future.
    const history = makeHistoryCsv({
      posts: 200,
      seed: 42,
      platforms: ['x', 'linkedin', 'instagram'],
      endDate: subDays(new Date(), 1),
    });
    const csvPath = join(dataDir, 'history.csv');
    writeFileSync(csvPath, history.csv);
    const followers = Object.values(history.expected.lastFollowers).reduce((sum, n) => sum + (n ?? 0), 0);

    host = await startHostProcess(join(dataDir, 'app'));
    await seedProfile(host, {
      platforms: ['x', 'linkedin', 'instagram'],
      goal: { metric: 'followers', target: followers * 2, deadline: format(addDays(new Date(), 120), 'yyyy-MM-dd') },
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await page.goto(host.url);

    await step(page, 'import the history file', async () => {
      await nav(page, 'Analytics').click();
      await page.getByRole('navigation', { name: 'Analytics' }).getByRole('link', { name: 'Import history' }).click();
      await page.getByLabel('History file (CSV or JSON)').setInputFiles(csvPath);
      await page.getByRole('button', { name: 'Import 200 rows' }).click();
      const report = page.getByRole('region', { name: 'Import report' });
      await expectVisible(report, 30_000);
      await report.getByRole('link', { name: 'See the dashboard' }).click();
    });

    await step(page, 'dashboard totals and charts', async () => {
      await page.getByRole('button', { name: '1 year' }).click();
      const totals = page.getByRole('region', { name: 'Totals' });
      const value = async (label: string) =>
        Number(await totals.getByLabel(label, { exact: true }).getAttribute('data-value'));
      await expect.poll(() => value('Posts published'), { timeout: 15_000 }).toBe(200);
      expect(await value('Impressions')).toBe(history.expected.impressions);
      expect(await value('Followers')).toBe(followers);
      const engagements =
        history.expected.likes + history.expected.comments + history.expected.shares + history.expected.saves;
      expect(await value('Engagements')).toBeGreaterThanOrEqual(engagements);
      const chart = page.getByRole('figure', { name: 'Followers over time' });
      await expectVisible(chart.locator('canvas').first());
      await expectVisible(page.getByRole('list', { name: 'Engagement rate by platform' }));
    });

    await step(page, 'goal probability and trajectory', async () => {
      await nav(page, 'Coach').click();
      const probability = page.getByTestId('success-probability');
      await expectVisible(probability, 20_000);
      await expect.poll(() => probability.innerText(), { timeout: 20_000 }).toMatch(/%/);
      const trajectory = page.getByRole('img', { name: 'Goal trajectory: actual, needed and forecast' });
      await expectVisible(trajectory);
      await expectVisible(trajectory.locator('canvas').first());
    });

    await step(page, 'today’s plan to Compose', async () => {
      const plan = page
        .getByRole('region', { name: 'Today’s plan' })
        .or(page.getByRole('region', { name: "Today's plan" }));
      const send = plan.getByRole('button', { name: 'Send to Compose' });
      await expectVisible(send, 30_000);
      await send.click();
      await page.waitForURL(/\/compose\/[0-9a-f-]{36}$/, { timeout: 15_000 });
      await expect.poll(() => page.getByLabel('Post', { exact: true }).inputValue(), { timeout: 15_000 }).not.toBe('');
    });
  });
});
