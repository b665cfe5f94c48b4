import { randomUUID } from 'node:crypto';
import type { ChainEntry, LlmSettings } from '../../../shared/domain/llm';
import type { ClockPort } from '../../platform/clock/types';
import { type EmbedResult, LlmError, type ProviderId } from '../provider';
import type { AttemptErrorKind, UsageRepository } from '../usage/usage.repository';
import { asLlmError } from './attempt';
import { isFallbackWorthy } from './attempt-recorder';
import type { CircuitBreakers } from './circuit-breaker';
import { type HasCloudKey, type Skip, skipReasonFor } from './eligibility';
import type { ProviderGate } from './provider-gate';
import { chainExhausted, type FailedAttempt } from './routing-failure';

export interface EmbeddingRouteDeps {
  gate: ProviderGate;
  breakers: CircuitBreakers;
  usage: UsageRepository;
  clock: ClockPort;
  hasCloudKey: HasCloudKey;
}

/** Vectors for some texts, and which model made them (vectors of different models never mix). */
export interface Embeddings {
  vectors: number[][];
  provider: ProviderId;
  model: string;
  dims: number;
}

/**
 * Walks the 'embeddings' chain like the router walks a generation chain: policy (privacy mode is
 * checked here and again by the gate), circuit breaker, then the call under the caller's cancel
 * and the overall timeout. Every call is recorded in llm_usage. Only local engines embed for now,
 * so no cost estimate is needed: a cloud step is skipped with a plain reason.
 */
export async function embedThroughChain(
  deps: EmbeddingRouteDeps,
  texts: string[],
  settings: LlmSettings,
  signal?: AbortSignal,
): Promise<Embeddings> {
  const requestId = randomUUID();
  const skipped: Skip[] = [];
  const failed: FailedAttempt[] = [];
  for (const [position, entry] of settings.chains.embeddings.entries()) {
    if (signal?.aborted) throw new LlmError('cancelled', 'The embedding was cancelled');
    const info = deps.gate.info(entry.provider);
    const refusal = await skipReasonFor(entry, info, 'embeddings', settings, deps.hasCloudKey);
    if (refusal) {
      skipped.push(refusal);
      continue;
    }
    if (info?.location !== 'local') {
      skipped.push({ ...entry, reason: 'not_set_up', message: `${entry.provider} embeddings are not supported yet` });
      continue;
    }
    const breaker = deps.breakers.for(entry.provider);
    if (!breaker.tryAcquire()) {
      skipped.push({
        ...entry,
        reason: 'circuit_open',
        message: `${entry.provider} keeps failing; resting it a while`,
      });
      continue;
    }
    const record = recorder(deps, requestId, entry, position);
    const timeout = AbortSignal.timeout(settings.overallTimeoutMs);
    const callSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const started = performance.now();
    try {
      const result = await deps.gate.embed(entry.provider, { model: entry.model, texts, signal: callSignal });
      const dims = checkedDims(result, texts.length, entry);
      breaker.recordSuccess();
      await record('ok', null, result.tokensIn, result.durationMs);
      return { vectors: result.vectors, provider: entry.provider, model: entry.model, dims };
    } catch (caught) {
      const durationMs = performance.now() - started;
      if (signal?.aborted) {
        breaker.release();
        await record('cancelled', null, 0, durationMs);
        throw new LlmError('cancelled', 'The embedding was cancelled');
      }
      const error = timeout.aborted
        ? new LlmError('transient', `The embedding took longer than ${settings.overallTimeoutMs} ms`)
        : asLlmError(caught);
      const errorKind: AttemptErrorKind = timeout.aborted ? 'timeout' : error.kind;
      await record('error', errorKind, 0, durationMs);
      const failure: FailedAttempt = { ...entry, errorKind, message: error.message, error };
      if (!isFallbackWorthy(failure)) {
        breaker.release();
        throw chainExhausted('embeddings', [...failed, failure], skipped);
      }
      breaker.recordFailure();
      failed.push(failure);
    }
  }
  throw chainExhausted('embeddings', failed, skipped);
}

/** One vector per text, all of one non-zero length; anything else is a broken answer. */
function checkedDims(result: EmbedResult, count: number, entry: ChainEntry): number {
  const dims = result.vectors[0]?.length ?? 0;
  if (result.vectors.length !== count || dims === 0 || result.vectors.some((v) => v.length !== dims)) {
    throw new LlmError('transient', `${entry.provider}/${entry.model} returned malformed embeddings`, {
      provider: entry.provider,
    });
  }
  return dims;
}

function recorder(deps: EmbeddingRouteDeps, requestId: string, entry: ChainEntry, position: number) {
  return async (
    outcome: 'ok' | 'cancelled' | 'error',
    errorKind: AttemptErrorKind | null,
    tokensIn: number,
    durationMs: number,
  ): Promise<void> => {
    await deps.usage.insert({
      requestId,
      task: 'embeddings',
      provider: entry.provider,
      model: entry.model,
      location: 'local',
      fallbackPosition: position,
      outcome,
      errorKind,
      tokensIn,
      tokensOut: 0,
      ttftMs: null,
      tokensPerSecond: null,
      durationMs,
      costUsd: 0,
      createdAt: deps.clock.now().toISOString(),
    });
  };
}
