import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, format } from 'date-fns';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { type HostProcess, startHostProcess } from './support/host-process';
import { dragTo, expectVisible, step } from './support/page-actions';

const TITLE = 'Warm kitchens';
const BODY = 'Sourdough starters love warm kitchens; feed yours twice a day in winter.';

let browser: Browser;
let dataDir: string;
let host: HostProcess | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  dataDir = mkdtempSync(join(tmpdir(), 'cadence-e2e-'));
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openApp(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(host!.url);
  return page;
}

/** A day a few days ahead, as the calendar names its cells (in UTC, the profile's zone here). */
const targetDay = addDays(new Date(), 3);
const targetDayLabel = format(targetDay, 'EEEE, MMMM d, yyyy');

describe('a new creator', () => {
  it('onboards, drafts, finds the draft, schedules it by drag, and finds it all after a restart', async () => {
    host = await startHostProcess(dataDir);
    const page = await openApp();

    await step(page, 'onboarding', async () => {
      await page.waitForURL('**/onboarding');
      await page.getByLabel('Name', { exact: true }).fill('Ada Baker');
      await page.getByLabel('Niche', { exact: true }).fill('sourdough baking');
      await page.getByLabel('Time zone').selectOption('UTC');
      await page.getByRole('checkbox', { name: 'X', exact: true }).check();
      await page.getByRole('checkbox', { name: 'Bluesky', exact: true }).check();
      await page.getByLabel('Target', { exact: true }).fill('10000');
      await page.getByLabel('Deadline').fill(format(addDays(new Date(), 200), 'yyyy-MM-dd'));
      await page.getByLabel('Posts per week').fill('3');
      await page.getByRole('button', { name: 'Start using Cadence' }).click();
      await expectVisible(page.getByText('Ada Baker', { exact: false }).first());
    });

    const postUrl = await step(page, 'compose', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compose' }).click();
      await page.getByLabel('Title', { exact: true }).fill(TITLE);
      await page.getByLabel('Post', { exact: true }).fill(BODY);
      await page.waitForURL(/\/compose\/[0-9a-f-]{36}$/);
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: /saved/i }).count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      return new URL(page.url()).pathname;
    });

    await step(page, 'library search', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
      await page.getByLabel('Search posts').fill('twice');
      await expectVisible(page.getByRole('link', { name: new RegExp(TITLE) }).first());
    });

    await step(page, 'calendar drag', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
      const unscheduled = page.getByRole('list', { name: 'Unscheduled posts' });
      const card = unscheduled.getByRole('button', { name: TITLE });
      await expectVisible(card);
      const day = page.getByRole('group', { name: targetDayLabel });
      await dragTo(page, card, day);
      await expectVisible(day.getByRole('button', { name: TITLE }));
      await expect.poll(() => unscheduled.getByRole('button', { name: TITLE }).count()).toBe(0);
    });
    await page.close();

    // Restart the host on the same data folder: everything is as left
    await host.stop();
    host = await startHostProcess(dataDir);
    const again = await openApp();
    await step(again, 'after restart', async () => {
      await expectVisible(again.getByText('Ada Baker', { exact: false }).first());
      expect(new URL(again.url()).pathname).not.toBe('/onboarding');

      await again.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
      await again.getByLabel('Search posts').fill('sourdough');
      await expectVisible(again.getByRole('link', { name: new RegExp(TITLE) }).first());

      await again.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
      await expectVisible(again.getByRole('group', { name: targetDayLabel }).getByRole('button', { name: TITLE }));

      await again.goto(`${host!.origin}${postUrl}`);
      await expect.poll(() => again.getByLabel('Post', { exact: true }).inputValue(), { timeout: 15_000 }).toBe(BODY);
    });
    await again.close();
  }, 180_000);
});
