import type { ClockPort } from '../../platform/clock/types';
import type { UsageRepository } from '../usage/usage.repository';
import type { AttemptOutcome } from './attempt';
import { type AttemptContext, usageOf } from './attempt-usage';
import type { CircuitBreakers } from './circuit-breaker';
import { pessimisticTokenCount } from './cost';
import type { ProviderGate } from './provider-gate';
import type { RouteResult } from './router';
import type { FailedAttempt } from './routing-failure';

export type SettledAttempt = { type: 'failed'; failure: FailedAttempt } | { type: 'done'; result: RouteResult };

/** After a call: writes its usage row, tells the provider's breaker, and shapes the result. */
export class AttemptRecorder {
  constructor(
    private readonly gate: ProviderGate,
    private readonly breakers: CircuitBreakers,
    private readonly usage: UsageRepository,
    private readonly clock: ClockPort,
  ) {}

  async settle(context: Omit<AttemptContext, 'createdAt'>, outcome: AttemptOutcome): Promise<SettledAttempt> {
    const breaker = this.breakers.for(context.provider);
    const partial = outcome.kind === 'ok' || !outcome.streamed ? 0 : await this.countPartial(context, outcome.streamed);
    const record = usageOf({ ...context, createdAt: this.clock.now().toISOString() }, outcome, partial);
    const usageId = await this.usage.insert(record);

    if (outcome.kind === 'error') {
      const failure: FailedAttempt = {
        provider: context.provider,
        model: context.model,
        errorKind: outcome.errorKind,
        message: outcome.error.message,
        error: outcome.error,
      };
      if (isFallbackWorthy(failure)) breaker.recordFailure();
      else breaker.release(); // the request was at fault, not the provider
      return { type: 'failed', failure };
    }
    if (outcome.kind === 'ok') breaker.recordSuccess();
    else breaker.release();

    const { result } = outcome;
    return {
      type: 'done',
      result: {
        text: result?.text ?? outcome.streamed,
        tokensIn: record.tokensIn,
        tokensOut: record.tokensOut,
        ttftMs: record.ttftMs,
        durationMs: record.durationMs,
        finishReason: outcome.kind === 'cancelled' ? 'cancelled' : (result?.finishReason ?? 'stop'),
        ...(result?.citations ? { citations: result.citations } : {}),
        provider: context.provider,
        model: context.model,
        fallbackPosition: context.fallbackPosition,
        usageId,
        costUsd: record.costUsd,
      },
    };
  }

  /** Tokens streamed before a cancel or failure. Local calls are free, so a rough count will do. */
  private async countPartial(context: Omit<AttemptContext, 'createdAt'>, streamed: string): Promise<number> {
    if (context.location === 'local') return Math.ceil(streamed.length / 4);
    try {
      return await this.gate.countTokens(context.provider, context.model, streamed);
    } catch {
      return pessimisticTokenCount(streamed);
    }
  }
}

/** Worth trying the next step: the provider (not the request) failed, or it was too slow. */
export function isFallbackWorthy(failure: FailedAttempt): boolean {
  return failure.errorKind === 'timeout' || failure.error.fallbackWorthy;
}
