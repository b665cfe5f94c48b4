import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meResponseSchema } from '../../shared/sync-api/accounts';
import { createTestUser, startTestSyncServer, type TestSyncServer } from '../../../test/support/sync-server';
import { accountsApi, errorCode, tokenFromMail, uniqueEmail } from './test-api';
import { requireVerifiedEmail } from './verified';

describe('registration and email verification (real PostgreSQL and SMTP)', () => {
  let server: TestSyncServer;
  let api: ReturnType<typeof accountsApi>;
  beforeAll(async () => {
    server = await startTestSyncServer({ RATE_LIMITS: 'off' });
    api = accountsApi(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('registers, emails a link, and verifies the address with it (once)', async () => {
    const email = uniqueEmail('reg');
    const tokens = await api.register(email.toUpperCase());
    expect(tokens.expiresIn).toBe(server.config.ACCESS_TOKEN_TTL_SECONDS);

    const before = meResponseSchema.parse((await api.me(tokens.accessToken)).body);
    expect(before).toMatchObject({ email, emailVerified: false, tier: 'free', role: 'user' });
    await expect(requireVerifiedEmail(server.database.db, tokens.userId)).rejects.toMatchObject({
      status: 403,
      code: 'email_not_verified',
    });

    const mail = await server.inbox.waitFor(email, /Confirm your email/);
    expect(mail.text).toContain(`${server.config.PUBLIC_URL}/v1/auth/pages/verify-email?token=`);
    const token = tokenFromMail(mail);
    const verified = await api.call('POST', '/auth/verify-email', { body: { token } });
    expect(verified.status).toBe(204);

    const after = meResponseSchema.parse((await api.me(tokens.accessToken)).body);
    expect(after.emailVerified).toBe(true);
    await expect(requireVerifiedEmail(server.database.db, tokens.userId)).resolves.toBeUndefined();
    await expect(requireVerifiedEmail(server.database.db, crypto.randomUUID())).rejects.toMatchObject({
      status: 401,
      code: 'unauthenticated',
    });

    const again = await api.call('POST', '/auth/verify-email', { body: { token } });
    expect(again.status).toBe(400);
    expect(errorCode(again)).toBe('invalid_token');
  });

  it('verifies through the page the email links to; opening the link alone spends nothing', async () => {
    const email = uniqueEmail('page');
    const tokens = await api.register(email);
    const token = tokenFromMail(await server.inbox.waitFor(email, /Confirm your email/));
    const link = `${server.url}/v1/auth/pages/verify-email?token=${token}`;

    const shown = await fetch(link);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await shown.text()).toContain(`value="${token}"`);
    expect(meResponseSchema.parse((await api.me(tokens.accessToken)).body).emailVerified).toBe(false);

    const posted = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('Email confirmed');
    expect(meResponseSchema.parse((await api.me(tokens.accessToken)).body).emailVerified).toBe(true);

    const reused = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(reused.status).toBe(400);
    expect(await reused.text()).toContain('not valid any more');
  });

  it('resends the verification email until the address is verified, then sends nothing', async () => {
    const email = uniqueEmail('resend');
    const tokens = await api.register(email);
    await server.inbox.waitFor(email, /Confirm your email/);
    const resent = await api.call('POST', '/auth/resend-verification', { token: tokens.accessToken });
    expect(resent.status).toBe(204);
    await expect.poll(() => server.inbox.messages.filter((m) => m.to.includes(email)).length).toBe(2);
    const latest = server.inbox.messages.filter((m) => m.to.includes(email)).at(-1);
    expect((await api.call('POST', '/auth/verify-email', { body: { token: tokenFromMail(latest!) } })).status).toBe(
      204,
    );

    expect((await api.call('POST', '/auth/resend-verification', { token: tokens.accessToken })).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.inbox.messages.filter((m) => m.to.includes(email))).toHaveLength(2);
  });

  it('refuses a taken email whatever its case, and bad input with the issues', async () => {
    const email = uniqueEmail('taken');
    await api.register(email);
    const taken = await api.call('POST', '/auth/register', {
      body: { email: email.toUpperCase(), password: 'another long password', device: { name: 'x', platform: 'y' } },
    });
    expect(taken.status).toBe(409);
    expect(errorCode(taken)).toBe('email_taken');

    const bad = await api.call('POST', '/auth/register', {
      body: { email: 'not-an-email', password: 'short', device: { name: '', platform: 'linux' } },
    });
    expect(bad.status).toBe(400);
    expect(errorCode(bad)).toBe('invalid_input');
    const issues = (bad.body as { error: { details: { issues: Array<{ path: string }> } } }).error.details.issues;
    expect(issues.map((i) => i.path).sort()).toEqual(['device.name', 'email', 'password']);
  });

  it('signs in with the password, and answers a wrong password and an unknown email the same way', async () => {
    const email = uniqueEmail('login');
    await api.register(email);
    const ok = await api.loginOk(email);
    expect((await api.me(ok.accessToken)).status).toBe(200);

    const wrong = await api.login(email, 'wrong password here');
    const unknown = await api.login(uniqueEmail('nobody'), 'wrong password here');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
    expect(errorCode(wrong)).toBe('invalid_credentials');
  });

  it('stores an argon2id hash, never the password', async () => {
    const email = uniqueEmail('hash');
    await api.register(email, 'a very secret password');
    const row = await server.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const [, algorithm, version, params] = row.password_hash.split('$');
    expect([algorithm, version]).toEqual(['argon2id', 'v=19']);
    expect(params?.split(',').sort()).toEqual(['m=19456', 'p=1', 't=2']);
    expect(row.password_hash).not.toContain('a very secret password');
  });

  it('reports GET /v1/me with the tier entitlements and this month’s usage', async () => {
    const user = await createTestUser(server, { tier: 'creator' });
    const me = meResponseSchema.parse((await api.me(user.accessToken)).body);
    expect(me.entitlements).toEqual({ devices: 5, aiTokensPerMonth: 1_000_000, relayPostsPerMonth: 500 });
    expect(me.usage).toEqual({ aiTokens: 0, relayPosts: 0, period: new Date().toISOString().slice(0, 7) });
    expect((await api.me('')).status).toBe(401);
  });
});
