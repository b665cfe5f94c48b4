import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverErrorBodySchema } from '../shared/sync-api/errors';
import { startTestSyncServer, type TestSyncServer } from '../../test/support/sync-server';

describe('sync service basics (real PostgreSQL)', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers liveness and readiness, with the database checked', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true, checks: { database: 'ok' } });
  });

  it('exposes Prometheus metrics, HTTP timings included', async () => {
    await fetch(`${server.url}/healthz`);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toContain('cadence_http_request_duration_seconds_bucket');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('answers an unknown route with the shared error body', async () => {
    const response = await fetch(`${server.url}/v1/nothing-here`);
    expect(response.status).toBe(404);
    expect(serverErrorBodySchema.parse(await response.json()).error.code).toBe('not_found');
  });

  it('refuses bad settings at start with the variable named', async () => {
    const { readServerConfig } = await import('./config');
    expect(() => readServerConfig({ DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' })).toThrow(
      /DATABASE_URL[\s\S]*JWT_SECRET/,
    );
  });
});
