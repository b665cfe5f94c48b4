import { expect } from 'vitest';
import type { GenerateRequest, LlmErrorKind, LlmProvider } from '../../../src/main/llm/provider';
import { LlmError } from '../../../src/main/llm/provider';
import type { CloudService, PeerUnderTest } from './all-peers';
import type { Fault } from './peer-server';

/** One row of the error-normalisation tables: a provider, what goes wrong, and the LlmError expected. */
export interface ErrorRow {
  provider: CloudService;
  case: string;
  /** A function when the fault depends on the time the row runs (HTTP dates). */
  fault?: Fault | (() => Fault);
  key?: string;
  model?: string;
  prompt?: string;
  /** Point the client at `baseURL` with this port instead (connection refused); read when the row runs. */
  port?: () => number;
  kind: LlmErrorKind;
  /** Exact milliseconds, a [min, max] range for date-based waits, or null for "no wait given". */
  retryAfterMs?: number | [number, number] | null;
  message?: RegExp;
}

export type ProviderFactory = (service: CloudService, connection: { apiKey: string; baseURL: string }) => LlmProvider;

/** Runs the row through the real provider and SDK against its peer and checks the LlmError. */
export async function expectRow(row: ErrorRow, target: PeerUnderTest, make: ProviderFactory): Promise<void> {
  const { peer, key, model } = target;
  if (row.fault) peer.inject(typeof row.fault === 'function' ? row.fault() : row.fault);
  const baseURL = row.port === undefined ? peer.baseURL : peer.baseURL.replace(/:\d+/, `:${row.port()}`);
  const request: GenerateRequest = {
    model: row.model ?? model,
    messages: [{ role: 'user', content: row.prompt ?? 'one two three four' }],
  };
  const error = await make(row.provider, { apiKey: row.key ?? key, baseURL })
    .generate(request)
    .catch((e: unknown) => e);

  expect(error).toBeInstanceOf(LlmError);
  const failure = error as LlmError;
  expect({ kind: failure.kind, provider: failure.provider }).toEqual({ kind: row.kind, provider: row.provider });
  if (row.message) expect(failure.message).toMatch(row.message);
  if (row.retryAfterMs === null) expect(failure.retryAfterMs).toBeUndefined();
  else if (Array.isArray(row.retryAfterMs)) {
    expect(failure.retryAfterMs).toBeGreaterThanOrEqual(row.retryAfterMs[0]);
    expect(failure.retryAfterMs).toBeLessThanOrEqual(row.retryAfterMs[1]);
  } else if (row.retryAfterMs !== undefined) expect(failure.retryAfterMs).toBe(row.retryAfterMs);
}
