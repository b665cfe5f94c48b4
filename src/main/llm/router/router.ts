import type { ChainEntry, LlmSettings } from '../../../shared/domain/llm';
import type { ClockPort } from '../../platform/clock/types';
import { type ChatMessage, type GenerateResult, LlmError, type LlmTask, type ProviderId } from '../provider';
import type { UsageRepository } from '../usage/usage.repository';
import { runAttempt } from './attempt';
import { AttemptRecorder, isFallbackWorthy, type SettledAttempt } from './attempt-recorder';
import type { BudgetGuard } from './budget';
import type { CircuitBreakers } from './circuit-breaker';
import { costUsd, FREE, type ModelPrice, pessimisticTokenCount, type PriceOf, promptText } from './cost';
import { type HasCloudKey, type Skip, type SkipReason, skipReasonFor } from './eligibility';
import type { ProviderGate, ProviderInfo } from './provider-gate';
import { chainExhausted, type FailedAttempt } from './routing-failure';

export interface RouteRequest {
  requestId: string;
  task: LlmTask;
  messages: ChatMessage[];
  maxTokens: number;
  temperature?: number;
  jsonSchema?: Record<string, unknown>;
  signal: AbortSignal;
  onToken: (text: string) => void;
  /** Told before each call starts, so a UI can clear text streamed by a step that then failed. */
  onAttempt?: (step: { provider: ProviderId; model: string; position: number }) => void;
}

/** The answer, or — when the caller cancelled mid-stream — the part produced before the cancel. */
export interface RouteResult extends Omit<GenerateResult, 'ttftMs'> {
  provider: ProviderId;
  model: string;
  fallbackPosition: number;
  usageId: number;
  costUsd: number;
  ttftMs: number | null;
}

export interface RouterDeps {
  gate: ProviderGate;
  breakers: CircuitBreakers;
  budget: BudgetGuard;
  usage: UsageRepository;
  clock: ClockPort;
  priceOf: PriceOf;
  hasCloudKey: HasCloudKey;
}

type StepResult = SettledAttempt | { type: 'skipped'; skip: Skip };
type Estimate =
  | { type: 'priced'; price: ModelPrice; promptTokens: number | null; estimateUsd: number }
  | { type: 'refused'; reason: SkipReason; message: string };

/**
 * Walks a task's chain in order until one step answers. Before each call: policy (privacy,
 * cloud allowed, key), the provider's circuit breaker, then the cost ceilings on an estimate —
 * so a refusal never spends a token. Every call made is recorded in llm_usage.
 */
export class LlmRouter {
  private readonly recorder: AttemptRecorder;

  constructor(private readonly deps: RouterDeps) {
    this.recorder = new AttemptRecorder(deps.gate, deps.breakers, deps.usage, deps.clock);
  }

  async route(request: RouteRequest, settings: LlmSettings): Promise<RouteResult> {
    const skipped: Skip[] = [];
    const failed: FailedAttempt[] = [];
    for (const [position, entry] of settings.chains[request.task].entries()) {
      if (request.signal.aborted) throw new LlmError('cancelled', 'The generation was cancelled');
      const step = await this.step(entry, position, request, settings);
      if (step.type === 'done') return step.result;
      if (step.type === 'skipped') skipped.push(step.skip);
      else if (isFallbackWorthy(step.failure)) failed.push(step.failure);
      else throw chainExhausted(request.task, [...failed, step.failure], skipped);
    }
    throw chainExhausted(request.task, failed, skipped);
  }

  private async step(
    entry: ChainEntry,
    position: number,
    request: RouteRequest,
    settings: LlmSettings,
  ): Promise<StepResult> {
    const skip = (reason: SkipReason, message: string): StepResult => ({
      type: 'skipped',
      skip: { ...entry, reason, message },
    });
    const info = this.deps.gate.info(entry.provider);
    if (!info) return skip('not_set_up', `${entry.provider} is not set up on this device`);
    const refusal = await skipReasonFor(entry, info, request.task, settings, this.deps.hasCloudKey);
    if (refusal) return { type: 'skipped', skip: refusal };
    const breaker = this.deps.breakers.for(entry.provider);
    if (!breaker.tryAcquire()) return skip('circuit_open', `${entry.provider} keeps failing; resting it a while`);

    let release = () => {};
    try {
      const priced = await this.estimate(entry, info, request);
      if (priced.type === 'refused') {
        breaker.release();
        return skip(priced.reason, priced.message);
      }
      const verdict = await this.deps.budget.reserve(priced.estimateUsd, settings);
      if (!verdict.ok) {
        breaker.release();
        return skip('budget_exceeded', verdict.reason);
      }
      release = verdict.release;
      // Cancelled while counting tokens: stop before a call starts, so no empty usage row is written.
      if (request.signal.aborted) throw new LlmError('cancelled', 'The generation was cancelled');

      request.onAttempt?.({ provider: entry.provider, model: entry.model, position });
      const outcome = await runAttempt(
        (signal, onToken) =>
          this.deps.gate.generate(entry.provider, { ...generateFields(entry, request), signal, onToken }),
        settings,
        request.signal,
        request.onToken,
      );
      if (outcome.kind === 'error' && outcome.error.kind === 'privacy_blocked') {
        // Privacy mode was switched on mid-flight and the gate refused: nothing was sent.
        breaker.release();
        return skip('privacy_blocked', outcome.error.message);
      }
      const { price, promptTokens } = priced;
      const context = {
        ...entry,
        requestId: request.requestId,
        task: request.task,
        location: info.location,
        fallbackPosition: position,
        price,
        promptTokens,
      };
      return await this.recorder.settle(context, outcome);
    } catch (caught) {
      breaker.release();
      throw caught;
    } finally {
      release();
    }
  }

  /** Price and worst-case cost of a step: prompt tokens at input price plus maxTokens at output price. */
  private async estimate(entry: ChainEntry, info: ProviderInfo, request: RouteRequest): Promise<Estimate> {
    const price = info.location === 'local' ? FREE : this.deps.priceOf(entry.provider, entry.model);
    if (!price) {
      const message = `no price is known for ${entry.model}, so its cost cannot be checked against the ceilings`;
      return { type: 'refused', reason: 'budget_exceeded', message };
    }
    if (price === FREE) return { type: 'priced', price, promptTokens: null, estimateUsd: 0 };
    const text = promptText(request.messages);
    let promptTokens: number;
    try {
      promptTokens = await this.deps.gate.countTokens(entry.provider, entry.model, text);
    } catch (caught) {
      if (caught instanceof LlmError && caught.kind === 'privacy_blocked') {
        return { type: 'refused', reason: 'privacy_blocked', message: caught.message };
      }
      promptTokens = pessimisticTokenCount(text);
    }
    return { type: 'priced', price, promptTokens, estimateUsd: costUsd(price, promptTokens, request.maxTokens) };
  }
}

function generateFields(entry: ChainEntry, request: RouteRequest) {
  return {
    model: entry.model,
    messages: request.messages,
    maxTokens: request.maxTokens,
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.jsonSchema === undefined ? {} : { jsonSchema: request.jsonSchema }),
  };
}
