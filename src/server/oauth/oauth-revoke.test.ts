import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokerRevokeResponseSchema } from '../../shared/sync-api/oauth';
import { serverErrorBodySchema } from '../../shared/sync-api/errors';
import { startTikTokOAuthPeer, TIKTOK_OAUTH_DIALECT } from '../../../test/peers/tiktok/oauth';
import type { FormTokenPeer } from '../../../test/peers/token-endpoints/form-token-peer';
import { s256Hex } from '../../../test/peers/token-endpoints/grant-book';
import {
  createTestUser,
  startTestSyncServer,
  type TestSyncServer,
  type TestUser,
} from '../../../test/support/sync-server';
import { codeGrantFrom } from '../../main/accounts/token-exchange/exchange.test-support';
import { CONFIDENTIAL_EXCHANGES, defaultExchangeTarget } from '../../main/accounts/token-exchange/index';
import type { TokenSet } from '../../main/publishing/providers/connector';
import { everythingStored } from './oauth.test-support';

/**
 * POST /v1/oauth/revoke on a real sync service (PostgreSQL, HTTP) in front of TikTok's token peer:
 * the server withdraws a device's TikTok grant with Cadence's app secret, which the desktop never has.
 */

const TIKTOK_APP = { clientId: 'cadence-tiktok-key', clientSecret: 'tt-app-secret-5f1c9e' } as const;

let server: TestSyncServer;
let tiktok: FormTokenPeer;
let user: TestUser;

beforeAll(async () => {
  tiktok = await startTikTokOAuthPeer({ ...TIKTOK_APP, now: () => new Date() });
  server = await startTestSyncServer({
    OAUTH_TIKTOK_CLIENT_ID: TIKTOK_APP.clientId,
    OAUTH_TIKTOK_CLIENT_SECRET: TIKTOK_APP.clientSecret,
    OAUTH_TIKTOK_BASE_URL: tiktok.origin,
  });
  user = await createTestUser(server);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await tiktok?.close();
});

/** A TikTok grant made with Cadence's app, as if the device had signed in through the broker. */
async function tiktokToken(): Promise<TokenSet> {
  const grant = await codeGrantFrom(
    `${tiktok.origin}${TIKTOK_OAUTH_DIALECT.authorizePath}`,
    { client_key: TIKTOK_APP.clientId, scope: 'user.info.basic,video.publish', response_type: 'code' },
    (v) => Promise.resolve(s256Hex(v)),
  );
  return CONFIDENTIAL_EXCHANGES.tiktok.exchangeCode(TIKTOK_APP, grant, defaultExchangeTarget('tiktok', tiktok.origin));
}

async function revoke(body: unknown, who: TestUser | null = user) {
  const response = await fetch(`${server.url}/v1/oauth/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(who ? { authorization: `Bearer ${who.accessToken}` } : {}) },
    body: JSON.stringify(body),
  });
  return { response, json: (await response.json()) as unknown };
}

const userInfo = (accessToken: string) =>
  fetch(`${tiktok.origin}${TIKTOK_OAUTH_DIALECT.me.path}`, { headers: { authorization: `Bearer ${accessToken}` } });

describe('POST /v1/oauth/revoke', () => {
  it("withdraws a TikTok grant with Cadence's app: the token is dead at TikTok, and nothing is kept", async () => {
    const token = await tiktokToken();
    expect((await userInfo(token.accessToken)).status).toBe(200);

    const { response, json } = await revoke({ platform: 'tiktok', token });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(brokerRevokeResponseSchema.parse(json)).toEqual({ revoked: true });

    const call = tiktok.requests.find((r) => r.path === '/v2/oauth/revoke/');
    expect(call?.body.kind === 'form' ? call.body.fields.get('client_secret')?.[0] : null).toBe(
      TIKTOK_APP.clientSecret,
    );
    expect((await userInfo(token.accessToken)).status).toBe(401);
    expect(tiktok.book.live(token.refreshToken, ['refresh'])).toBeNull();
    const stored = await everythingStored(server.database.db);
    expect(stored).not.toContain(token.accessToken);
    expect(stored).not.toContain(TIKTOK_APP.clientSecret);
  });

  it('answers 404 not_found for a platform this server holds no app for', async () => {
    const { response, json } = await revoke({ platform: 'linkedin', token: { accessToken: 'li-token' } });
    expect(response.status).toBe(404);
    expect(serverErrorBodySchema.parse(json).error.code).toBe('not_found');
  });

  it('answers 502 upstream_failed when TikTok fails, and the token still works', async () => {
    const token = await tiktokToken();
    tiktok.inject({ kind: 'error', status: 500, body: { error: 'internal_error' }, path: /\/v2\/oauth\/revoke\// });
    const { response, json } = await revoke({ platform: 'tiktok', token });
    expect(response.status).toBe(502);
    const error = serverErrorBodySchema.parse(json).error;
    expect(error.code).toBe('upstream_failed');
    expect(error.message).not.toContain(TIKTOK_APP.clientSecret);
    expect((await userInfo(token.accessToken)).status).toBe(200);
  });

  it('answers 401 when signed out, before calling TikTok', async () => {
    const calls = tiktok.requests.length;
    const { response, json } = await revoke({ platform: 'tiktok', token: { accessToken: 'x' } }, null);
    expect(response.status).toBe(401);
    expect(serverErrorBodySchema.parse(json).error.code).toBe('unauthenticated');
    expect(tiktok.requests.length).toBe(calls);
  });

  it('refuses a malformed request with 400 invalid_input', async () => {
    const { response } = await revoke({ platform: 'tiktok', token: { accessToken: '' } });
    expect(response.status).toBe(400);
  });

  it('counts revocations by platform and outcome', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const count = (labels: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`cadence_oauth_broker_calls_total{${labels}}`));
      return line ? Number(line.split(' ').pop()) : 0;
    };
    expect(count('platform="tiktok",grant="revoke",outcome="ok"')).toBe(1);
    expect(count('platform="tiktok",grant="revoke",outcome="upstream_failed"')).toBe(1);
    expect(count('platform="linkedin",grant="revoke",outcome="not_configured"')).toBe(1);
  });
});
