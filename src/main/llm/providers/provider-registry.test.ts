import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANTHROPIC_PEER_KEY, startAnthropicPeer } from '../../../../test/peers/anthropic/server';
import { GROQ_PEER_KEY, startGroqPeer } from '../../../../test/peers/groq/server';
import { META_PEER_KEY, startMetaPeer } from '../../../../test/peers/meta-llama/server';
import { OPENAI_PEER_KEY, openAiFaults, startOpenAiPeer } from '../../../../test/peers/openai/server';
import { PERPLEXITY_PEER_KEY, startPerplexityPeer } from '../../../../test/peers/perplexity/server';
import type { RunningPeer } from '../../../../test/peers/shared/peer-server';
import { createLogger } from '../../platform/logger/logger';
import { MemorySecrets } from '../../platform/secrets/memory';
import { LlmError } from '../provider';
import type { CloudProviderId } from './provider-catalog';
import { ProviderRegistry } from './provider-registry';

interface Service {
  id: CloudProviderId;
  goodKey: string;
  peer: RunningPeer & { baseURL: string };
}

const WRONG_KEY = 'sk-wrong-0000000000000000000000001234';
let services: Service[];
let dir: string;
let logFile: string;
let secrets: MemorySecrets;
let registry: ProviderRegistry;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cadence-registry-'));
  logFile = join(dir, 'logs', 'cadence.log');
  services = [
    { id: 'openai', goodKey: OPENAI_PEER_KEY, peer: await startOpenAiPeer() },
    { id: 'anthropic', goodKey: ANTHROPIC_PEER_KEY, peer: await startAnthropicPeer() },
    { id: 'groq', goodKey: GROQ_PEER_KEY, peer: await startGroqPeer() },
    { id: 'perplexity', goodKey: PERPLEXITY_PEER_KEY, peer: await startPerplexityPeer() },
    { id: 'meta', goodKey: META_PEER_KEY, peer: await startMetaPeer() },
  ];
  secrets = new MemorySecrets();
  registry = new ProviderRegistry({
    secrets,
    // Debug level, so that even the most talkative log line would show a key if one leaked.
    logger: createLogger({ file: logFile, level: 'debug' }),
    connections: Object.fromEntries(services.map((s) => [s.id, { baseURL: s.peer.baseURL }])),
  });
});
afterAll(async () => {
  await Promise.all(services.map((s) => s.peer.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('ProviderRegistry.saveApiKey checks the key with the provider before storing it', () => {
  it('lists the five cloud providers with their secret names and default models', () => {
    expect(registry.list().map((e) => [e.id, e.secretKey])).toEqual([
      ['openai', 'llm.apiKey.openai'],
      ['anthropic', 'llm.apiKey.anthropic'],
      ['groq', 'llm.apiKey.groq'],
      ['perplexity', 'llm.apiKey.perplexity'],
      ['meta', 'llm.apiKey.meta'],
    ]);
    for (const entry of registry.list()) expect(entry.defaultModels.drafting).toBeTruthy();
  });

  it.each(['openai', 'anthropic', 'groq', 'perplexity', 'meta'] as const)(
    '%s: refuses a wrong key and stores a right one',
    async (id) => {
      const service = services.find((s) => s.id === id);
      if (!service) throw new Error(`no peer for ${id}`);
      const refused = await registry.saveApiKey(id, WRONG_KEY).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(LlmError);
      expect(refused).toMatchObject({ kind: 'auth', provider: id });
      expect((refused as LlmError).message).toMatch(/key was refused: .*The key was not saved\.$/);
      expect((refused as LlmError).message).not.toContain(WRONG_KEY);
      expect(await registry.hasApiKey(id)).toBe(false);

      await registry.saveApiKey(id, `  ${service.goodKey}\n`);
      expect(await secrets.get(`llm.apiKey.${id}`)).toBe(service.goodKey);
      expect(service.peer.requests.at(-1)?.path).toMatch(/\/(models|responses)$/);
      const provider = await registry.provider(id);
      expect(provider?.id).toBe(id);
    },
  );

  it('refuses an empty key without calling anyone', async () => {
    const before = services[0]?.peer.requests.length;
    await expect(registry.saveApiKey('openai', '   ')).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(services[0]?.peer.requests.length).toBe(before);
  });

  it('does not store a key it could not check, and says why', async () => {
    await registry.removeApiKey('openai');
    services[0]?.peer.inject(openAiFaults.serverError(503));
    await expect(registry.saveApiKey('openai', OPENAI_PEER_KEY)).rejects.toMatchObject({
      kind: 'transient',
      message: expect.stringMatching(/^The OpenAI key could not be checked, so it was not saved: /),
    });
    expect(await registry.hasApiKey('openai')).toBe(false);
  });

  it('never writes a key, right or wrong, to the log', async () => {
    const log = await readFile(logFile, 'utf8');
    expect(log).toContain('API key checked and saved');
    expect(log).toContain('API key not saved');
    for (const key of [WRONG_KEY, ...services.map((s) => s.goodKey)]) {
      expect(log).not.toContain(key);
      expect(log).not.toContain(key.slice(-12));
    }
  });
});
