import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { invokeError, invokeOk } from '../../../test/support/invoke';

/**
 * A minimal XRPC fake of com.atproto.server.createSession / refreshSession (the lexicons'
 * shapes and error names: AuthenticationRequired 401, ExpiredToken 400). A real PDS run is the
 * connectors' job; this only covers the accounts side of app-password sign-in.
 */
async function startFakePds(now: () => Date) {
  const refreshTokens = new Set<string>();
  let serial = 0;
  const jwt = (ttlSeconds: number) => {
    serial += 1;
    const payload = { sub: 'did:plc:ada123', exp: Math.floor(now().getTime() / 1000) + ttlSeconds, jti: serial };
    return `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig${serial}`;
  };
  const send = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/xrpc/com.atproto.server.createSession') {
        const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, string>;
        if (body.identifier !== 'ada.bsky.social' || body.password !== 'abcd-efgh-ijkl-mnop') {
          return send(res, 401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
        }
      } else if (req.method === 'POST' && req.url === '/xrpc/com.atproto.server.refreshSession') {
        const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        if (!refreshTokens.delete(bearer))
          return send(res, 400, { error: 'ExpiredToken', message: 'Token has expired' });
      } else {
        return send(res, 404, { error: 'MethodNotImplemented' });
      }
      const refreshJwt = jwt(90 * 86_400);
      refreshTokens.add(refreshJwt);
      send(res, 200, { accessJwt: jwt(7200), refreshJwt, handle: 'ada.bsky.social', did: 'did:plc:ada123' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forgetSessions: () => refreshTokens.clear(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('Bluesky with an app password', () => {
  let t: TestCore;
  let pds: Awaited<ReturnType<typeof startFakePds>>;

  beforeEach(async () => {
    t = await createTestCore();
    pds = await startFakePds(() => t.clock.now());
  });
  afterEach(async () => {
    await t.dispose();
    await pds.close();
  });

  it('creates a session, stores both JWTs in the secrets port with the DID and PDS, and refreshes', async () => {
    const account = await invokeOk(t.core, 'accounts:connect-app-password', {
      handle: '@ada.bsky.social',
      appPassword: 'abcd-efgh-ijkl-mnop',
      service: pds.url,
    });
    expect(account).toMatchObject({
      platform: 'bluesky',
      handle: 'ada.bsky.social',
      source: 'connected',
      status: 'valid',
      instanceUrl: pds.url,
      expiresAt: '2026-11-25T12:00:00.000Z',
      statusDetail: 'Expires in 2 h — Cadence refreshes it automatically.',
    });
    const stored = JSON.parse((await t.core.ports.secrets.get(`account:${account.id}:token`)) ?? '{}') as {
      refreshToken: string;
      extra: Record<string, string>;
    };
    expect(stored.extra).toEqual({ did: 'did:plc:ada123', pds: pds.url });

    t.clock.advance(115 * 60_000);
    expect(await t.core.domains.accounts.tokens.refreshDue()).toEqual({ refreshed: 1, failed: 0 });
    const context = await t.core.domains.accounts.tokens.context(account.id);
    expect(context.baseUrl).toBe(pds.url);
    expect(context.token.refreshToken).not.toBe(stored.refreshToken);
    expect(context.token.extra).toEqual({ did: 'did:plc:ada123', pds: pds.url });
    expect(context.account.externalId).toBe('did:plc:ada123');

    pds.forgetSessions();
    t.clock.advance(115 * 60_000);
    await t.core.domains.accounts.tokens.refreshDue();
    const [view] = await invokeOk(t.core, 'accounts:list-accounts', {});
    expect(view?.status).toBe('needs_reconnect');
    expect(view?.statusDetail).toContain('Bluesky needs you to reconnect');
  });

  it('refuses a wrong app password plainly and stores nothing', async () => {
    expect(
      await invokeError(t.core, 'accounts:connect-app-password', {
        handle: 'ada.bsky.social',
        appPassword: 'wrong-pass-word-xxxx',
        service: pds.url,
      }),
    ).toEqual({ code: 'UNAUTHORIZED', message: 'Bluesky did not accept this handle and app password.' });
    expect(await t.core.ports.secrets.keys()).toEqual([]);
    expect(await invokeOk(t.core, 'accounts:list-accounts', {})).toEqual([]);
  });
});
