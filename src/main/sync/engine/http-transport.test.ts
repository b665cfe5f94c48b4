import { describe, expect, it } from 'vitest';
import { errorFromBody, HttpSyncTransport } from './http-transport';
import { SyncTransportError } from './transport';

/** Response parsing and error mapping; the real server is exercised in real-server.test.ts. */

function transportAnswering(status: number, body: string, headers: Record<string, string> = {}) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const transport = new HttpSyncTransport({
    baseUrl: 'https://sync.example.test/',
    accessToken: async () => 'token-1',
    fetch: async (url, init) => {
      calls.push({ url: String(url), init });
      return new Response(body, { status, headers });
    },
  });
  return { transport, calls };
}

describe('HttpSyncTransport', () => {
  it('sends the bearer token to /v1 paths and parses a valid answer', async () => {
    const { transport, calls } = transportAnswering(
      200,
      JSON.stringify({ changes: [], cursor: '7', hasMore: false, serverTime: 1 }),
    );
    expect(await transport.pull('3', 100)).toEqual({ changes: [], cursor: '7', hasMore: false, serverTime: 1 });
    expect(calls[0]!.url).toBe('https://sync.example.test/v1/sync/pull?limit=100&cursor=3');
    expect(new Headers(calls[0]!.init!.headers).get('authorization')).toBe('Bearer token-1');
  });

  it('refuses an answer that does not match the contract', async () => {
    const { transport } = transportAnswering(200, JSON.stringify({ accepted: 'many' }));
    await expect(transport.push({ changes: [], sentAt: 1 })).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('maps the server error body to a typed error with its code, status and Retry-After', async () => {
    const body = JSON.stringify({ error: { code: 'rate_limited', message: 'Slow down.' } });
    const { transport } = transportAnswering(429, body, { 'retry-after': '30' });
    const error = await transport.pull(null, 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncTransportError);
    expect(error).toMatchObject({ code: 'rate_limited', message: 'Slow down.', status: 429, retryAfterMs: 30_000 });
  });

  it('a missing keyring is null, not an error', async () => {
    const body = JSON.stringify({ error: { code: 'not_found', message: 'No keyring yet.' } });
    const { transport } = transportAnswering(404, body);
    expect(await transport.getKeyring()).toBeNull();
  });

  it('classifies bodies that are not ours by status', () => {
    expect(errorFromBody(502, '<html>Bad gateway</html>').code).toBe('unavailable');
    expect(errorFromBody(401, '').code).toBe('unauthenticated');
    expect(errorFromBody(409, 'nope').code).toBe('conflict');
  });

  it('a failed connection is a network error', async () => {
    const transport = new HttpSyncTransport({
      baseUrl: 'https://sync.example.test',
      accessToken: async () => 't',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(transport.getKeyring()).rejects.toMatchObject({ code: 'network' });
  });
});
