import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../src/shared/domain/post';
import { createOllamaPeer, type OllamaPeer } from '../test/peers/ollama/peer';
import { launchChromium } from './support/browser';
import { type HostProcess, startHostProcess } from './support/host-process';
import { expectVisible, step } from './support/page-actions';
import { seedProfile } from './support/seed-profile';

const IDEA = 'feeding a sourdough starter in winter';
const PLATFORMS = ['X', 'LinkedIn', 'Bluesky'] as const;

let browser: Browser;
let dataDir: string;
let peer: OllamaPeer | undefined;
let host: HostProcess | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  dataDir = mkdtempSync(join(tmpdir(), 'cadence-e2e-studio-'));
  // The Ollama protocol peer generates with the real stories260K model (installed at start).
  peer = await createOllamaPeer();
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

const draftRegion = (page: Page, platform: string): Locator =>
  page.getByRole('region', { name: `Draft for ${platform}` });

describe('the studio', () => {
  it('turns an idea into streamed drafts for three platforms, fixes a quality finding and schedules one into the next free slot', async () => {
    host = await startHostProcess(dataDir, 0, { OLLAMA_HOST: peer!.url });
    await seedProfile(host, { platforms: ['x', 'linkedin', 'bluesky'] });
    // Drafting goes to the local Ollama's stories260K (the model a creator would have pulled).
    await invoke(host, 'llm:save-settings', {
      chains: {
        drafting: [{ provider: 'ollama', model: 'stories260k:latest' }],
        rewriting: [{ provider: 'ollama', model: 'stories260k:latest' }],
      },
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1200 } });
    await page.goto(host.url);

    await step(page, 'draft an idea for three platforms', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Studio', exact: true }).click();
      await page.getByRole('textbox', { name: 'Idea' }).fill(IDEA);
      for (const platform of PLATFORMS) {
        const box = page.getByRole('checkbox', { name: platform, exact: true });
        if (!(await box.isChecked())) await box.check();
      }
      await page.getByRole('button', { name: 'Draft', exact: true }).click();
      for (const platform of PLATFORMS) await expectVisible(draftRegion(page, platform), 20_000);
    });

    await step(page, 'drafts stream in, then finish', async () => {
      // Streaming: some draft shows text while it is still being written.
      await expect
        .poll(
          async () => {
            for (const platform of PLATFORMS) {
              const region = draftRegion(page, platform);
              const busy = (await region.getAttribute('aria-busy')) === 'true';
              const text = await region.getByRole('textbox', { name: 'Post text' }).inputValue();
              if (busy && text.length > 0) return true;
            }
            return false;
          },
          { timeout: 60_000, interval: 100 },
        )
        .toBe(true);
      await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 120_000 }).toBe(0);
      for (const platform of PLATFORMS) {
        const text = await draftRegion(page, platform).getByRole('textbox', { name: 'Post text' }).inputValue();
        expect(text.length, `the ${platform} draft is empty`).toBeGreaterThan(0);
      }
    });

    const xDraft = draftRegion(page, 'X');
    await step(page, 'quality findings, fix one', async () => {
      const quality = xDraft.getByRole('region', { name: 'Quality' });
      await expectVisible(quality.getByRole('meter', { name: 'Quality score' }));
      const findings = quality.getByRole('list', { name: 'Quality findings' });
      await expectVisible(findings.getByRole('listitem').first(), 20_000);
      const textbox = xDraft.getByRole('textbox', { name: 'Post text' });
      const before = await textbox.inputValue();
      const fix = findings.getByRole('button', { name: /^Fix: / }).first();
      await expectVisible(fix);
      await fix.click();
      await expect.poll(() => textbox.inputValue(), { timeout: 60_000 }).not.toBe(before);
    });

    const postId = await step(page, 'schedule to the next free slot', async () => {
      const href = await xDraft.getByRole('link', { name: 'Open in Compose' }).getAttribute('href');
      const id = href?.match(/[0-9a-f-]{36}/)?.[0];
      expect(id, `no post id in ${href}`).toBeTruthy();
      await xDraft.getByRole('button', { name: 'Schedule to next free slot' }).click();
      await expectVisible(xDraft.getByText(/Scheduled for/), 20_000);
      return id!;
    });

    await step(page, 'the post is on the calendar', async () => {
      const post = await invoke<Post>(host!, 'posts:get-post', { id: postId });
      expect(post.status).toBe('scheduled');
      const when = new TZDate(post.scheduledAt!, 'UTC');
      await xDraft.getByRole('link', { name: 'Open calendar' }).click();
      await page.waitForURL('**/calendar');
      const day = page.getByRole('group', { name: format(when, 'EEEE, MMMM d, yyyy') });
      if ((await day.count()) === 0) await page.getByRole('button', { name: 'Next month' }).click();
      await expectVisible(day.getByRole('button', { name: post.title }).first(), 20_000);
    });
    await page.close();
  }, 300_000);
});
