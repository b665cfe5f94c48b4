import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLOUD_SERVICES,
  type CloudService,
  closeAllPeers,
  type PeerUnderTest,
  refusedPort,
  startAllPeers,
  TINY_CONTEXT_MODEL,
} from '../../../../test/peers/shared/all-peers';
import { type ErrorRow, expectRow } from '../../../../test/peers/shared/error-rows';
import type { LlmError } from '../provider';
import { createCloudProvider } from './cloud-provider.factory';

/**
 * The failures every provider shares, from real HTTP answers of the peers through the real SDKs.
 * Provider-specific answers (429 headers, 5xx, 529, in-stream errors) are in errors.faults.test.ts.
 */

let peers: Map<CloudService, PeerUnderTest>;
let closedPort: number;
beforeAll(async () => {
  peers = await startAllPeers();
  closedPort = await refusedPort();
});
afterAll(() => closeAllPeers(peers));

const LONG_PROMPT = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
const WITH_CONTEXT_LIMIT = CLOUD_SERVICES.filter((s) => s !== 'perplexity');

const rows: ErrorRow[] = [
  ...CLOUD_SERVICES.map((provider): ErrorRow => ({
    provider,
    case: 'wrong key (401)',
    key: 'sk-wrong-0000000000001234',
    kind: 'auth',
    message: /key was refused/,
  })),
  ...CLOUD_SERVICES.map((provider): ErrorRow => ({
    provider,
    case: 'connection refused',
    port: () => closedPort,
    kind: 'provider_down',
    message: /ECONNREFUSED/,
  })),
  ...CLOUD_SERVICES.map((provider): ErrorRow => ({
    provider,
    case: 'connection dropped mid-stream',
    fault: { kind: 'drop-mid-stream', afterDeltas: 2 },
    kind: 'transient',
  })),
  ...CLOUD_SERVICES.map((provider): ErrorRow => ({
    provider,
    case: 'stream ended cleanly without a finish',
    fault: { kind: 'end-mid-stream', afterDeltas: 2 },
    kind: 'transient',
    message: /ended before the answer was complete/,
  })),
  ...CLOUD_SERVICES.map((provider): ErrorRow => ({
    provider,
    case: 'unknown model',
    model: 'no-such-model',
    kind: 'not_found',
  })),
  ...WITH_CONTEXT_LIMIT.map((provider): ErrorRow => ({
    provider,
    case: 'input over the context window',
    model: TINY_CONTEXT_MODEL,
    prompt: LONG_PROMPT,
    kind: 'context_too_long',
  })),
];

describe('toLlmError: failures common to every provider', () => {
  it.each(rows)('$provider: $case → $kind', (row) =>
    expectRow(row, peers.get(row.provider) as PeerUnderTest, createCloudProvider),
  );

  it('scrubs a refused key that the service echoes back', async () => {
    const { peer } = peers.get('openai') as PeerUnderTest;
    const provider = createCloudProvider('openai', {
      apiKey: 'sk-proj-abcdefghijklmnop0123456789',
      baseURL: peer.baseURL,
    });
    const messages = [{ role: 'user' as const, content: 'x' }];
    const error = (await provider.generate({ model: 'gpt-5.4-mini', messages }).catch((e: unknown) => e)) as LlmError;
    expect(error.message).toContain('Incorrect API key provided: [redacted key].');
    expect(error.message).not.toContain('6789');
  });
});
