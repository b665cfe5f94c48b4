import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../../test/support/test-core';
import type { Database as Schema } from '../../db/schema';
import { JobRepository } from './job.repository';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const t of cores.splice(0)) await t.dispose();
});

describe('job repository', () => {
  it('serves the runner’s hot queries from indexes: no scan of the queue, no sort of the due rows', async () => {
    const t = await createTestCore();
    cores.push(t);
    const raw = t.core.database.raw;
    // The repository's real SQL, captured as it runs on the test core's database.
    const queries: CompiledQuery[] = [];
    const db = new Kysely<Schema>({
      dialect: new SqliteDialect({ database: raw }),
      log: (event) => {
        if (event.level === 'query') queries.push(event.query);
      },
    });
    const jobs = new JobRepository(db);
    const now = t.clock.now().toISOString();
    await jobs.claimDue('runner-a', now, now, 4);
    await jobs.nextWakeAt();
    await jobs.recoverExpired(now);
    const plans = queries.map((q) =>
      raw
        .prepare(`explain query plan ${q.sql}`)
        .all(...q.parameters)
        .map((r) => (r as { detail: string }).detail)
        .join('\n'),
    );
    const [claim, wake, recover] = plans;
    expect(claim).toContain('USING INDEX publish_jobs_runnable_at');
    expect(wake).toContain('USING INDEX publish_jobs_runnable_at');
    expect(wake).toContain('USING INDEX publish_jobs_due');
    expect(recover).toContain('USING INDEX publish_jobs_due');
    for (const plan of plans) {
      expect(plan).not.toMatch(/SCAN publish_jobs|TEMP B-TREE/);
    }
  });
});
