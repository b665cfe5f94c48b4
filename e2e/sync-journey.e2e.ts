import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSyncServer, type TestSyncServer } from '../test/support/sync-server';
import { launchChromium } from './support/browser';
import { type HostProcess, startHostProcess } from './support/host-process';
import { expectVisible, step } from './support/page-actions';
import { seedProfile } from './support/seed-profile';

const EMAIL = `ada-${Date.now()}@example.test`;
const PASSWORD = 'correct horse battery staple';
const PASSPHRASE = 'four quiet lanterns over the harbour';
const TITLE = 'Starter schedule';
const BODY = 'Feed the starter at 8 and 20; it doubles in about six hours at 24 °C.';

let browser: Browser;
let dataDir: string;
let server: TestSyncServer | undefined;
let host: HostProcess | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  dataDir = mkdtempSync(join(tmpdir(), 'cadence-e2e-sync-'));
  server = await startTestSyncServer();
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

/** How many encrypted changes the server holds for the account (it can read nothing else). */
async function storedChanges(): Promise<number> {
  const row = await server!.database.db
    .selectFrom('sync_changes')
    .innerJoin('users', 'users.id', 'sync_changes.user_id')
    .where('users.email', '=', EMAIL)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

describe('sync in the desktop app', () => {
  it('signs up against a real sync server, sets a passphrase, writes a post, and sees it synced with the device listed', async () => {
    host = await startHostProcess(dataDir);
    await seedProfile(host);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await page.goto(host.url);

    await step(page, 'create an account', async () => {
      await nav(page, 'Sync').click();
      const form = page.getByRole('form', { name: 'Sync account' });
      await form.getByLabel('Sync server').fill(server!.url);
      await form.getByLabel('Email').fill(EMAIL);
      await form.getByLabel('Account password').fill(PASSWORD);
      await form.getByRole('button', { name: 'Create account' }).click();
      await server!.inbox.waitFor(EMAIL, /confirm your email/i);
    });

    await step(page, 'choose a passphrase', async () => {
      const form = page.getByRole('form', { name: 'Sync passphrase' });
      await expectVisible(form, 20_000);
      await form.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
      await form.getByLabel('Repeat passphrase').fill(PASSPHRASE);
      await form.getByRole('button', { name: 'Set passphrase and sync' }).click();
      await expectVisible(
        page.getByRole('status', { name: 'Sync state' }).getByText('Synced', { exact: true }),
        30_000,
      );
    });

    const before = await storedChanges();

    await step(page, 'write a post', async () => {
      await nav(page, 'Compose').click();
      await page.getByLabel('Title', { exact: true }).fill(TITLE);
      await page.getByLabel('Post', { exact: true }).fill(BODY);
      await page.waitForURL(/\/compose\/[0-9a-f-]{36}$/);
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: /saved/i }).count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
    });

    await step(page, 'see it synced and the device listed', async () => {
      await nav(page, 'Sync').click();
      // The engine pushes about a second after a local write; the post's fields reach the server.
      await expect.poll(storedChanges, { timeout: 30_000 }).toBeGreaterThan(before);
      const state = page.getByRole('status', { name: 'Sync state' });
      await expectVisible(state.getByText('Synced', { exact: true }), 30_000);
      await expectVisible(page.getByText('Everything here is synced'));
      const devices = page.getByRole('list', { name: 'Signed-in devices' });
      await expectVisible(devices.getByRole('listitem').filter({ hasText: '(this computer)' }));
      expect(await devices.getByRole('listitem').count()).toBe(1);
    });
    await page.close();
  }, 180_000);
});
