import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestSyncServer, type TestSyncServer } from '../../../../test/support/sync-server';
import { CloudApiError, CloudUnreachableError } from './cloud-api';
import { SignedOutError } from './cloud-errors';
import { createTestDevice, type TestDevice } from './cloud-session.test-support';
import { SESSION_SECRET_KEY } from './session-store';

const PASSWORD = 'correct horse battery staple';

let server: TestSyncServer;
const devices: TestDevice[] = [];
let counter = 0;

beforeAll(async () => {
  server = await startTestSyncServer({ RATE_LIMITS: 'off' });
}, 60_000);
afterAll(async () => {
  await server?.close();
});
afterEach(async () => {
  for (const device of devices.splice(0)) await device.dispose();
});

async function device(name: string): Promise<TestDevice> {
  const created = await createTestDevice(name);
  devices.push(created);
  return created;
}

function freshEmail(): string {
  counter += 1;
  return `creator-${counter}-${Date.now()}@example.test`;
}

/** Signs a new account up on a laptop and returns it with its email. */
async function signedUpLaptop(): Promise<{ laptop: TestDevice; email: string }> {
  const laptop = await device('Ada’s laptop');
  const email = freshEmail();
  await laptop.session.signUp({ serverUrl: `${server.url}/`, email, password: PASSWORD });
  return { laptop, email };
}

async function caught(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('CloudSession against the real sync server', () => {
  it('signs up, keeps the refresh token only in the secrets port, and sends the verification email', async () => {
    const { laptop, email } = await signedUpLaptop();
    const account = laptop.session.current();
    expect(account).toMatchObject({ serverUrl: server.url, email });
    const mail = await server.inbox.waitFor(email, /confirm your email/i);
    expect(mail.text.length).toBeGreaterThan(0);

    const me = await laptop.session.me();
    expect(me).toMatchObject({ email, emailVerified: false, userId: account!.userId });

    const secret = JSON.parse((await laptop.secrets.get(SESSION_SECRET_KEY))!) as { refreshToken: string };
    expect(secret.refreshToken.length).toBeGreaterThan(20);
    const settings = await laptop.database.db.selectFrom('settings').selectAll().execute();
    expect(JSON.stringify(settings)).not.toContain(secret.refreshToken);
    expect(settings.find((s) => s.key === 'sync.server-url')?.value).toBe(JSON.stringify(server.url));

    const list = await laptop.session.devices();
    expect(list).toEqual([expect.objectContaining({ id: account!.deviceId, name: 'Ada’s laptop', current: true })]);
  });

  it('signs in on a second device, lists both, and a restart keeps the session', async () => {
    const { laptop, email } = await signedUpLaptop();
    const desktop = await device('Studio desktop');
    await desktop.session.signIn({ serverUrl: server.url, email, password: PASSWORD });
    expect(desktop.session.current()!.userId).toBe(laptop.session.current()!.userId);
    const names = (await desktop.session.devices()).map((d) => `${d.name}${d.current ? ' (this)' : ''}`);
    expect(names.sort()).toEqual(['Ada’s laptop', 'Studio desktop (this)']);

    const again = desktop.restart();
    await again.load();
    expect(again.current()).toEqual(desktop.session.current());
    // A new app start has no access token in memory: it refreshes with the stored refresh token.
    expect((await again.me()).email).toBe(email);
    expect(desktop.calls.filter((c) => c === 'POST /v1/auth/refresh')).toHaveLength(1);
  });

  it('refuses a wrong password with the server code and stays signed out', async () => {
    const { email } = await signedUpLaptop();
    const other = await device('Borrowed laptop');
    const error = await caught(() => other.session.signIn({ serverUrl: server.url, email, password: 'not it at all' }));
    expect(error).toBeInstanceOf(CloudApiError);
    expect((error as CloudApiError).code).toBe('invalid_credentials');
    expect(other.session.current()).toBeNull();
    expect(await other.secrets.get(SESSION_SECRET_KEY)).toBeNull();
  });

  it('refreshes ahead of expiry with one request however many callers ask at once', async () => {
    const { laptop } = await signedUpLaptop();
    const first = await laptop.session.accessToken();
    const storedBefore = await laptop.secrets.get(SESSION_SECRET_KEY);
    expect(await laptop.session.accessToken()).toBe(first);
    expect(laptop.calls.filter((c) => c === 'POST /v1/auth/refresh')).toHaveLength(0);

    // Inside the refresh-ahead window (the default token lives 15 minutes).
    laptop.clock.offsetMs = 14.5 * 60_000;
    const tokens = await Promise.all([
      laptop.session.accessToken(),
      laptop.session.accessToken(),
      laptop.session.accessToken(),
    ]);
    expect(new Set(tokens).size).toBe(1);
    // (The access token itself may come out identical within the same second: same claims, same iat.)
    expect(await laptop.secrets.get(SESSION_SECRET_KEY)).not.toBe(storedBefore);
    expect(laptop.calls.filter((c) => c === 'POST /v1/auth/refresh')).toHaveLength(1);
    // Still signed in with the rotated refresh token: parallel refreshes would have been reuse.
    expect((await laptop.session.devices()).length).toBe(1);
  });

  it('never signs out on a network failure; the next call works once the network is back', async () => {
    const { laptop } = await signedUpLaptop();
    laptop.clock.offsetMs = 20 * 60_000;
    laptop.offline.on = true;
    const error = await caught(() => laptop.session.accessToken());
    expect(error).toBeInstanceOf(CloudUnreachableError);
    expect(laptop.session.current()).not.toBeNull();
    expect(await laptop.secrets.get(SESSION_SECRET_KEY)).not.toBeNull();

    laptop.offline.on = false;
    expect((await laptop.session.me()).email).toBe(laptop.session.current()!.email);
  });

  it('a reused refresh token (a restored copy of the session) signs the device out with a plain reason', async () => {
    const { laptop } = await signedUpLaptop();
    const copy = (await laptop.secrets.get(SESSION_SECRET_KEY))!;
    laptop.clock.offsetMs = 20 * 60_000;
    await laptop.session.accessToken(); // rotates: the copied refresh token is now spent

    const restored = await device('Restored backup');
    await restored.secrets.set(SESSION_SECRET_KEY, copy);
    await restored.session.load();
    const error = await caught(() => restored.session.accessToken());
    expect(error).toBeInstanceOf(SignedOutError);
    expect(restored.session.current()).toBeNull();
    expect(restored.session.signedOutReason()).toMatch(/used from somewhere else.*Sign in again/);
    expect(await restored.secrets.get(SESSION_SECRET_KEY)).toBeNull();

    // Reuse revokes the whole family: the laptop's rotated token is dead too.
    laptop.clock.offsetMs = 40 * 60_000;
    await expect(laptop.session.accessToken()).rejects.toBeInstanceOf(SignedOutError);
    expect(laptop.session.current()).toBeNull();
  });

  it('a device revoked from another device is signed out on its next call and told why', async () => {
    const { laptop, email } = await signedUpLaptop();
    const desktop = await device('Studio desktop');
    await desktop.session.signIn({ serverUrl: server.url, email, password: PASSWORD });
    await desktop.session.revokeDevice(laptop.session.current()!.deviceId);
    const remaining = await desktop.session.devices();
    expect(remaining.find((d) => d.name === 'Ada’s laptop')?.revokedAt ?? null).not.toBeNull();

    const changes: string[] = [];
    laptop.session.onChange(() => changes.push(laptop.session.current() ? 'in' : 'out'));
    await expect(laptop.session.devices()).rejects.toBeInstanceOf(SignedOutError);
    expect(laptop.session.current()).toBeNull();
    expect(laptop.session.signedOutReason()).toMatch(/signed out from another device/);
    expect(changes).toEqual(['out']);
  });

  it('signs out: revokes the session on the server and forgets the tokens here', async () => {
    const { laptop, email } = await signedUpLaptop();
    const stored = JSON.parse((await laptop.secrets.get(SESSION_SECRET_KEY))!) as { refreshToken: string };
    expect(await laptop.session.signOut()).toEqual({ revokedOnServer: true });
    expect(laptop.session.current()).toBeNull();
    expect(laptop.session.signedOutReason()).toBeNull();
    expect(await laptop.secrets.get(SESSION_SECRET_KEY)).toBeNull();
    // The server forgot it too: the old refresh token no longer works.
    const response = await fetch(`${server.url}/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: stored.refreshToken }),
    });
    expect(response.status).toBe(401);
    // The server address is remembered for the next sign-in.
    expect(laptop.session.serverUrl()).toBe(server.url);
    await laptop.session.signIn({ email, password: PASSWORD });
    expect(laptop.session.current()!.email).toBe(email);
  });

  it('signs out offline too, keeping nothing', async () => {
    const { laptop } = await signedUpLaptop();
    laptop.clock.offsetMs = 20 * 60_000;
    laptop.offline.on = true;
    expect(await laptop.session.signOut()).toEqual({ revokedOnServer: false });
    expect(laptop.session.current()).toBeNull();
    expect(await laptop.secrets.get(SESSION_SECRET_KEY)).toBeNull();
  });

  it('resends verification and requests a password reset (the latter signed out)', async () => {
    const { laptop, email } = await signedUpLaptop();
    await server.inbox.waitFor(email, /confirm your email/i);
    await laptop.session.resendVerification();
    await expect
      .poll(() => server.inbox.messages.filter((m) => m.to.includes(email) && /confirm/i.test(m.subject)).length)
      .toBe(2);
    await laptop.session.signOut();
    await laptop.session.requestPasswordReset(email);
    await server.inbox.waitFor(email, /reset your cadence password/i);
  });

  it('deletes the account only with the right password, then is signed out and cannot sign in', async () => {
    const { laptop, email } = await signedUpLaptop();
    const wrong = await caught(() => laptop.session.deleteAccount('definitely wrong'));
    expect(wrong).toBeInstanceOf(CloudApiError);
    expect(laptop.session.current()).not.toBeNull();

    await laptop.session.deleteAccount(PASSWORD);
    expect(laptop.session.current()).toBeNull();
    expect(await laptop.secrets.get(SESSION_SECRET_KEY)).toBeNull();
    const again = await caught(() => laptop.session.signIn({ email, password: PASSWORD }));
    expect((again as CloudApiError).code).toBe('invalid_credentials');
  });

  it('names the device limit of the plan when one device too many signs in, and stays signed out', async () => {
    const { email } = await signedUpLaptop();
    const second = await device('Studio desktop');
    await second.session.signIn({ serverUrl: server.url, email, password: PASSWORD });
    const third = await device('Old netbook');
    const error = await caught(() => third.session.signIn({ serverUrl: server.url, email, password: PASSWORD }));
    expect(error).toBeInstanceOf(CloudApiError);
    expect((error as CloudApiError).code).toBe('device_limit');
    expect((error as Error).message).toMatch(/2/);
    expect(third.session.current()).toBeNull();
  });

  it('refuses another server while signed in, and a second sign-in over the first', async () => {
    const { laptop, email } = await signedUpLaptop();
    await expect(laptop.session.setServerUrl('https://elsewhere.example')).rejects.toThrow(/Sign out before/);
    await expect(laptop.session.signIn({ email, password: PASSWORD })).rejects.toThrow(/already signed in/);
  });

  it('says plainly when the address is not a reachable Cadence server', async () => {
    const nowhere = await device('Offline laptop');
    const error = await caught(() =>
      nowhere.session.signIn({ serverUrl: 'http://127.0.0.1:9', email: 'a@example.test', password: PASSWORD }),
    );
    expect(error).toBeInstanceOf(CloudUnreachableError);
    expect((error as Error).message).toContain('Cannot reach the sync server at http://127.0.0.1:9');
  });
});
