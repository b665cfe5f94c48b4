import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { metaServiceDown, startMetaTokenPeer, type MetaTokenPeer } from '../../../test/peers/token-endpoints/meta';
import { startTestSyncServer, type TestSyncServer } from '../../../test/support/sync-server';
import { codeFromMetaPeer, FACEBOOK_APP, FACEBOOK_SCOPES } from '../../server/oauth/oauth.test-support';
import { createTestDevice, type TestDevice } from '../sync/account/cloud-session.test-support';
import { CloudTokenBroker } from './cloud-token-broker';
import { TokenCallError } from './oauth-client';

/**
 * The desktop's broker end to end: a real CloudSession signed in to a real sync service, which
 * makes Facebook's token calls against the token peer with Cadence's app secret.
 */

const PASSWORD = 'correct horse battery staple';
const DAY_MS = 24 * 3_600_000;

let server: TestSyncServer;
let facebook: MetaTokenPeer;
const devices: TestDevice[] = [];
let counter = 0;

beforeAll(async () => {
  facebook = await startMetaTokenPeer({ platform: 'facebook', ...FACEBOOK_APP, now: () => new Date() });
  server = await startTestSyncServer({
    OAUTH_FACEBOOK_CLIENT_ID: FACEBOOK_APP.clientId,
    OAUTH_FACEBOOK_CLIENT_SECRET: FACEBOOK_APP.clientSecret,
    OAUTH_FACEBOOK_BASE_URL: facebook.origin,
  });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await facebook?.close();
});
afterEach(async () => {
  for (const device of devices.splice(0)) await device.dispose();
});

/** A laptop signed up to the test server, with a broker over its session and a clock to move. */
async function signedInLaptop() {
  const laptop = await createTestDevice('Ada’s laptop');
  devices.push(laptop);
  counter += 1;
  const email = `broker-${counter}-${Date.now()}@example.test`;
  await laptop.session.signUp({ serverUrl: server.url, email, password: PASSWORD });
  const broker = new CloudTokenBroker({
    session: laptop.session,
    fetch: (input, init) => laptopFetch(laptop, input, init),
    now: () => Date.now() + laptop.clock.offsetMs,
  });
  return { laptop, broker, email };
}

/** The laptop's own fetch (it records paths and can be unplugged), as the session uses it. */
function laptopFetch(laptop: TestDevice, input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  laptop.calls.push(`${init?.method ?? 'GET'} ${url.pathname}`);
  if (laptop.offline.on) return Promise.reject(new TypeError('fetch failed'));
  return fetch(input, init);
}

const code = () => codeFromMetaPeer(facebook.origin, '/v21.0/dialog/oauth', FACEBOOK_APP.clientId, FACEBOOK_SCOPES);

async function tokenError(run: () => Promise<unknown>): Promise<TokenCallError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof TokenCallError) return error;
    throw error;
  }
  throw new Error('expected a TokenCallError');
}

describe('CloudTokenBroker against the sync service', () => {
  it('has no apps while signed out, and lists the server’s apps once signed in, cached a few minutes', async () => {
    const laptop = await createTestDevice('Fresh laptop');
    devices.push(laptop);
    const broker = new CloudTokenBroker({ session: laptop.session, now: () => Date.now() + laptop.clock.offsetMs });
    await laptop.session.load();
    expect(await broker.apps()).toEqual({});

    const signed = await signedInLaptop();
    const asked = () => signed.laptop.calls.filter((c) => c === 'GET /v1/oauth/apps').length;
    expect(await signed.broker.apps()).toEqual({ facebook: FACEBOOK_APP.clientId });
    expect(await signed.broker.apps()).toEqual({ facebook: FACEBOOK_APP.clientId });
    expect(asked()).toBe(1);
    signed.laptop.clock.offsetMs = 6 * 60_000;
    await signed.broker.apps();
    expect(asked()).toBe(2);

    // Offline: the last answer for this account still holds.
    signed.laptop.clock.offsetMs = 12 * 60_000;
    signed.laptop.offline.on = true;
    expect(await signed.broker.apps()).toEqual({ facebook: FACEBOOK_APP.clientId });

    // Signed out: nothing, at once.
    signed.laptop.offline.on = false;
    await signed.laptop.session.signOut();
    expect(await signed.broker.apps()).toEqual({});
  });

  it('says the server cannot be asked when offline with no earlier answer (transient)', async () => {
    const { laptop, broker } = await signedInLaptop();
    laptop.offline.on = true;
    const error = await tokenError(() => broker.apps());
    expect(error.kind).toBe('transient');
    expect(error.message).toMatch(/try again when online/);
  });

  it('exchanges a Facebook code through the server for a long-lived token', async () => {
    const { broker, laptop } = await signedInLaptop();
    const before = Date.now();
    const token = await broker.exchangeCode('facebook', await code());
    expect(facebook.book.live(token.accessToken, ['long'])).not.toBeNull();
    const days = (Date.parse(token.expiresAt ?? '') - before) / DAY_MS;
    expect(days).toBeGreaterThan(59);
    expect(laptop.calls).toContain('POST /v1/oauth/token');
    // The laptop only ever talked to the sync server: the secret-bearing calls came from there.
    expect(laptop.calls.every((call) => call.includes('/v1/'))).toBe(true);
  });

  it('reads a refused code as revoked, with the platform’s OAuth error', async () => {
    const { broker } = await signedInLaptop();
    const grant = await code();
    await broker.exchangeCode('facebook', grant);
    const error = await tokenError(() => broker.exchangeCode('facebook', grant));
    expect(error.kind).toBe('revoked');
    expect(error.oauthError).toBe('invalid_grant');
    expect(error.message).toMatch(/Connect the account again/);

    const renewal = await tokenError(() => broker.refresh('facebook', { accessToken: 'long-whatever' }));
    expect(renewal.kind).toBe('revoked');
    expect(renewal.oauthError).toBe('no_refresh');
  });

  it('reads a platform outage, an app the server lacks and being offline as transient', async () => {
    const { broker, laptop } = await signedInLaptop();
    facebook.inject({ ...metaServiceDown, path: /access_token$/ });
    const down = await tokenError(async () => broker.exchangeCode('facebook', await code()));
    expect(down.kind).toBe('transient');

    const missing = await tokenError(() => broker.refresh('tiktok', { accessToken: 'a', refreshToken: 'r' }));
    expect(missing.kind).toBe('transient');
    expect(missing.message).toMatch(/own TikTok app/);

    const grant = await code();
    laptop.offline.on = true;
    const offline = await tokenError(() => broker.exchangeCode('facebook', grant));
    expect(offline.kind).toBe('transient');
    laptop.offline.on = false;
    // Nothing reached Facebook while offline: the same code still works.
    expect((await broker.exchangeCode('facebook', grant)).accessToken).toBeTruthy();
  });

  it('refreshes an access token the server calls expired once, then goes on', async () => {
    const { broker, laptop } = await signedInLaptop();
    server.clock.offsetMs = 16 * 60_000;
    try {
      const token = await broker.exchangeCode('facebook', await code());
      expect(token.accessToken).toBeTruthy();
      expect(laptop.calls.filter((c) => c === 'POST /v1/oauth/token')).toHaveLength(2);
    } finally {
      server.clock.offsetMs = 0;
    }
  });

  it('when the device was revoked elsewhere: transient, the session signs out with its reason, apps empty', async () => {
    const { laptop, broker, email } = await signedInLaptop();
    const phone = await createTestDevice('Phone');
    devices.push(phone);
    await phone.session.signIn({ serverUrl: server.url, email, password: PASSWORD });
    await phone.session.revokeDevice(laptop.session.current()?.deviceId ?? '');

    const error = await tokenError(async () => broker.exchangeCode('facebook', await code()));
    expect(error.kind).toBe('transient');
    expect(laptop.session.current()).toBeNull();
    expect(laptop.session.signedOutReason()).toMatch(/signed out from another device/);
    expect(error.message).toMatch(/signed out from another device/);
    expect(await broker.apps()).toEqual({});
  });

  it('refuses to call at all while signed out, saying how to connect', async () => {
    const laptop = await createTestDevice('Signed-out laptop');
    devices.push(laptop);
    await laptop.session.load();
    const broker = new CloudTokenBroker({ session: laptop.session });
    const error = await tokenError(async () => broker.exchangeCode('facebook', await code()));
    expect(error.kind).toBe('transient');
    expect(error.message).toMatch(/Sign in to Cadence sync .* or add your own Facebook app/);
  });
});
