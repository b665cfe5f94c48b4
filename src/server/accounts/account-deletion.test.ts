import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSyncServer, type TestSyncServer } from '../../../test/support/sync-server';
import { usagePeriod } from '../tiers/entitlements';
import { consumeQuota } from '../usage/usage-meter';
import { accountsApi, errorCode, uniqueEmail } from './test-api';

/** Every table with a user_id column, read from the catalogue so tables added by other areas count too. */
async function rowsPerUserTable(server: TestSyncServer, userId: string): Promise<Record<string, number>> {
  const db = server.database.db;
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'user_id'
    order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const result = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(table_name)} where user_id = ${userId}`.execute(db);
    counts[table_name] = result.rows[0]?.n ?? -1;
  }
  return counts;
}

describe('account deletion (real PostgreSQL)', () => {
  let server: TestSyncServer;
  let api: ReturnType<typeof accountsApi>;
  beforeAll(async () => {
    server = await startTestSyncServer({ RATE_LIMITS: 'off' });
    api = accountsApi(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function busyAccount(label: string) {
    const email = uniqueEmail(label);
    const laptop = await api.register(email);
    await api.loginOk(email);
    await api.call('POST', '/auth/request-password-reset', { body: { email } });
    await consumeQuota(server.database.db, {
      userId: laptop.userId,
      kind: 'ai_tokens',
      amount: 10,
      limit: 100,
      period: usagePeriod(new Date()),
    });
    return laptop;
  }

  it('refuses without the right password and keeps everything', async () => {
    const user = await busyAccount('keep');
    const before = await rowsPerUserTable(server, user.userId);
    const refused = await api.call('DELETE', '/me', { token: user.accessToken, body: { password: 'not it at all' } });
    expect(refused.status).toBe(403);
    expect(errorCode(refused)).toBe('invalid_credentials');
    expect(await rowsPerUserTable(server, user.userId)).toEqual(before);
  });

  it('leaves 0 rows for the user in every table with a user_id, and other accounts intact', async () => {
    const doomed = await busyAccount('doomed');
    const bystander = await busyAccount('bystander');
    const before = await rowsPerUserTable(server, doomed.userId);
    // The fixture really reaches the account's tables, or the assertion below would prove nothing.
    for (const table of ['devices', 'refresh_families', 'email_tokens', 'usage_counters']) {
      expect(before[table]).toBeGreaterThan(0);
    }
    const bystanderBefore = await rowsPerUserTable(server, bystander.userId);

    const deleted = await api.call('DELETE', '/me', {
      token: doomed.accessToken,
      body: { password: 'correct horse battery' },
    });
    expect(deleted.status).toBe(204);

    const after = await rowsPerUserTable(server, doomed.userId);
    expect(Object.keys(after).length).toBeGreaterThanOrEqual(4);
    expect(Object.values(after).every((n) => n === 0)).toBe(true);
    const userRows = await server.database.db
      .selectFrom('users')
      .select('id')
      .where('id', '=', doomed.userId)
      .execute();
    expect(userRows).toHaveLength(0);
    expect(await rowsPerUserTable(server, bystander.userId)).toEqual(bystanderBefore);

    expect(errorCode(await api.me(doomed.accessToken))).toBe('unauthenticated');
    expect(errorCode(await api.refresh(doomed.refreshToken))).toBe('unauthenticated');
  });
});
