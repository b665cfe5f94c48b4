import type { Generation } from '../../../shared/contract/llm';
import type { RouteResult } from './router';

/** The router's answer in the contract's shape. */
export function generationOf(requestId: string, result: RouteResult): Generation {
  const { provider, model, usageId, fallbackPosition, text, finishReason, tokensIn, tokensOut } = result;
  return {
    requestId,
    text,
    finishReason,
    provider,
    model,
    usageId,
    fallbackPosition,
    tokensIn,
    tokensOut,
    ttftMs: result.ttftMs,
    durationMs: result.durationMs,
    costUsd: result.costUsd,
    ...(result.citations ? { citations: result.citations } : {}),
  };
}

/** A generation cancelled before any provider started: nothing produced, nothing recorded. */
export function cancelledBeforeStart(requestId: string): Generation {
  return {
    requestId,
    text: '',
    finishReason: 'cancelled',
    provider: null,
    model: null,
    usageId: null,
    fallbackPosition: null,
    tokensIn: 0,
    tokensOut: 0,
    ttftMs: null,
    durationMs: 0,
    costUsd: 0,
  };
}
