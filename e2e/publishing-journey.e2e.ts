import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../src/shared/domain/post';
import type { PublishJob } from '../src/shared/domain/publishing';
import { startXPeer, X_PEER_CLIENT_ID, type XPeer } from '../test/peers/x/server';
import { launchChromium } from './support/browser';
import { type HostProcess, startHostProcess } from './support/host-process';
import { expectVisible, step } from './support/page-actions';
import { seedProfile } from './support/seed-profile';

const BODY = 'Cold kitchens slow a sourdough starter down: feed it warm water and keep it near the oven.';
const RETRY_BODY = 'A longer autolyse makes a sticky rye dough easier to shape: give it forty minutes.';

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

    await step(page, 'add your own Instagram app: the secret goes in, never comes back out', async () => {
      const signIns = page.getByRole('list', { name: 'Sign-in by platform' });
      const instagram = signIns.getByRole('listitem', { name: 'Instagram sign-in' });
      await expectVisible(instagram.getByText('Not available'));
      await instagram.getByRole('button', { name: 'Use your own app' }).click();
      const form = instagram.getByRole('form', { name: 'Your own Instagram app' });
      await form.getByLabel('Instagram app ID').fill('990602627938098');
      await form.getByLabel('Instagram app secret').fill('e2e-own-app-secret-51c0');
      await form.getByRole('button', { name: 'Save Instagram app' }).click();
      await expectVisible(instagram.getByText('Via your own app'));
      await expectVisible(instagram.getByText(/Instagram app ID 990602627938098/));
      expect(await page.content()).not.toContain('e2e-own-app-secret-51c0');
      const apps = await invoke<Array<{ platform: string; clientId: string }>>(host!, 'accounts:list-own-apps', {});
      expect(apps).toEqual([expect.objectContaining({ platform: 'instagram', clientId: '990602627938098' })]);
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

  it('retries a cancelled job at a time picked in the queue, and publishes it then, once', async () => {
    // Follows the journey above: the same host, with its X account connected.
    if (!host) throw new Error('The connect-and-publish journey did not start the host');
    const target = host;
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await page.goto(target.url);
    const created = await invoke<Post>(target, 'posts:create-post', {
      title: 'Rye autolyse',
      body: RETRY_BODY,
      platforms: ['x'],
    });
    await invoke<Post>(target, 'posts:schedule-post', {
      id: created.id,
      scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const jobOf = async (): Promise<PublishJob> =>
      (await invoke<{ jobs: PublishJob[] }>(target, 'publishing:list-jobs', { postId: created.id })).jobs[0]!;
    await expect.poll(async () => (await jobOf())?.status, { timeout: 15_000 }).toBe('queued');

    const queue = page.getByRole('region', { name: 'Publishing queue' });
    await step(page, 'cancel the queued job', async () => {
      await nav(page, 'Accounts').click();
      await queue.getByRole('region', { name: 'Queued' }).getByRole('button', { name: 'Cancel X' }).click();
      await expectVisible(queue.getByRole('region', { name: 'Cancelled' }).getByRole('button', { name: 'Retry X' }));
    });

    const picked = await step(page, 'pick a time to retry, after a time in the past is refused', async () => {
      await queue.getByRole('button', { name: 'Retry X' }).click();
      const picker = queue.getByRole('form', { name: 'When to retry on X' });
      // The profile's zone (UTC, from seedProfile) is where the wall time is read.
      const when = picker.getByLabel('Retry on X at (UTC)');
      await expectVisible(when);
      await when.fill(wallTimeUtc(new Date(Date.now() - 3_600_000)));
      await picker.getByRole('button', { name: 'Retry at this time' }).click();
      await expectVisible(picker.getByRole('alert').getByText('Pick a time in the future.'));
      // The next whole minute at least 20 s away, so it is still ahead when the form is sent.
      const at = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
      await when.fill(wallTimeUtc(at));
      await picker.getByRole('button', { name: 'Retry at this time' }).click();
      await expectVisible(queue.getByRole('region', { name: 'Queued' }).getByRole('button', { name: 'Cancel X' }));
      return at.toISOString();
    });

    await step(page, 'see it queued for the picked time, then published once with its link', async () => {
      expect(await jobOf()).toMatchObject({ status: 'queued', dueAt: picked });
      expect(peer!.tweets().filter((tweet) => tweet.text === RETRY_BODY)).toHaveLength(0);
      await expect.poll(async () => (await jobOf()).status, { timeout: 120_000, interval: 1_000 }).toBe('published');
      const job = await jobOf();
      expect(Date.parse(job.publishedAt!)).toBeGreaterThanOrEqual(Date.parse(picked));
      const tweets = peer!.tweets().filter((tweet) => tweet.text === RETRY_BODY);
      expect(tweets).toHaveLength(1);
      expect(job.url).toContain(tweets[0]!.id);
      await page.goto(`${target.origin}/compose/${created.id}`);
      const publishing = page.getByRole('region', { name: 'Publishing' });
      await expectVisible(publishing.getByRole('link', { name: 'View post on X' }), 30_000);
    });
    await page.close();
  }, 240_000);
});

/** A `datetime-local` value ("2026-11-29T22:10") for an instant, read in UTC. */
function wallTimeUtc(instant: Date): string {
  return instant.toISOString().slice(0, 16);
}
