import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meResponseSchema } from '../../shared/sync-api/accounts';
import { startTestSyncServer, type TestSyncServer } from '../../../test/support/sync-server';
import { accountsApi, errorCode, tokenFromMail, uniqueEmail } from './test-api';

describe('password reset end to end (real PostgreSQL and SMTP)', () => {
  let server: TestSyncServer;
  let api: ReturnType<typeof accountsApi>;
  beforeAll(async () => {
    server = await startTestSyncServer({ RATE_LIMITS: 'off' });
    api = accountsApi(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers 204 for an unknown address and sends nothing', async () => {
    const nobody = uniqueEmail('nobody');
    const response = await api.call('POST', '/auth/request-password-reset', { body: { email: nobody } });
    expect(response.status).toBe(204);
    await expect(server.inbox.waitFor(nobody, /Reset/, 500)).rejects.toThrow(/No email/);
  });

  it('emails a link, sets the new password, signs out every device, and the link works once', async () => {
    const email = uniqueEmail('reset');
    const laptop = await api.register(email, 'the old password 1');
    const phone = await api.loginOk(email, 'the old password 1');

    expect((await api.call('POST', '/auth/request-password-reset', { body: { email } })).status).toBe(204);
    const mail = await server.inbox.waitFor(email, /Reset your Cadence password/);
    expect(mail.text).toContain('/v1/auth/pages/reset-password?token=');
    const token = tokenFromMail(mail);

    const tooShort = await api.call('POST', '/auth/reset-password', { body: { token, password: 'short' } });
    expect(errorCode(tooShort)).toBe('invalid_input');

    expect(
      (await api.call('POST', '/auth/reset-password', { body: { token, password: 'the new password 2' } })).status,
    ).toBe(204);

    for (const device of [laptop, phone]) {
      const refused = await api.refresh(device.refreshToken);
      expect(refused.status).toBe(401);
      expect((refused.body as { error: { message: string } }).error.message).toMatch(/password was changed/);
      expect((await api.me(device.accessToken)).status).toBe(401);
    }
    expect(errorCode(await api.login(email, 'the old password 1'))).toBe('invalid_credentials');
    const signedIn = await api.loginOk(email, 'the new password 2');
    // Following the emailed link proved the mailbox, so the address is verified too.
    expect(meResponseSchema.parse((await api.me(signedIn.accessToken)).body).emailVerified).toBe(true);

    const reused = await api.call('POST', '/auth/reset-password', { body: { token, password: 'a third password 3' } });
    expect(errorCode(reused)).toBe('invalid_token');
  });

  it('refuses an expired reset link', async () => {
    const email = uniqueEmail('late');
    await api.register(email);
    await api.call('POST', '/auth/request-password-reset', { body: { email } });
    const token = tokenFromMail(await server.inbox.waitFor(email, /Reset/));
    server.clock.offsetMs = 61 * 60_000;
    try {
      const late = await api.call('POST', '/auth/reset-password', { body: { token, password: 'the new password 2' } });
      expect(errorCode(late)).toBe('invalid_token');
    } finally {
      server.clock.offsetMs = 0;
    }
  });

  it('resets through the page the email links to, checking both fields match', async () => {
    const email = uniqueEmail('page');
    await api.register(email, 'the old password 1');
    await api.call('POST', '/auth/request-password-reset', { body: { email } });
    const token = tokenFromMail(await server.inbox.waitFor(email, /Reset/));
    const link = `${server.url}/v1/auth/pages/reset-password?token=${token}`;
    expect(await (await fetch(link)).text()).toContain('type="password"');

    const submit = (password: string, confirm: string) =>
      fetch(link, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, password, confirm }).toString(),
      });
    const mismatch = await submit('the new password 2', 'the new password 3');
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('not the same');

    const done = await submit('the new password 2', 'the new password 2');
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Password changed');
    expect((await api.login(email, 'the new password 2')).status).toBe(200);
  });
});
