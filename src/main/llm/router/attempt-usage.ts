import type { UsageRecord } from '../usage/usage.repository';
import type { AttemptOutcome } from './attempt';
import { costUsd, type ModelPrice } from './cost';

export interface AttemptContext {
  requestId: string;
  task: UsageRecord['task'];
  provider: UsageRecord['provider'];
  model: string;
  location: UsageRecord['location'];
  fallbackPosition: number;
  price: ModelPrice;
  /** Counted before the call for the budget (cloud only); null when not counted. */
  promptTokens: number | null;
  createdAt: string;
}

/**
 * The usage row for one attempt. Failed or cancelled calls that already streamed text are billed
 * by cloud providers for it, so `partialTokensOut` (counted by the caller) is priced too.
 */
export function usageOf(context: AttemptContext, outcome: AttemptOutcome, partialTokensOut: number): UsageRecord {
  const { price, promptTokens, ...where } = context;
  const result = outcome.kind === 'error' ? null : outcome.result;
  const tokensIn = result?.tokensIn ?? promptTokens ?? 0;
  const tokensOut = result?.tokensOut ?? partialTokensOut;
  const billed = result !== null || outcome.streamed.length > 0;
  const ttftMs = result?.ttftMs ?? outcome.ttftMs;
  return {
    ...where,
    outcome: outcome.kind,
    errorKind: outcome.kind === 'error' ? outcome.errorKind : null,
    tokensIn,
    tokensOut,
    ttftMs,
    tokensPerSecond: tokensPerSecond(tokensOut, outcome.durationMs, ttftMs),
    durationMs: outcome.durationMs,
    costUsd: billed ? costUsd(price, tokensIn, tokensOut) : 0,
  };
}

/** Output speed once streaming began (the wait for the first token is measured by ttft). */
export function tokensPerSecond(tokensOut: number, durationMs: number, ttftMs: number | null): number | null {
  if (tokensOut <= 0) return null;
  const streamingMs = ttftMs !== null && durationMs - ttftMs > 0 ? durationMs - ttftMs : durationMs;
  return streamingMs > 0 ? (tokensOut * 1000) / streamingMs : null;
}
