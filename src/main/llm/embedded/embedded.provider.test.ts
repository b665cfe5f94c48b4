import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testModelPath } from '../models/test-models';
import { LlmError } from '../provider';
import { EmbeddedEngine } from './embedded.engine';
import { EmbeddedProvider } from './embedded.provider';
import { EmbeddedSupervisor } from './embedded.supervisor';
import { CHATML_TEMPLATE, writeTruncated, writeWithChatTemplate } from './gguf-test-files';
import { ModelCatalog } from './model-catalog';
import { type BuiltWorker, buildTestWorker } from './test-worker-build';

/** One real worker for the file: starting node-llama-cpp is the slow part, the model is tiny. */
let worker: BuiltWorker;
let supervisor: EmbeddedSupervisor;
let engine: EmbeddedEngine;
let provider: EmbeddedProvider;
let dataDir: string;
const STORY = testModelPath('stories260k/stories260K.gguf');
const once = [{ role: 'user' as const, content: 'Once upon a time' }];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cadence-embedded-'));
  await mkdir(join(dataDir, 'models'));
  await copyFile(STORY, join(dataDir, 'models', 'stories260K.gguf'));
  worker = await buildTestWorker();
  supervisor = new EmbeddedSupervisor({ workerPath: worker.path, healthIntervalMs: 0 });
  engine = new EmbeddedEngine(supervisor);
  provider = new EmbeddedProvider(engine, supervisor, new ModelCatalog(join(dataDir, 'models')), { contextSize: 512 });
}, 60_000);

afterAll(async () => {
  await supervisor?.close();
  await worker?.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

describe('EmbeddedProvider on stories260K', () => {
  it('lists the GGUF files in the data folder', async () => {
    await writeFile(join(dataDir, 'models', 'half.gguf.part'), 'partial download');
    const sizeBytes = (await stat(STORY)).size;
    expect(await provider.listModels()).toEqual([{ id: 'stories260K', provider: 'embedded', sizeBytes }]);
    expect(provider.id).toBe('embedded');
    expect(provider.location).toBe('local');
  });

  it('streams real tokens as they are generated', { timeout: 60_000 }, async () => {
    const pieces: { text: string; at: number }[] = [];
    const result = await provider.generate({
      model: 'stories260k',
      messages: once,
      maxTokens: 32,
      temperature: 0.8,
      onToken: (text) => pieces.push({ text, at: performance.now() }),
    });

    expect(pieces.length).toBeGreaterThanOrEqual(5);
    expect(result.text.trim().length).toBeGreaterThan(0);
    expect(result.text).toBe(pieces.map((p) => p.text).join(''));
    expect(result.tokensIn).toBeGreaterThan(0);
    expect(result.tokensOut).toBeGreaterThanOrEqual(pieces.length);
    expect(result.tokensOut).toBeLessThanOrEqual(32);
    expect(['length', 'stop']).toContain(result.finishReason);
    expect(result.ttftMs).toBeGreaterThan(0);
    expect(result.ttftMs).toBeLessThanOrEqual(result.durationMs);
    // Incremental, not one burst at the end: the pieces arrived over time.
    expect(pieces.at(-1)!.at).toBeGreaterThan(pieces[0]!.at);
  });

  it('stops within a few tokens of a cancel', { timeout: 60_000 }, async () => {
    const controller = new AbortController();
    let calls = 0;
    const result = await provider.generate({
      model: 'stories260K',
      messages: once,
      maxTokens: 400,
      signal: controller.signal,
      onToken: () => {
        calls += 1;
        if (calls === 3) controller.abort();
      },
    });
    expect(result.finishReason).toBe('cancelled');
    expect(result.tokensOut).toBeGreaterThanOrEqual(3);
    expect(result.tokensOut).toBeLessThanOrEqual(3 + 8);
    expect(calls).toBeLessThanOrEqual(3 + 8);
  });

  it('returns a cancel at once when the signal is already aborted', async () => {
    const result = await provider.generate({ model: 'stories260K', messages: once, signal: AbortSignal.abort() });
    expect(result).toMatchObject({ text: '', tokensOut: 0, finishReason: 'cancelled', ttftMs: null });
  });

  it('counts tokens with the model tokenizer', async () => {
    const count = await provider.countTokens('stories260K', 'Once upon a time, there was a cat.');
    expect(Number.isInteger(count)).toBe(true);
    expect(count).toBeGreaterThan(3);
  });

  it('follows a JSON schema', { timeout: 60_000 }, async () => {
    const result = await provider.generate({
      model: 'stories260K',
      messages: once,
      maxTokens: 16,
      jsonSchema: { type: 'string', enum: ['happy', 'sad'] },
    });
    expect(['happy', 'sad']).toContain(JSON.parse(result.text));
  });

  it('refuses a prompt longer than the context', async () => {
    const small = new EmbeddedProvider(engine, supervisor, new ModelCatalog(join(dataDir, 'models')), {
      contextSize: 64,
    });
    const long = [{ role: 'user' as const, content: 'Once upon a time there was a dog. '.repeat(40) }];
    await expect(small.generate({ model: 'stories260K', messages: long })).rejects.toMatchObject({
      kind: 'context_too_long',
    });
  });

  it('names the installed models when asked for one that is missing', async () => {
    const error = await provider.generate({ model: 'llama-3.2-3b', messages: once }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: 'not_found', message: expect.stringContaining('available: stories260K') });
  });

  it('reports health with the loaded model', async () => {
    expect(await provider.health()).toMatchObject({ ok: true, detail: expect.stringContaining('stories260K.gguf') });
  });
});

describe('EmbeddedEngine with unusable model files', () => {
  it('says the file is missing', async () => {
    const missing = join(dataDir, 'gone.gguf');
    await expect(engine.load({ modelPath: missing, contextSize: 256 })).rejects.toMatchObject({
      kind: 'not_found',
      message: `Model file not found: ${missing}`,
    });
  });

  it.each([
    ['random bytes', async (path: string) => writeFile(path, Buffer.alloc(4096, 7))],
    ['a truncated download', async (path: string) => writeTruncated(STORY, path, 600_000)],
    ['a text file', async (path: string) => writeFile(path, 'not a model')],
  ])('says the file is not a valid model: %s', async (_, make) => {
    const path = join(dataDir, 'broken.gguf');
    await make(path);
    const error = await engine.load({ modelPath: path, contextSize: 256 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: 'provider_down' });
    expect((error as Error).message).toMatch(
      /^Could not load broken\.gguf: it is not a valid or complete GGUF model \(.+\)$/,
    );
    // The worker survived: it still answers.
    expect((await supervisor.ping()).type).toBe('pong');
  });

  it('uses the chat template when the model has one', { timeout: 60_000 }, async () => {
    const chatModel = join(dataDir, 'models', 'stories-chat.gguf');
    await writeWithChatTemplate(STORY, chatModel, CHATML_TEMPLATE);
    const loaded = await engine.load({ modelPath: chatModel, contextSize: 512 });
    expect(loaded.promptFormat).toBe('chat');

    const result = await provider.generate({
      model: 'stories-chat',
      messages: [{ role: 'system', content: 'Tell a story.' }, ...once],
      maxTokens: 16,
    });
    // The template wraps the two messages in ChatML markers, so the prompt is far longer than 4 tokens.
    expect(result.tokensIn).toBeGreaterThan(10);
    expect(result.tokensOut).toBeGreaterThan(0);
  });
});
