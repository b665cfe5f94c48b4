import { randomUUID } from 'node:crypto';
import { ContractError } from '../../shared/contract/errors';
import type { GenerateTextInput, Generation, ProviderStatus } from '../../shared/contract/llm';
import type { LlmSettings, LlmSettingsPatch, UsageReport } from '../../shared/domain/llm';
import type { EventBus } from '../contract/event-bus';
import type { AppDatabase } from '../db/database';
import type { ClockPort } from '../platform/clock/types';
import type { Logger } from '../platform/logger/logger';
import { type ChatMessage, LlmError, type LlmProvider, type ProviderId } from './provider';
import { BudgetGuard } from './router/budget';
import { type CircuitBreakerOptions, CircuitBreakers } from './router/circuit-breaker';
import { toContractError } from './router/contract-error';
import type { PriceOf } from './router/cost';
import type { HasCloudKey } from './router/eligibility';
import { ProviderGate } from './router/provider-gate';
import { cancelledBeforeStart, generationOf } from './router/generation';
import { embedThroughChain, type Embeddings } from './router/embedding-route';
import { LlmRouter } from './router/router';
import { LlmSettingsStore } from './settings/llm-settings.store';
import { calendarMonthOf } from './usage/calendar-month';
import { UsageReporter } from './usage/usage-report';
import { UsageRepository } from './usage/usage.repository';

export interface LlmServiceDeps {
  database: AppDatabase;
  clock: ClockPort;
  events: EventBus;
  /** Whichever providers exist on this device; the service is their only caller. */
  providers: Partial<Record<ProviderId, LlmProvider>>;
  /** Price per model (src/main/llm/providers/pricing.ts); local providers are always free. */
  priceOf: PriceOf;
  /** Whether an API key is saved for a cloud provider; without one the step is skipped. */
  hasCloudKey: HasCloudKey;
  logger?: Logger;
  breaker?: CircuitBreakerOptions;
}

/** Text generation for every feature: routing, streaming, cancelling, settings and usage. */
export class LlmService {
  readonly usage: UsageRepository;
  readonly settings: LlmSettingsStore;
  private readonly gate: ProviderGate;
  private readonly breakers: CircuitBreakers;
  private readonly budget: BudgetGuard;
  private readonly router: LlmRouter;
  private readonly reporter: UsageReporter;
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: LlmServiceDeps) {
    const { database, clock } = deps;
    this.usage = new UsageRepository(database.db);
    this.reporter = new UsageReporter(database.db);
    this.settings = new LlmSettingsStore(database.db, clock, (err) =>
      deps.logger?.warn({ err }, 'unreadable LLM settings; using defaults with privacy mode on'),
    );
    this.gate = new ProviderGate(deps.providers, async () => (await this.settings.get()).privacyMode);
    this.breakers = new CircuitBreakers(clock, deps.breaker);
    this.budget = new BudgetGuard(this.usage, clock);
    this.router = new LlmRouter({
      gate: this.gate,
      breakers: this.breakers,
      budget: this.budget,
      usage: this.usage,
      clock,
      priceOf: deps.priceOf,
      hasCloudKey: deps.hasCloudKey,
    });
  }

  /**
   * Generates through the task's chain. Tokens go out as llm:token events; `signal` lets callers
   * inside main cancel too. A cancel returns what was produced with finishReason 'cancelled'.
   */
  async generate(input: GenerateTextInput, signal?: AbortSignal): Promise<Generation> {
    const requestId = input.requestId ?? randomUUID();
    if (this.running.has(requestId)) {
      throw new ContractError('CONFLICT', 'A generation with this request id is already running');
    }
    const controller = new AbortController();
    const cancel = () => controller.abort();
    signal?.addEventListener('abort', cancel, { once: true });
    if (signal?.aborted) cancel();
    this.running.set(requestId, controller);
    const { events } = this.deps;
    try {
      const result = await this.router.route(
        {
          requestId,
          task: input.task,
          messages: messagesOf(input),
          maxTokens: input.maxTokens,
          ...(input.temperature === undefined ? {} : { temperature: input.temperature }),
          ...(input.jsonSchema === undefined ? {} : { jsonSchema: input.jsonSchema }),
          signal: controller.signal,
          onToken: (text) => events.emit('llm:token', { requestId, text }),
          onAttempt: (step) => events.emit('llm:attempt', { requestId, ...step }),
        },
        await this.settings.get(),
      );
      const outcome = result.finishReason === 'cancelled' ? 'cancelled' : 'ok';
      events.emit('llm:done', { requestId, outcome, usageId: result.usageId });
      return generationOf(requestId, result);
    } catch (caught) {
      if (caught instanceof LlmError && caught.kind === 'cancelled') {
        events.emit('llm:done', { requestId, outcome: 'cancelled', usageId: null });
        return cancelledBeforeStart(requestId);
      }
      events.emit('llm:done', { requestId, outcome: 'error', usageId: null });
      throw toContractError(caught);
    } finally {
      this.running.delete(requestId);
      signal?.removeEventListener('abort', cancel);
    }
  }

  /**
   * Vectors for semantic search through the 'embeddings' chain (local engines only; privacy mode
   * respected; each call recorded in llm_usage). Fails as a ContractError, UNAVAILABLE when no
   * embeddings model answers.
   */
  async embed(texts: string[], signal?: AbortSignal): Promise<Embeddings> {
    const { clock, hasCloudKey } = this.deps;
    try {
      const deps = { gate: this.gate, breakers: this.breakers, usage: this.usage, clock, hasCloudKey };
      return await embedThroughChain(deps, texts, await this.settings.get(), signal);
    } catch (caught) {
      throw toContractError(caught);
    }
  }

  /** Aborts a running generation down to the provider's HTTP request or worker. */
  cancel(requestId: string): boolean {
    const controller = this.running.get(requestId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** Stops every running generation (app quit), so no stream outlives the core. */
  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }

  getSettings(): Promise<LlmSettings> {
    return this.settings.get();
  }

  saveSettings(patch: LlmSettingsPatch): Promise<LlmSettings> {
    return this.settings.update(patch);
  }

  async usageReport(from: string, to: string): Promise<UsageReport> {
    const month = calendarMonthOf(this.deps.clock.now());
    const [spentUsd, settings] = await Promise.all([this.usage.costBetween(month.from, month.to), this.settings.get()]);
    return this.reporter.report(from, to, { spentUsd, ceilingUsd: settings.monthlyCeilingUsd });
  }

  async rate(usageId: number, rating: number): Promise<{ usageId: number; rating: number }> {
    const row = await this.usage.findById(usageId);
    if (!row) throw new ContractError('NOT_FOUND', 'That generation is not in the usage history');
    if (row.outcome === 'error') throw new ContractError('CONFLICT', 'A failed call produced nothing to rate');
    await this.usage.setRating(usageId, rating);
    return { usageId, rating };
  }

  listProviders(): ProviderStatus[] {
    return this.gate.list().map((p) => ({ ...p, circuit: this.breakers.for(p.id).state() }));
  }
}

function messagesOf(input: GenerateTextInput): ChatMessage[] {
  if (input.messages) return input.messages;
  const prompt: ChatMessage = { role: 'user', content: input.prompt ?? '' };
  return input.system ? [{ role: 'system', content: input.system }, prompt] : [prompt];
}
