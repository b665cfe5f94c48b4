import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOllamaPeer, type OllamaPeer } from '../test/peers/ollama/peer';
import { requireTestModel, STORIES_260K } from '../test/peers/ollama/models-path';
import { defaultRegistry, registryModel } from '../test/peers/ollama/store';
import { launchChromium } from './support/browser';
import { type HostProcess, startHostProcess } from './support/host-process';
import { type PacingProxy, startPacingProxy } from './support/pacing-proxy';
import { expectVisible, step } from './support/page-actions';
import { seedProfile } from './support/seed-profile';

const MiB = 1024 * 1024;
const MODEL = 'tinyllama:1.1b';
/** Slow enough that the bar is on screen for about two seconds. */
const PULL = { bytesPerSecond: 4 * MiB, tickMs: 100 };
/** One streamed line every 150 ms, so the draft visibly grows before Stop is pressed. */
const LINE_DELAY_MS = 150;

let browser: Browser;
let dataDir: string;
let peer: OllamaPeer | undefined;
let proxy: PacingProxy | undefined;
let host: HostProcess | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  dataDir = mkdtempSync(join(tmpdir(), 'cadence-e2e-ai-'));
  const registry = defaultRegistry(requireTestModel(STORIES_260K)).map((model) =>
    model.name === MODEL ? registryModel(MODEL, 8 * MiB, { parameterSize: '1.1B', quantization: 'Q4_0' }) : model,
  );
  peer = await createOllamaPeer({ registry, pull: PULL });
  proxy = await startPacingProxy(peer.url, LINE_DELAY_MS);
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  await proxy?.close();
  await peer?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const progressValue = async (bar: Locator) => Number((await bar.getAttribute('value')) ?? 0);
const textOf = (locator: Locator) => locator.innerText();
const region = (page: Page, name: string) => page.getByRole('region', { name });

describe('the AI dashboard', () => {
  it('pulls a model with live progress, routes drafting to it, and streams a draft that Stop halts', async () => {
    host = await startHostProcess(dataDir, 0, { OLLAMA_HOST: proxy!.url });
    await seedProfile(host);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(host.url);

    await step(page, 'open the AI page', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AI', exact: true }).click();
      await page.waitForURL('**/ai');
      await expectVisible(region(page, 'Engines').getByText('Connected (external)'), 30_000);
    });

    await step(page, 'pull a model', async () => {
      const pull = region(page, 'Pull a model');
      await pull.getByLabel('Model name').fill(MODEL);
      await pull.getByRole('button', { name: 'Pull' }).click();
      const bar = page.getByRole('progressbar', { name: `Pulling ${MODEL}` });
      await expectVisible(bar, 15_000);
      await expect.poll(() => progressValue(bar), { timeout: 15_000, interval: 50 }).toBeGreaterThan(0);
      const early = await progressValue(bar);
      await expect.poll(() => progressValue(bar), { timeout: 15_000, interval: 50 }).toBeGreaterThan(early);
      await expect.poll(() => bar.count(), { timeout: 30_000 }).toBe(0);
      const installed = region(page, 'Installed models');
      await expectVisible(installed.getByRole('row', { name: new RegExp(MODEL.replace('.', '\\.')) }), 15_000);
    });

    await step(page, 'route drafting to the pulled model', async () => {
      const routing = region(page, 'Task routing');
      await routing.getByLabel('First choice for drafting').selectOption(`ollama/${MODEL}`);
      await routing.getByRole('button', { name: 'Use the selected model for drafting' }).click();
      const chain = routing.getByRole('list', { name: 'Drafting chain' });
      await expect.poll(() => textOf(chain.getByRole('listitem').first()), { timeout: 15_000 }).toContain(MODEL);
    });

    const stoppedText = await step(page, 'draft with AI and stop it', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compose' }).click();
      await page.getByRole('button', { name: 'Draft with AI' }).click();
      await page.getByLabel('Topic').fill('feeding a sourdough starter in winter');
      await page.getByRole('button', { name: 'Generate' }).click();
      const preview = page.getByRole('status', { name: 'AI draft' });
      await expectVisible(preview, 15_000);
      await expect.poll(() => textOf(preview), { timeout: 60_000 }).toMatch(/Writing with Ollama · tinyllama:1\.1b/);
      await expect
        .poll(async () => (await textOf(preview)).includes('Waiting for the first words'), { timeout: 60_000 })
        .toBe(false);
      // The draft grows over several observations before Stop.
      let seen = (await textOf(preview)).length;
      for (let growth = 0; growth < 3; growth += 1) {
        await expect.poll(async () => (await textOf(preview)).length, { timeout: 30_000 }).toBeGreaterThan(seen);
        seen = (await textOf(preview)).length;
      }

      await page.getByRole('button', { name: 'Stop' }).click();
      await expect.poll(() => textOf(preview), { timeout: 30_000 }).toMatch(/Stopped/);
      const stopped = await textOf(preview);
      await page.waitForTimeout(2_000);
      expect(await textOf(preview)).toBe(stopped);
      return stopped;
    });

    await step(page, 'check what reached Ollama', async () => {
      const chats = peer!.requests.filter((r) => r.method === 'POST' && r.path === '/api/chat');
      expect(chats.map((r) => r.body?.model)).toContain(MODEL);
    });

    await step(page, 'insert the draft into the post', async () => {
      await page.getByRole('button', { name: 'Insert into post' }).click();
      const body = await page.getByLabel('Post', { exact: true }).inputValue();
      expect(body.length).toBeGreaterThan(0);
      expect(stoppedText).toContain(body.slice(0, 20));
    });
    await page.close();
  }, 240_000);
});
