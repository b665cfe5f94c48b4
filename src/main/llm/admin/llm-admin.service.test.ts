import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChosenModelFile } from '../embedded/chosen-model-file';
import { ModelCatalog } from '../embedded/model-catalog';
import { sha256Of, startTestFileServer, testBytes } from '../models/test-file-server';
import { testModelPath } from '../models/test-models';
import { USER_CATALOG_FILE } from './llm-admin.service';
import type { Progress } from '../../../shared/contract/events';
import { createTestCore, type TestCore } from '../../../../test/support/test-core';
import { createOllamaPeer, type OllamaPeer } from '../../../../test/peers/ollama/peer';
import { OPENAI_PEER_KEY, startOpenAiPeer } from '../../../../test/peers/openai/server';

let ollama: OllamaPeer;
let openai: Awaited<ReturnType<typeof startOpenAiPeer>>;
let t: TestCore;

beforeAll(async () => {
  ollama = await createOllamaPeer({ pull: { bytesPerSecond: 16 * 1024 * 1024, tickMs: 20 } });
  openai = await startOpenAiPeer();
  t = await createTestCore({
    llm: { ollama: { url: ollama.url }, embedded: 'off', cloudConnections: { openai: { baseURL: openai.baseURL } } },
  });
});
afterAll(async () => {
  await t?.dispose();
  await ollama?.close();
  await openai?.close();
});

const call = (channel: string, input: unknown) => t.core.dispatcher.invoke(channel, input);

describe('LLM dashboard backend (through the contract, against the Ollama and OpenAI peers)', () => {
  it('reports the connected Ollama and the hardware', async () => {
    const result = await call('llm:get-engine-status', {});
    expect(result).toMatchObject({
      ok: true,
      value: { ollama: { status: 'connected', kind: 'external', url: ollama.url }, embedded: { available: false } },
    });
    if (result.ok) expect((result.value as { hardware: { cores: number } }).hardware.cores).toBeGreaterThan(0);
  });

  it('lists installed models with a fit rating for this machine', async () => {
    const result = await call('llm:list-local-models', {});
    expect(result.ok).toBe(true);
    const models = result.ok ? (result.value as { id: string; fit: string | null }[]) : [];
    expect(models).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'stories260k:latest', fit: expect.stringMatching(/green|yellow|red/) }),
      ]),
    );
  });

  it('pulls a model with rising progress events, then lists it', async () => {
    const events: Progress[] = [];
    const off = t.core.events.onAny((event, payload) => {
      if (event === 'job:progress' && (payload as Progress).jobId === 'pull-1') events.push(payload as Progress);
    });
    const result = await call('llm:pull-model', { model: 'tinyllama:1.1b', jobId: 'pull-1' });
    off();
    expect(result).toEqual({ ok: true, value: { jobId: 'pull-1', outcome: 'success' } });
    const percents = events.map((e) => e.percent).filter((p): p is number => typeof p === 'number');
    expect(percents.length).toBeGreaterThan(1);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
    const listed = await call('llm:list-local-models', {});
    expect(JSON.stringify(listed)).toContain('tinyllama:1.1b');
  });

  it('cancels a pull for real, and says clearly when a model does not exist', async () => {
    const slow = call('llm:pull-model', { model: 'nomic-embed-text', jobId: 'pull-2' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await call('llm:cancel-job', { jobId: 'pull-2' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await slow).toMatchObject({ ok: true, value: { outcome: 'cancelled' } });

    expect(await call('llm:pull-model', { model: 'no-such-model:7b', jobId: 'pull-3' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no model called "no-such-model:7b" to pull' },
    });
  });

  it('drafts through Ollama with the model chosen for the task', async () => {
    await call('llm:save-settings', { chains: { drafting: [{ provider: 'ollama', model: 'tinyllama:1.1b' }] } });
    const tokens: string[] = [];
    const off = t.core.events.onAny((event, payload) => {
      if (event === 'llm:token') tokens.push((payload as { text: string }).text);
    });
    const result = await call('llm:generate-text', { task: 'drafting', prompt: 'Once upon a time', maxTokens: 16 });
    off();
    expect(result).toMatchObject({ ok: true, value: { provider: 'ollama', model: 'tinyllama:1.1b' } });
    expect(tokens.length).toBeGreaterThan(1);
    expect(ollama.requests.some((r) => r.path === '/api/chat' && r.body?.model === 'tinyllama:1.1b')).toBe(true);
  });

  it('refuses a wrong cloud key beside its field, keeps a right one in the secrets port only', async () => {
    const wrong = await call('llm:save-api-key', { provider: 'openai', apiKey: 'sk-wrong-key-123' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: ['apiKey'] }] } },
    });
    expect(await t.core.ports.secrets.keys()).toEqual([]);

    expect(await call('llm:save-api-key', { provider: 'openai', apiKey: OPENAI_PEER_KEY })).toEqual({
      ok: true,
      value: { provider: 'openai', saved: true },
    });
    const providers = await call('llm:list-cloud-providers', {});
    expect(JSON.stringify(providers)).not.toContain(OPENAI_PEER_KEY);
    expect(providers).toMatchObject({
      ok: true,
      value: expect.arrayContaining([expect.objectContaining({ id: 'openai', hasKey: true })]),
    });
    const exported = JSON.stringify(await t.core.services.data.exportAll());
    expect(exported).not.toContain(OPENAI_PEER_KEY);
    const { logTail } = await t.core.services.app.diagnostics(500);
    expect(logTail.join('\n')).not.toContain(OPENAI_PEER_KEY);

    expect(await call('llm:remove-api-key', { provider: 'openai' })).toEqual({
      ok: true,
      value: { provider: 'openai', removed: true },
    });
  });

  it('recommends a model for every task', async () => {
    const result = await call('llm:get-recommendations', {});
    expect(result.ok && (result.value as unknown[]).length).toBe(6);
  });
});

describe('embedded model downloads (against a real HTTP server on 127.0.0.1)', () => {
  it('downloads with progress and a checked SHA-256, refuses a mismatch, and resumes after a cancel', async () => {
    const content = testBytes(3 * 1024 * 1024, 7);
    const server = await startTestFileServer(content);
    try {
      const progress: Progress[] = [];
      const off = t.core.events.onAny((event, payload) => {
        if (event === 'job:progress' && (payload as Progress).jobId.startsWith('dl-'))
          progress.push(payload as Progress);
      });
      const ok = await call('llm:download-embedded-model', {
        url: server.url,
        fileName: 'tiny.gguf',
        sha256: sha256Of(content),
        jobId: 'dl-1',
      });
      expect(ok).toMatchObject({
        ok: true,
        value: { outcome: 'success', sizeBytes: content.length, resumedFromBytes: 0 },
      });
      expect(readFileSync(join(t.dataDir, 'models', 'tiny.gguf')).equals(content)).toBe(true);
      expect(progress.some((p) => p.jobId === 'dl-1' && p.done > 0)).toBe(true);

      const wrong = await call('llm:download-embedded-model', {
        url: server.url,
        fileName: 'other.gguf',
        sha256: '0'.repeat(64),
        jobId: 'dl-2',
      });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { kind: 'checksum' } } });
      expect(existsSync(join(t.dataDir, 'models', 'other.gguf'))).toBe(false);

      server.mode = 'slow';
      const slow = call('llm:download-embedded-model', {
        url: server.url,
        fileName: 'resumed.gguf',
        sha256: sha256Of(content),
        jobId: 'dl-3',
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await call('llm:cancel-job', { jobId: 'dl-3' });
      expect(await slow).toMatchObject({ ok: true, value: { outcome: 'cancelled' } });
      server.mode = 'normal';
      const resumed = await call('llm:download-embedded-model', {
        url: server.url,
        fileName: 'resumed.gguf',
        sha256: sha256Of(content),
        jobId: 'dl-4',
      });
      off();
      expect(resumed).toMatchObject({ ok: true, value: { outcome: 'success' } });
      if (resumed.ok) expect((resumed.value as { resumedFromBytes: number }).resumedFromBytes).toBeGreaterThan(0);
      expect(readFileSync(join(t.dataDir, 'models', 'resumed.gguf')).equals(content)).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('models the user already has, and an edited catalog', () => {
  it('points the embedded engine at a GGUF on this computer only after checking it, and remembers it', async () => {
    const stories = testModelPath('stories260k/stories260K.gguf');
    expect(await call('llm:set-embedded-model-file', { path: 'relative/model.gguf' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: ['path'] }] } },
    });
    const notGguf = join(t.dataDir, 'notes.gguf');
    writeFileSync(notGguf, 'these are notes, not weights');
    expect(await call('llm:set-embedded-model-file', { path: notGguf })).toMatchObject({
      ok: false,
      error: { message: 'That file is not a GGUF model' },
    });

    expect(await call('llm:set-embedded-model-file', { path: stories })).toEqual({
      ok: true,
      value: { path: stories },
    });
    expect(new ChosenModelFile(join(t.dataDir, 'settings', 'embedded-model-file.json')).path).toBe(stories);
    const catalog = new ModelCatalog(join(t.dataDir, 'models'), () => t.core.llm.chosenModelFile.path);
    // The chosen file is listed first, beside any downloaded into the data folder.
    expect((await catalog.list()).map((entry) => entry.id)[0]).toBe('stories260K');

    expect(await call('llm:set-embedded-model-file', { path: null })).toEqual({ ok: true, value: { path: null } });
    expect(await call('llm:get-embedded-model-file', {})).toEqual({ ok: true, value: { path: null } });
  });

  it("uses the user's edited catalog in the data folder, and says what is wrong with a broken one", async () => {
    const file = join(t.dataDir, USER_CATALOG_FILE);
    writeFileSync(file, JSON.stringify({ version: 1, models: [{ name: 'broken' }] }));
    const broken = await call('llm:get-recommendations', {});
    expect(broken).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!broken.ok) expect(broken.error.message).toContain(file);

    const bundled = JSON.parse(
      readFileSync(new URL('../../../../resources/model-catalog.json', import.meta.url), 'utf8'),
    ) as {
      models: { tag: string; tasks: string[] }[];
    };
    const onlyOne = bundled.models.find((m) => m.tasks.includes('hashtags'))!;
    writeFileSync(file, JSON.stringify({ ...bundled, models: [onlyOne] }));
    const edited = await call('llm:get-recommendations', {});
    expect(edited.ok).toBe(true);
    const picks = edited.ok ? (edited.value as { task: string; model: string | null }[]) : [];
    expect(picks.filter((p) => p.model !== null).every((p) => p.model === onlyOne.tag)).toBe(true);
    rmSync(file);
  });
});
