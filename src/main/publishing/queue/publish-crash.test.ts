import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../../test/support/test-core';
import { invokeOk } from '../../../../test/support/invoke';
import { CrashSignal, isCrash } from './crash-signal';
import { connectAccount, ScriptedPlatform, scriptedPorts } from './scripted-connector.test-support';

const TRIALS = 200;
const STEPS = ['before-send', 'after-accept', 'before-commit'] as const;
type Step = (typeof STEPS)[number];

/** A small seeded PRNG (mulberry32) so a failing trial can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const abandoned: TestCore[] = [];
const dataDirs: string[] = [];
afterAll(async () => {
  // The crashed cores are closed only now, long after their successors took over.
  for (const t of abandoned) await t.core.close().catch(() => undefined);
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe('crash tests: a crash at any step of a publish never loses or doubles a post', () => {
  it(`holds each post exactly once on the platform over ${TRIALS} randomized crashes`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? 20261125);
    const random = prng(seed);
    const platform = new ScriptedPlatform('mastodon');
    const dataDir = mkdtempSync(join(tmpdir(), 'cadence-crash-'));
    dataDirs.push(dataDir);
    const counts: Record<Step, number> = { 'before-send': 0, 'after-accept': 0, 'before-commit': 0 };
    const keys: string[] = [];

    // One database file across every trial: each crash leaves its core behind, and a NEW core
    // opened on the same file must finish the job.
    let current = await createTestCore({ dataDir });
    await connectAccount(current.core, 'mastodon');
    for (let trial = 0; trial < TRIALS; trial++) {
      const step = STEPS[Math.floor(random() * STEPS.length)]!;
      counts[step] += 1;
      const ports = scriptedPorts(platform);
      if (step === 'before-send') platform.script.push({ kind: 'crash-before-send' });
      if (step === 'after-accept') platform.script.push({ kind: 'crash-after-accept' });
      if (step === 'before-commit') {
        ports.faults = {
          beforeCommit: () => {
            throw new CrashSignal('before-commit');
          },
        };
      }
      const runner = current.core.domains.publishing.attach(ports, { timer: false });
      const post = await current.core.services.posts.create({
        body: `Trial ${trial} ${Math.floor(random() * 1e9)}`,
        platforms: ['mastodon'],
      });
      const [job] = (await invokeOk(current.core, 'publishing:publish-now', { postId: post.id })).jobs;
      keys.push(
        (
          await current.core.database.db
            .selectFrom('publish_jobs')
            .select('idempotency_key')
            .where('id', '=', job!.id)
            .executeTakeFirstOrThrow()
        ).idempotency_key,
      );

      const crash = await runner.runDue().then(
        () => null,
        (error: unknown) => error,
      );
      expect(isCrash(crash), `trial ${trial} (${step}, seed ${seed}) should crash`).toBe(true);
      abandoned.push(current);

      // Restart: a new core on the same file, some time later (past the dead runner's lease).
      const restartAt = new Date(current.clock.now().getTime() + 60_000 + Math.floor(random() * 120_000)).toISOString();
      current = await createTestCore({ dataDir, now: restartAt });
      const fresh = current.core.domains.publishing.attach(scriptedPorts(platform), { timer: false });
      await fresh.runDue();
      const settled = (await invokeOk(current.core, 'publishing:get-job', { jobId: job!.id })).job;
      expect(settled.status, `trial ${trial} (${step}, seed ${seed})`).toBe('published');
    }

    const duplicates = keys.filter((k) => platform.copies(k) > 1).length;
    const lost = keys.filter((k) => platform.copies(k) === 0).length;
    expect({ duplicates, lost, total: platform.posts.length }).toEqual({ duplicates: 0, lost: 0, total: TRIALS });
    const publications = await current.core.database.db.selectFrom('post_publications').select('id').execute();
    expect(publications).toHaveLength(TRIALS);
    for (const step of STEPS) expect(counts[step]).toBeGreaterThan(30);
    await current.core.close();
  }, 60_000);
});
