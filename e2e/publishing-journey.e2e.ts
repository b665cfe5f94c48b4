import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../src/shared/domain/post';
import { startXPeer, X_PEER_CLIENT_ID, type XPeer } from '../test/peers/x/server';
import { launchChromium } from './support/browser';
import { type HostProcess, startHostProcess } from './support/host-process';
import { expectVisible, step } from './support/page-actions';
import { seedProfile } from './support/seed-profile';

const BODY = 'Cold kitchens slow a sourdough starter down: feed it warm water and keep it near the oven.';

let browser: Browser;
let dataDir: string;
let peer: XPeer | undefined;
let host: HostProcess | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  dataDir = mkdtempSync(join(tmpdir(), 'cadence-e2e-publish-'));
  peer = await startXPeer();
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  await peer?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function invoke<T>(target: HostProcess, channel: string, input: unknown): Promise<T> {
  const response = await fetch(`${target.origin}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`${channel} failed (${response.status}): ${envelope.error.message}`);
  return envelope.value;
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

describe('publishing to X', () => {
  it('connects an account through OAuth with PKCE, publishes a scheduled post exactly once with its link, and shows its metrics', async () => {
    // The X protocol peer stands in for api.x.com and its OAuth pages (it approves sign-in at once).
    host = await startHostProcess(dataDir, 0, {
      CADENCE_API_BASE_X: peer!.origin,
      CADENCE_OAUTH_CLIENT_ID_X: X_PEER_CLIENT_ID,
    });
    await seedProfile(host, { platforms: ['x'] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await page.goto(host.url);

    await step(page, 'connect an X account', async () => {
      await nav(page, 'Accounts').click();
      await page.getByRole('button', { name: 'Connect an account' }).click();
      const form = page.getByRole('region', { name: 'Connect an account' });
      await form.getByLabel('Platform').selectOption('x');
      // The sign-in page opens in a new tab; the peer redirects it to Cadence's loopback callback.
      const signIn = page.waitForEvent('popup');
      await form.getByRole('button', { name: 'Connect', exact: true }).click();
      const tab = await signIn;
      await expectVisible(tab.getByText(/close this tab/i), 20_000);
      await expectVisible(page.getByText(`Connected as @${peer!.user.username}`), 20_000);
      const accounts = page.getByRole('list', { name: 'Connected accounts' });
      await expectVisible(accounts.getByRole('listitem', { name: `X @${peer!.user.username}` }));
    });

    const post = await step(page, 'schedule a post a few seconds ahead', async () => {
      const created = await invoke<Post>(host!, 'posts:create-post', {
        title: 'Cold kitchens',
        body: BODY,
        platforms: ['x'],
      });
      const scheduledAt = new Date(Date.now() + 5_000).toISOString();
      await invoke<Post>(host!, 'posts:schedule-post', { id: created.id, scheduledAt });
      await page.goto(`${host!.origin}/compose/${created.id}`);
      return created;
    });

    await step(page, 'see it published with its link', async () => {
      const publishing = page.getByRole('region', { name: 'Publishing' });
      const link = publishing.getByRole('link', { name: 'View post on X' });
      await expectVisible(link, 60_000);
      const tweets = peer!.tweets().filter((tweet) => tweet.text === BODY);
      expect(tweets).toHaveLength(1);
      expect(await link.getAttribute('href')).toContain(tweets[0]!.id);
      const stored = await invoke<Post>(host!, 'posts:get-post', { id: post.id });
      expect(stored.status).toBe('published');
    });

    await step(page, 'see its metrics', async () => {
      const tweet = peer!.tweets().find((t) => t.text === BODY)!;
      tweet.metrics.like_count = 7;
      tweet.metrics.impression_count = 180;
      const metrics = page.getByRole('region', { name: 'Metrics' });
      await metrics.getByRole('button', { name: 'Refresh metrics' }).click();
      const counts = metrics.getByLabel('X metrics');
      await expect.poll(() => counts.innerText(), { timeout: 30_000 }).toMatch(/Likes\D*7/);
      expect(await counts.innerText()).toMatch(/Impressions\D*180/);
    });
    await page.close();
  }, 240_000);
});
