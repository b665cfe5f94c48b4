import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionTokensSchema } from '../../shared/sync-api/accounts';
import { startTestSyncServer, type TestSyncServer } from '../../../test/support/sync-server';
import { ENDED_FAMILY_RETENTION_DAYS, sweepEndedFamilies } from './refresh-tokens';
import { accountsApi, errorCode, uniqueEmail } from './test-api';

describe('access and refresh tokens (real PostgreSQL)', () => {
  let server: TestSyncServer;
  let api: ReturnType<typeof accountsApi>;
  beforeAll(async () => {
    server = await startTestSyncServer({ RATE_LIMITS: 'off' });
    api = accountsApi(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('rotates: each refresh gives a new pair and the new refresh token works in turn', async () => {
    const first = await api.register(uniqueEmail('rotate'));
    const second = sessionTokensSchema.parse((await api.refresh(first.refreshToken)).body);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second).toMatchObject({ userId: first.userId, deviceId: first.deviceId });
    expect((await api.me(second.accessToken)).status).toBe(200);
    const third = await api.refresh(second.refreshToken);
    expect(third.status).toBe(200);
  });

  it('keeps only hashes of refresh tokens in the database', async () => {
    const tokens = await api.register(uniqueEmail('hashes'));
    const secret = tokens.refreshToken.split('.').at(-1)!;
    const dump = await sql<{ dump: string }>`select string_agg(t::text, '|') as dump from refresh_families t`.execute(
      server.database.db,
    );
    expect(dump.rows[0]?.dump).not.toContain(secret);
  });

  it('treats a rotated token used again as theft: the family and its device are revoked, other devices stay', async () => {
    const email = uniqueEmail('reuse');
    const laptop = await api.register(email);
    const phone = await api.loginOk(email);
    const rotated = sessionTokensSchema.parse((await api.refresh(laptop.refreshToken)).body);

    const reused = await api.refresh(laptop.refreshToken);
    expect(reused.status).toBe(401);
    expect(errorCode(reused)).toBe('refresh_reused');

    // The newest token of that family is dead too, and so is its access token.
    const afterTheft = await api.refresh(rotated.refreshToken);
    expect(afterTheft.status).toBe(401);
    expect(errorCode(afterTheft)).toBe('refresh_reused');
    const meLaptop = await api.me(rotated.accessToken);
    expect(errorCode(meLaptop)).toBe('device_revoked');

    // The phone signed in separately: its family is untouched.
    const phoneNext = await api.refresh(phone.refreshToken);
    expect(phoneNext.status).toBe(200);
    const families = await server.database.db
      .selectFrom('refresh_families')
      .select(['device_id', 'revoked_reason'])
      .where('user_id', '=', laptop.userId)
      .execute();
    expect(families).toEqual(
      expect.arrayContaining([
        { device_id: laptop.deviceId, revoked_reason: 'reuse' },
        { device_id: phone.deviceId, revoked_reason: null },
      ]),
    );
  });

  it('lets only one of two simultaneous refreshes with the same token win', async () => {
    const tokens = await api.register(uniqueEmail('race'));
    const results = await Promise.all([api.refresh(tokens.refreshToken), api.refresh(tokens.refreshToken)]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 401]);
    expect(errorCode(results.find((r) => r.status === 401)!)).toBe('refresh_reused');
  });

  it('refuses a made-up or malformed refresh token without touching any family', async () => {
    const tokens = await api.register(uniqueEmail('forged'));
    const [family, generation] = tokens.refreshToken.split('.');
    const forged = await api.refresh(`${family}.${generation}.${'A'.repeat(43)}`);
    expect(errorCode(forged)).toBe('unauthenticated');
    const future = await api.refresh(`${family}.7.${'A'.repeat(43)}`);
    expect(errorCode(future)).toBe('unauthenticated');
    expect(errorCode(await api.refresh('x'.repeat(40)))).toBe('unauthenticated');
    expect((await api.refresh(tokens.refreshToken)).status).toBe(200);
  });

  it('says token_expired for an access token past its lifetime, and refresh still works', async () => {
    const tokens = await api.register(uniqueEmail('expiry'));
    server.clock.offsetMs = (server.config.ACCESS_TOKEN_TTL_SECONDS + 60) * 1000;
    try {
      const expired = await api.me(tokens.accessToken);
      expect(expired.status).toBe(401);
      expect(errorCode(expired)).toBe('token_expired');
      const fresh = sessionTokensSchema.parse((await api.refresh(tokens.refreshToken)).body);
      expect((await api.me(fresh.accessToken)).status).toBe(200);
    } finally {
      server.clock.offsetMs = 0;
    }
  });

  it('ends a sign-in left unused past the refresh lifetime', async () => {
    const tokens = await api.register(uniqueEmail('idle'));
    server.clock.offsetMs = (server.config.REFRESH_TOKEN_TTL_DAYS + 1) * 86_400_000;
    try {
      const refused = await api.refresh(tokens.refreshToken);
      expect(refused.status).toBe(401);
      expect(errorCode(refused)).toBe('unauthenticated');
      expect((refused.body as { error: { message: string } }).error.message).toMatch(/expired/);
    } finally {
      server.clock.offsetMs = 0;
    }
  });

  it('signs out: the refresh token stops working and the access token is refused at once', async () => {
    const tokens = await api.register(uniqueEmail('logout'));
    expect((await api.call('POST', '/auth/logout', { token: tokens.accessToken })).status).toBe(204);
    expect(errorCode(await api.refresh(tokens.refreshToken))).toBe('unauthenticated');
    expect(errorCode(await api.me(tokens.accessToken))).toBe('device_revoked');
  });

  it('sweeps families that ended long ago and keeps live and recently ended ones', async () => {
    const email = uniqueEmail('sweep');
    const live = await api.register(email);
    const ended = await api.loginOk(email);
    await api.call('POST', '/auth/logout', { token: ended.accessToken });
    const familiesOf = () =>
      server.database.db
        .selectFrom('refresh_families')
        .select('device_id')
        .where('user_id', '=', live.userId)
        .execute();

    await sweepEndedFamilies(server.database.db, new Date());
    expect(await familiesOf()).toHaveLength(2);
    const later = new Date(Date.now() + (ENDED_FAMILY_RETENTION_DAYS + 1) * 86_400_000);
    await sweepEndedFamilies(server.database.db, later);
    expect(await familiesOf()).toEqual([{ device_id: live.deviceId }]);
  });
});
