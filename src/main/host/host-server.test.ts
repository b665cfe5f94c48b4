import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { type RunningHost, startHost } from './host-server';

let t: TestCore;
let host: RunningHost;
let rendererDir: string;

beforeAll(async () => {
  t = await createTestCore();
  rendererDir = mkdtempSync(join(tmpdir(), 'cadence-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Cadence</title></head></html>');
  host = await startHost({ core: t.core, rendererDir });
});
afterAll(async () => {
  await host.close();
  await t.dispose();
  rmSync(rendererDir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${host.port}`;
const invoke = (channel: string, body: unknown, token: string | null = host.token) =>
  fetch(`${base()}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe('headless host', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers /health without the token', async () => {
    const response = await fetch(`${base()}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: expect.any(String) });
  });

  it('refuses API calls without the token, or with a wrong one, with 401', async () => {
    for (const token of [null, 'wrong', `${host.token}x`]) {
      const response = await invoke('app:get-info', {}, token);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('runs contract calls with the token and maps error codes to HTTP statuses', async () => {
    const ok = await invoke('posts:create-post', { body: 'from the browser' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, value: { body: 'from the browser', status: 'draft' } });
    const bad = await invoke('posts:create-post', { status: 'posted' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const unknown = await invoke('posts:teleport', {});
    expect(unknown.status).toBe(404);
  });

  it('binds 127.0.0.1 only', async () => {
    const address = host.server.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1', port: host.port });
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: external.address, port: host.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(false);
        });
        socket.once('error', () => resolve(true));
      });
      expect(refused).toBe(true);
    }
  });

  it('refuses other Host names (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: host.port, path: '/health', headers: { host: 'evil.example:80' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('serves the renderer with a CSP, and the app shell for client routes with assets pinned to the root', async () => {
    for (const route of ['/', '/library', '/compose/3f2b8c1e-7a4d-4e6f-9b1a-2c3d4e5f6a7b']) {
      const response = await fetch(`${base()}${route}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('<title>Cadence</title>');
      expect(html).toContain('<base href="/" />');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it('pushes events over the WebSocket only to holders of the token', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`);
    refused.on('error', () => undefined);
    const refusal = await new Promise<string>((resolve) => {
      refused.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      refused.on('open', () => resolve('open'));
    });
    expect(refusal).toBe('401');

    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api/events?token=${host.token}`);
    await new Promise((resolve) => socket.once('open', resolve));
    const message = new Promise<unknown>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    const created = (await (await invoke('posts:create-post', { body: 'push me' })).json()) as {
      value: { id: string };
    };
    expect(await message).toEqual({ event: 'posts:changed', payload: { ids: [created.value.id], reason: 'created' } });
    socket.close();
  });
});
