import { createServer } from 'node:net';
import { ANTHROPIC_PEER_KEY, ANTHROPIC_PEER_MODELS, startAnthropicPeer } from '../anthropic/server';
import { GROQ_PEER_KEY, GROQ_PEER_MODELS, startGroqPeer } from '../groq/server';
import { META_PEER_KEY, META_PEER_MODELS, startMetaPeer } from '../meta-llama/server';
import { OPENAI_PEER_KEY, OPENAI_PEER_MODELS, startOpenAiPeer } from '../openai/server';
import { PERPLEXITY_PEER_KEY, startPerplexityPeer } from '../perplexity/server';
import type { RunningPeer } from './peer-server';

/** The five cloud peers at once, for tests that run the same case against every provider. */

export type CloudService = 'openai' | 'anthropic' | 'groq' | 'perplexity' | 'meta';
export const CLOUD_SERVICES: readonly CloudService[] = ['openai', 'anthropic', 'groq', 'perplexity', 'meta'];

/** A model each peer (except Perplexity's) serves with a 16-token context, to provoke context errors. */
export const TINY_CONTEXT_MODEL = 'tiny-context-model';

export interface PeerUnderTest {
  peer: RunningPeer & { baseURL: string };
  key: string;
  /** A model the peer serves normally. */
  model: string;
}

export async function startAllPeers(): Promise<Map<CloudService, PeerUnderTest>> {
  const tiny = { id: TINY_CONTEXT_MODEL, contextWindow: 16 };
  const [openai, anthropic, groq, perplexity, meta] = await Promise.all([
    startOpenAiPeer({ models: [...OPENAI_PEER_MODELS, { ...tiny, ownedBy: 'system' }] }),
    startAnthropicPeer({ models: [...ANTHROPIC_PEER_MODELS, { ...tiny, displayName: 'Tiny', maxOutput: 8 }] }),
    startGroqPeer({ models: [...GROQ_PEER_MODELS, { ...tiny, ownedBy: 'Meta' }] }),
    startPerplexityPeer(),
    startMetaPeer({ models: [...META_PEER_MODELS, { ...tiny, ownedBy: 'Meta' }] }),
  ]);
  return new Map<CloudService, PeerUnderTest>([
    ['openai', { peer: openai, key: OPENAI_PEER_KEY, model: 'gpt-5.4-mini' }],
    ['anthropic', { peer: anthropic, key: ANTHROPIC_PEER_KEY, model: 'claude-haiku-4-5' }],
    ['groq', { peer: groq, key: GROQ_PEER_KEY, model: 'llama-3.1-8b-instant' }],
    ['perplexity', { peer: perplexity, key: PERPLEXITY_PEER_KEY, model: 'perplexity/sonar' }],
    ['meta', { peer: meta, key: META_PEER_KEY, model: 'Llama-3.3-8B-Instruct' }],
  ]);
}

export async function closeAllPeers(peers: Map<CloudService, PeerUnderTest>): Promise<void> {
  await Promise.all([...peers.values()].map(({ peer }) => peer.close()));
}

/** A port that was free a moment ago: nothing listens there, so connecting is refused. */
export function refusedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
