import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOllamaPeer, type OllamaPeer } from '../../../test/peers/ollama/peer';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import type * as PromptModule from '../studio/prompt';
import { gate, PLAN, postScript, startBulk, waitForJob } from './bulk.test-support';

/** Short drafts: the test proves the restart rule, not long generations by the tiny model. */
vi.mock('../studio/prompt', async (importOriginal) => ({
  ...(await importOriginal<typeof PromptModule>()),
  draftMaxTokens: () => 48,
}));

let peer: OllamaPeer;
let dataDir: string;
let reopened: TestCore | undefined;
beforeAll(async () => {
  peer = await createOllamaPeer();
  dataDir = mkdtempSync(join(tmpdir(), 'cadence-bulk-restart-'));
});
afterAll(async () => {
  await reopened?.dispose();
  await peer?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('bulk generation across a restart', () => {
  it(
    'redoes the item that was generating when the core closed and resumes the running job, without duplicates',
    { timeout: 60_000 },
    async () => {
      // First run: a scripted engine that never finishes the second item, then the app quits.
      const stuck = gate();
      const first = await startBulk({
        dataDir,
        script: postScript({
          onPost: (r) => (r.messages.at(-1)?.content.includes('How to') ? stuck.wait(r.signal) : undefined),
        }),
      });
      await first.t.core.services.llm.saveSettings({
        chains: { drafting: [{ provider: 'ollama', model: 'stories260k:latest' }] },
      });
      const plan = await first.bulk.service.plan({ ...PLAN, platforms: ['x'] });
      const jobId = plan.job.id;
      await first.bulk.service.start(jobId);
      await waitForJob(first, jobId, (d) => d.items[1]?.status === 'generating');
      await first.bulk.close();
      const atQuit = await first.bulk.service.repository.items(jobId);
      expect(atQuit.map((i) => i.status)).toEqual(['done', 'generating', 'pending']);
      await first.t.core.close();

      // Second run on the same data folder: the core's own bulk domain, the real tiny model behind Ollama.
      reopened = await createTestCore({ dataDir, llm: { ollama: { url: peer.url }, embedded: 'off' } });
      const bulk = reopened.core.domains.bulk.service;
      const until = Date.now() + 50_000;
      let detail = await bulk.getJob(jobId);
      while (detail.job.status !== 'done' && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 50));
        detail = await bulk.getJob(jobId);
      }

      expect(detail.job.status).toBe('done');
      expect(detail.items.map((i) => [i.status, i.attempts])).toEqual([
        ['done', 1],
        ['done', 2],
        ['done', 1],
      ]);
      const origins = await reopened.core.database.db.selectFrom('post_origins').selectAll().execute();
      expect(origins.map((o) => o.bulk_item_id).sort()).toEqual(detail.items.map((i) => i.id).sort());
      expect(await reopened.core.services.posts.repository.count()).toBe(3);
      expect(new Set(detail.items.map((i) => i.postId)).size).toBe(3);
    },
  );

  it('keeps a paused job paused after a restart', { timeout: 30_000 }, async () => {
    const h = await startBulk({ script: postScript() });
    const plan = await h.bulk.service.plan({ ...PLAN, platforms: ['x'] });
    await h.bulk.service.start(plan.job.id);
    await h.bulk.service.pause(plan.job.id);
    await h.bulk.service.settled(plan.job.id);
    const before = await h.bulk.service.getJob(plan.job.id);
    await h.bulk.close();
    await h.t.core.close();

    const again = await createTestCore({ dataDir: h.t.dataDir });
    try {
      await again.core.domains.bulk.close(); // waits for the startup recovery to finish
      const after = await again.core.domains.bulk.service.getJob(plan.job.id);
      expect(after.job.status).toBe('paused');
      expect(after.items.map((i) => i.status)).toEqual(before.items.map((i) => i.status));
    } finally {
      await again.dispose();
      rmSync(h.t.dataDir, { recursive: true, force: true });
    }
  });
});
