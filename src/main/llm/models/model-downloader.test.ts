import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelDownloadError } from './download-error';
import type { DownloadProgress } from './download-progress';
import { downloadModel, type ModelDownloadRequest } from './model-downloader';
import { sha256Of, startTestFileServer, type TestFileServer, testBytes } from './test-file-server';

const FILE = testBytes(1_500_000);
let server: TestFileServer;
let modelsDir: string;

beforeEach(async () => {
  server = await startTestFileServer(FILE);
  modelsDir = join(await mkdtemp(join(tmpdir(), 'cadence-download-')), 'models');
});

afterEach(async () => {
  await server.close();
  await rm(join(modelsDir, '..'), { recursive: true, force: true });
});

function request(overrides: Partial<ModelDownloadRequest> = {}): ModelDownloadRequest {
  return {
    url: server.url,
    modelsDir,
    fileName: 'tiny.gguf',
    sha256: sha256Of(FILE),
    jobId: 'pull-tiny',
    retryDelayMs: 10,
    progressIntervalMs: 0,
    ...overrides,
  };
}

const target = () => join(modelsDir, 'tiny.gguf');
const part = () => `${target()}.part`;
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('should have failed'),
    (e: unknown) => e,
  );

describe('downloadModel', () => {
  it('downloads, verifies and renames into place, reporting progress', async () => {
    const events: DownloadProgress[] = [];
    const result = await downloadModel(request({ onProgress: (p) => events.push(p) }));

    expect(await readFile(target())).toEqual(FILE);
    expect(result).toMatchObject({ sizeBytes: FILE.length, sha256: sha256Of(FILE), resumedFrom: 0, requests: 1 });
    expect(await readdir(modelsDir)).toEqual(['tiny.gguf']);
    expect(server.requests[0]?.range).toBeUndefined();

    expect(events.map((e) => e.phase)).toEqual(expect.arrayContaining(['connecting', 'downloading', 'verifying']));
    expect(events.every((e) => e.jobId === 'pull-tiny' && e.done <= FILE.length)).toBe(true);
    const downloading = events.filter((e) => e.phase === 'downloading');
    expect(downloading.every((e) => e.total === FILE.length && e.cancellable)).toBe(true);
    expect(downloading.some((e) => e.bytesPerSecond !== null && e.etaSeconds !== null)).toBe(true);
    expect(events.at(-1)).toMatchObject({ phase: 'done', done: FILE.length, total: FILE.length, percent: 100 });
  });

  it('resumes with a Range request after the connection drops', async () => {
    server.mode = 'drop-once';
    const result = await downloadModel(request());

    expect(result.requests).toBe(2);
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(server.requests[1]?.range ?? '')?.[1]);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThanOrEqual(server.dropAfter);
    expect(server.requests[1]?.['if-range']).toMatch(/^".+"$/);
    expect(Buffer.compare(await readFile(target()), FILE)).toBe(0);
  });

  it('resumes in a later run from the partial file left behind', async () => {
    server.mode = 'drop-once';
    const error = await failure(downloadModel(request({ retries: 0 })));
    expect(error).toMatchObject({ code: 'network', message: expect.stringContaining('run it again to resume') });
    const kept = (await stat(part())).size;
    expect(kept).toBeGreaterThan(0);

    const result = await downloadModel(request());
    expect(result.resumedFrom).toBe(kept);
    expect(server.requests.at(-1)?.range).toBe(`bytes=${kept}-`);
    expect(Buffer.compare(await readFile(target()), FILE)).toBe(0);
    expect(existsSync(part())).toBe(false);
  });

  it('starts over when the server ignores Range', async () => {
    server.mode = 'drop-once';
    await failure(downloadModel(request({ retries: 0 })));
    server.mode = 'ignore-range';

    const result = await downloadModel(request());
    expect(server.requests.at(-1)?.range).toMatch(/^bytes=\d+-$/);
    expect(result.sizeBytes).toBe(FILE.length);
    expect(Buffer.compare(await readFile(target()), FILE)).toBe(0);
  });

  it('starts over when the file changed on the server since the partial download', async () => {
    server.mode = 'drop-once';
    await failure(downloadModel(request({ retries: 0 })));
    const republished = testBytes(1_200_000, 2);
    server.setContent(republished);
    server.mode = 'normal';

    await downloadModel(request({ sha256: sha256Of(republished) }));
    expect(Buffer.compare(await readFile(target()), republished)).toBe(0);
  });

  it('deletes a download whose checksum does not match', async () => {
    const error = await failure(downloadModel(request({ sha256: 'ab'.repeat(32) })));
    expect(error).toBeInstanceOf(ModelDownloadError);
    expect(error).toMatchObject({ code: 'checksum', message: expect.stringContaining('did not match its SHA-256') });
    expect(await readdir(modelsDir)).toEqual([]);
  });

  it('keeps the partial file on cancel, and the next run resumes it', async () => {
    server.mode = 'slow';
    const controller = new AbortController();
    const error = await failure(
      downloadModel(
        request({
          signal: controller.signal,
          onProgress: (p) => p.done > 100_000 && controller.abort(),
        }),
      ),
    );
    expect(error).toMatchObject({ code: 'cancelled', message: expect.stringContaining('resumes') });
    const kept = (await stat(part())).size;
    expect(kept).toBeGreaterThan(100_000);
    expect(kept).toBeLessThan(FILE.length);

    server.mode = 'normal';
    const result = await downloadModel(request());
    expect(result.resumedFrom).toBe(kept);
    expect(server.requests.at(-1)?.range).toBe(`bytes=${kept}-`);
    expect(Buffer.compare(await readFile(target()), FILE)).toBe(0);
  });

  it('says clearly when the file is not there', async () => {
    const url = server.url.replace('model.gguf', 'missing.gguf');
    const error = await failure(downloadModel(request({ url })));
    expect(error).toMatchObject({
      code: 'not_found',
      status: 404,
      message: `The model file is not at ${url} (HTTP 404)`,
    });
    expect(await readdir(modelsDir)).toEqual([]);
  });

  it('refuses to start when the disk is too full, keeping what it has', async () => {
    const error = await failure(downloadModel(request({ freeBytes: async () => 1_000_000 })));
    expect(error).toMatchObject({
      code: 'disk_full',
      message: expect.stringMatching(/needs 1\.5 MB more, and 1\.0 MB is free/),
    });
  });

  it('reports a server that refuses to connect as a resumable network error', async () => {
    await server.close();
    const error = await failure(downloadModel(request({ retries: 1 })));
    expect(error).toMatchObject({ code: 'network' });
  });
});
