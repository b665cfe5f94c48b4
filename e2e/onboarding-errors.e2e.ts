import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, format, subDays } from 'date-fns';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { type HostProcess, startHostProcess } from './support/host-process';
import { expectVisible, step } from './support/page-actions';

let browser: Browser;
let dataDir: string;
let host: HostProcess;

beforeAll(async () => {
  browser = await launchChromium();
  dataDir = mkdtempSync(join(tmpdir(), 'cadence-e2e-'));
  host = await startHostProcess(dataDir);
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('onboarding with bad input', () => {
  it('explains each problem beside its field, keeps what was typed, and accepts the fix', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await step(page, 'open onboarding', async () => {
      await page.goto(host.url);
      await page.waitForURL('**/onboarding');
    });
    const pastDeadline = format(subDays(new Date(), 3), 'yyyy-MM-dd');

    await step(page, 'submit bad input', async () => {
      await page.getByLabel('Niche', { exact: true }).fill('street photography');
      await page.getByRole('checkbox', { name: 'Mastodon', exact: true }).check();
      await page.getByLabel('Target', { exact: true }).fill('2500');
      await page.getByLabel('Deadline').fill(pastDeadline);
      await page.getByLabel('Posts per week').fill('4');
      await page.getByRole('button', { name: 'Start using Cadence' }).click();
    });

    await step(page, 'clear messages', async () => {
      const summary = page.getByRole('alert');
      await expectVisible(summary);
      await expect.poll(() => summary.innerText()).toMatch(/name/i);
      await expect.poll(() => summary.innerText()).toMatch(/deadline/i);

      const name = page.getByLabel('Name', { exact: true });
      expect(await name.getAttribute('aria-invalid')).toBe('true');
      const nameHelp = await page.locator(`#${await name.getAttribute('aria-describedby')}`).innerText();
      expect(nameHelp).toMatch(/required/i);
      const deadline = page.getByLabel('Deadline');
      expect(await deadline.getAttribute('aria-invalid')).toBe('true');
      const deadlineHelp = await page.locator(`#${await deadline.getAttribute('aria-describedby')}`).innerText();
      expect(deadlineHelp).toMatch(/future|after today/i);
    });

    await step(page, 'input kept', async () => {
      expect(new URL(page.url()).pathname).toBe('/onboarding');
      expect(await page.getByLabel('Niche', { exact: true }).inputValue()).toBe('street photography');
      expect(await page.getByLabel('Target', { exact: true }).inputValue()).toBe('2500');
      expect(await page.getByLabel('Deadline').inputValue()).toBe(pastDeadline);
      expect(await page.getByLabel('Posts per week').inputValue()).toBe('4');
      expect(await page.getByRole('checkbox', { name: 'Mastodon', exact: true }).isChecked()).toBe(true);
    });

    await step(page, 'fix and continue', async () => {
      await page.getByLabel('Name', { exact: true }).fill('Kenji');
      await page.getByLabel('Deadline').fill(format(addDays(new Date(), 90), 'yyyy-MM-dd'));
      await page.getByRole('button', { name: 'Start using Cadence' }).click();
      await page.waitForURL((url) => url.pathname !== '/onboarding');
      await expectVisible(page.getByText('Kenji', { exact: false }).first());
    });
    await page.close();
  }, 120_000);
});
