import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTestModel, testModelsDir } from './models-path';
import { createOllamaPeer, type OllamaPeer } from './peer';
import { registryModel } from './store';

/** The peer itself, checked against the published reference with raw HTTP (no client library). */
let peer: OllamaPeer;

beforeAll(async () => {
  peer = await createOllamaPeer({
    registry: [registryModel('stories260k', 1_185_376), registryModel('tiny:1b', 300_000)],
    pull: { bytesPerSecond: 10_000_000, tickMs: 10 },
  });
});
afterAll(() => peer.close());

const post = (path: string, body: unknown, method = 'POST') =>
  fetch(`${peer.url}${path}`, { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

async function ndjson(response: Response): Promise<Record<string, unknown>[]> {
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const STATS = ['total_duration', 'load_duration', 'prompt_eval_count', 'prompt_eval_duration', 'eval_count'];

describe('Ollama protocol peer', () => {
  it('answers the root, version and tags like a server', async () => {
    expect(await (await fetch(peer.url)).text()).toBe('Ollama is running');
    expect(await (await fetch(`${peer.url}/api/version`)).json()).toEqual({ version: '0.12.6' });
    const tags = (await (await fetch(`${peer.url}/api/tags`)).json()) as { models: Array<Record<string, unknown>> };
    expect(tags.models[0]).toMatchObject({ name: 'stories260k:latest', size: expect.any(Number) });
    expect(tags.models[0]?.details).toMatchObject({ format: 'gguf', family: 'llama', parameter_size: '1.1B' });
  });

  it('gives gin 404s for unknown routes and wrong methods, JSON errors for unknown models', async () => {
    const route = await fetch(`${peer.url}/api/nothing`);
    expect(route.status).toBe(404);
    expect(await route.text()).toBe('404 page not found');
    expect((await fetch(`${peer.url}/api/chat`)).status).toBe(404);
    const show = await post('/api/show', { model: 'missing' });
    expect(show.status).toBe(404);
    expect(show.headers.get('content-type')).toContain('application/json');
    expect(await show.json()).toEqual({ error: "model 'missing' not found" });
    expect((await post('/api/generate', { model: 'missing', prompt: 'x' })).status).toBe(404);
    expect((await post('/api/chat', { messages: [] })).status).toBe(400);
  });

  it('shows real GGUF metadata for the stories model', async () => {
    const show = (await (await post('/api/show', { model: 'stories260k' })).json()) as Record<string, unknown>;
    expect(show.model_info).toMatchObject({ 'general.architecture': 'llama', 'llama.context_length': 2048 });
  });

  it('streams chat as NDJSON ending with done and the documented stats', async () => {
    const response = await post('/api/chat', {
      model: 'stories260k',
      messages: [{ role: 'user', content: 'Once upon a time' }],
      options: { num_predict: 12, seed: 1 },
    });
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = await ndjson(response);
    const last = lines.at(-1) ?? {};
    expect(lines.length).toBeGreaterThan(2);
    expect(last).toMatchObject({ done: true, done_reason: 'length', eval_count: 12 });
    for (const key of STATS) expect(last).toHaveProperty(key);
    const text = lines.map((line) => (line.message as { content: string }).content).join('');
    expect(text.trim().length).toBeGreaterThan(0);
  });

  it('answers stream:false in one object, and enforces a JSON schema with a real grammar', async () => {
    const schema = { type: 'object', properties: { age: { type: 'integer' } }, required: ['age'] };
    const response = await post('/api/generate', {
      model: 'stories260k',
      prompt: 'Tom is',
      stream: false,
      format: schema,
      options: { num_predict: 100, seed: 3, temperature: 0.8 },
    });
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ done: true, done_reason: 'stop', context: expect.any(Array) });
    expect(JSON.parse(String(body.response))).toEqual({ age: expect.any(Number) });
    expect((await post('/api/generate', { model: 'stories260k', prompt: 'x', format: 'yaml' })).status).toBe(400);
  });

  it('returns L2-normalised embeddings for each input', async () => {
    const body = (await (await post('/api/embed', { model: 'stories260k', input: ['a cat', 'a dog'] })).json()) as {
      embeddings: number[][];
    };
    expect(body.embeddings).toHaveLength(2);
    expect(Math.hypot(...(body.embeddings[0] ?? []))).toBeCloseTo(1, 5);
  });

  it('tracks loaded models in /api/ps and unloads with keep_alive 0', async () => {
    await post('/api/generate', { model: 'stories260k', keep_alive: '10m' });
    const ps = (await (await fetch(`${peer.url}/api/ps`)).json()) as { models: Array<{ name: string }> };
    expect(ps.models.map((m) => m.name)).toContain('stories260k:latest');
    const unload = (await (await post('/api/generate', { model: 'stories260k', keep_alive: 0 })).json()) as object;
    expect(unload).toMatchObject({ done: true, done_reason: 'unload' });
    const after = (await (await fetch(`${peer.url}/api/ps`)).json()) as { models: unknown[] };
    expect(after.models).toEqual([]);
  });

  it('pulls layer by layer, reports a missing manifest in-stream, and deletes', async () => {
    const missing = await ndjson(await post('/api/pull', { model: 'nope' }));
    expect(missing).toEqual([{ status: 'pulling manifest' }, { error: 'pull model manifest: file does not exist' }]);
    const buffered = await post('/api/pull', { model: 'nope', stream: false });
    expect(buffered.status).toBe(500);

    const lines = await ndjson(await post('/api/pull', { model: 'tiny:1b' }));
    const statuses = lines.map((line) => line.status);
    expect(statuses[0]).toBe('pulling manifest');
    expect(statuses.slice(-3)).toEqual(['verifying sha256 digest', 'writing manifest', 'success']);
    expect(lines.find((line) => line.digest)).toMatchObject({
      status: expect.stringMatching(/^pulling [0-9a-f]{12}$/),
    });
    expect(peer.installed.has('tiny:1b')).toBe(true);

    expect((await post('/api/delete', { model: 'tiny:1b' }, 'DELETE')).status).toBe(200);
    expect((await post('/api/delete', { model: 'tiny:1b' }, 'DELETE')).status).toBe(404);
  });

  it('stops generating when the client goes away', async () => {
    const controller = new AbortController();
    const response = await fetch(`${peer.url}/api/generate`, {
      method: 'POST',
      body: JSON.stringify({ model: 'stories260k', prompt: 'Once', options: { num_predict: 2000 } }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect.poll(() => peer.observed.generationAborts).toBe(1);
  });
});

describe('test model location', () => {
  it('uses CADENCE_TEST_MODELS, else the shared folder beside the repo', () => {
    expect(testModelsDir({ CADENCE_TEST_MODELS: '/data/models' })).toBe('/data/models');
    expect(testModelsDir({})).toMatch(/shared[/\\]models$/);
  });

  it('fails naming the missing file instead of skipping', () => {
    expect(() => requireTestModel('stories260k/stories260K.gguf', { CADENCE_TEST_MODELS: '/nowhere' })).toThrow(
      'Test model not found: /nowhere/stories260k/stories260K.gguf',
    );
  });
});
