import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, startTestSyncServer, type TestSyncServer } from '../../../test/support/sync-server';
import { consumeQuota, refundQuota, usageFor } from './usage-meter';

describe('usage meter (real PostgreSQL)', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('counts up to the limit and refuses past it, with what is left', async () => {
    const { userId } = await createTestUser(server);
    const db = server.database.db;
    const base = { userId, kind: 'ai_tokens' as const, limit: 100, period: '2026-11' };
    expect(await consumeQuota(db, { ...base, amount: 60 })).toEqual({ used: 60 });
    await expect(consumeQuota(db, { ...base, amount: 50 })).rejects.toMatchObject({
      status: 429,
      code: 'quota_exceeded',
      details: { used: 60, limit: 100 },
    });
    expect(await consumeQuota(db, { ...base, amount: 40 })).toEqual({ used: 100 });
    await refundQuota(db, { ...base, amount: 30 });
    expect(await usageFor(db, userId, '2026-11')).toEqual({ aiTokens: 70, relayPosts: 0 });
    expect(await usageFor(db, userId, '2026-12')).toEqual({ aiTokens: 0, relayPosts: 0 });
  });

  it('lets exactly the allowance through when many requests race for it', async () => {
    const { userId } = await createTestUser(server);
    const db = server.database.db;
    const attempts = Array.from({ length: 40 }, () =>
      consumeQuota(db, { userId, kind: 'relay_posts', amount: 1, limit: 25, period: '2026-11' }).then(
        () => 'ok',
        () => 'refused',
      ),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r === 'ok')).toHaveLength(25);
    expect((await usageFor(db, userId, '2026-11')).relayPosts).toBe(25);
  });
});
