import { afterAll, beforeAll, describe, it } from 'vitest';
import { anthropicFaults } from '../../../../test/peers/anthropic/server';
import { groqFaults } from '../../../../test/peers/groq/server';
import { metaFaults } from '../../../../test/peers/meta-llama/server';
import { openAiFaults } from '../../../../test/peers/openai/server';
import { perplexityFaults } from '../../../../test/peers/perplexity/server';
import {
  type CloudService,
  closeAllPeers,
  type PeerUnderTest,
  startAllPeers,
} from '../../../../test/peers/shared/all-peers';
import { type ErrorRow, expectRow } from '../../../../test/peers/shared/error-rows';
import { createCloudProvider } from './cloud-provider.factory';

/** Each provider's own failure answers (status, body, rate-limit headers) normalised to LlmError. */

let peers: Map<CloudService, PeerUnderTest>;
beforeAll(async () => (peers = await startAllPeers()));
afterAll(() => closeAllPeers(peers));

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toUTCString();
const openAiErrorEvent = {
  error: { message: 'The server had an error', type: 'server_error', param: null, code: null },
};

const rows: ErrorRow[] = [
  {
    provider: 'openai',
    case: '429 retry-after: 3',
    fault: openAiFaults.rateLimited({ retryAfter: '3' }),
    kind: 'rate_limited',
    retryAfterMs: 3000,
  },
  {
    provider: 'openai',
    case: '429 retry-after as an HTTP date',
    fault: () => openAiFaults.rateLimited({ retryAfter: inSeconds(30) }),
    kind: 'rate_limited',
    retryAfterMs: [28_000, 30_000],
  },
  {
    provider: 'openai',
    case: '429 with only x-ratelimit-reset-requests: 1m30s',
    fault: openAiFaults.rateLimited({ resetRequests: '1m30s' }),
    kind: 'rate_limited',
    retryAfterMs: 90_000,
  },
  {
    provider: 'openai',
    case: '429 insufficient_quota',
    fault: openAiFaults.quotaExceeded(),
    kind: 'rate_limited',
    retryAfterMs: null,
    message: /quota/,
  },
  {
    provider: 'openai',
    case: '500 server_error',
    fault: openAiFaults.serverError(),
    kind: 'transient',
    message: /HTTP 500/,
  },
  { provider: 'openai', case: '503', fault: openAiFaults.serverError(503), kind: 'transient' },
  {
    provider: 'openai',
    case: 'error event mid-stream',
    fault: { kind: 'error-mid-stream', afterDeltas: 1, body: openAiErrorEvent },
    kind: 'transient',
  },
  {
    provider: 'anthropic',
    case: '429 retry-after: 7',
    fault: anthropicFaults.rateLimited({ retryAfter: '7' }),
    kind: 'rate_limited',
    retryAfterMs: 7000,
  },
  {
    provider: 'anthropic',
    case: '429 with only anthropic-ratelimit-requests-reset',
    fault: anthropicFaults.rateLimited(),
    kind: 'rate_limited',
    retryAfterMs: [55_000, 60_000],
  },
  {
    provider: 'anthropic',
    case: '429 monthly spend limit (no retry-after)',
    fault: anthropicFaults.spendLimitReached(),
    kind: 'rate_limited',
    retryAfterMs: null,
    message: /spend limit/,
  },
  {
    provider: 'anthropic',
    case: '529 overloaded_error',
    fault: anthropicFaults.overloaded(),
    kind: 'transient',
    message: /HTTP 529.*Overloaded/,
  },
  { provider: 'anthropic', case: '500 api_error', fault: anthropicFaults.apiError(), kind: 'transient' },
  {
    provider: 'anthropic',
    case: 'overloaded_error event mid-stream',
    fault: anthropicFaults.overloadedMidStream(2),
    kind: 'transient',
    message: /Overloaded/,
  },
  {
    provider: 'groq',
    case: '429 retry-after: 4',
    fault: groqFaults.rateLimited({ retryAfterSeconds: 4 }),
    kind: 'rate_limited',
    retryAfterMs: 4000,
  },
  { provider: 'groq', case: '500', fault: groqFaults.serverError(), kind: 'transient' },
  {
    provider: 'perplexity',
    case: '429 with x-ratelimit-reset-requests',
    fault: perplexityFaults.rateLimited(),
    kind: 'rate_limited',
    retryAfterMs: 1200,
  },
  { provider: 'perplexity', case: '502 bad_gateway', fault: perplexityFaults.serverError(502), kind: 'transient' },
  {
    provider: 'perplexity',
    case: 'run failed after HTTP 200',
    fault: perplexityFaults.failedRun(1),
    kind: 'transient',
    message: /could not finish/,
  },
  {
    provider: 'meta',
    case: '429 retry-after: 2',
    fault: metaFaults.rateLimited({ retryAfter: '2' }),
    kind: 'rate_limited',
    retryAfterMs: 2000,
  },
  { provider: 'meta', case: '500', fault: metaFaults.serverError(), kind: 'transient' },
];

describe('toLlmError: provider-specific failure answers', () => {
  it.each(rows)('$provider: $case → $kind', (row) =>
    expectRow(row, peers.get(row.provider) as PeerUnderTest, createCloudProvider),
  );
});
