import { createTestCore, domainDepsOf, type TestCore } from '../../../test/support/test-core';
import type { BulkJobDetail, BulkPlanInput } from '../../shared/domain/bulk';
import type { Profile } from '../../shared/domain/profile';
import type { DomainDeps } from '../domain-deps';
import { LlmService } from '../llm/llm.service';
import type { GenerateRequest, GenerateResult } from '../llm/provider';
import { LlmError } from '../llm/provider';
import { type Script, ScriptedProvider } from '../llm/router/scripted-provider.test-support';
import { type BulkDomain, type BulkWiring, createBulk } from './bulk.setup';
import type { BestTimesPort } from './bulk.service';

export interface BulkHarness {
  t: TestCore;
  bulk: BulkDomain;
  provider: ScriptedProvider;
  /** Closes the harness's bulk domain, then the core (the data folder is removed unless kept). */
  dispose(): Promise<void>;
}

export function profileOf(overrides: Partial<Profile> = {}): Profile {
  return {
    name: 'Rosa',
    niche: 'sourdough baking',
    platforms: ['linkedin', 'x'],
    timezone: 'UTC',
    goal: { metric: 'followers', target: 2000, deadline: '2028-03-01' },
    cadence: { postsPerWeek: 3, days: ['mon', 'wed', 'fri'] },
    ...overrides,
  };
}

/**
 * A real core on a temp SQLite file plus a bulk domain of its own whose LLM is a scripted local
 * provider (the core's own bulk domain has no jobs to resume, so it stays idle).
 */
export async function startBulk(
  options: {
    script?: Script;
    profile?: Partial<Profile>;
    now?: string;
    dataDir?: string;
    bestTimes?: BestTimesPort;
    /** The brand domain the bulk domain drafts with, built on the harness's deps. */
    brand?: (deps: DomainDeps) => BulkWiring['brand'];
    /** Cap on the wait for a refusing engine (real milliseconds); tests keep it short. */
    engineWaitMaxMs?: number;
  } = {},
): Promise<BulkHarness> {
  const t = await createTestCore({
    now: options.now ?? '2026-11-25T10:00:00.000Z',
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
  await t.core.services.profile.save(profileOf(options.profile));
  const provider = new ScriptedProvider('ollama', 'local', options.script ?? postScript());
  const llm = new LlmService({
    database: t.core.database,
    clock: t.clock,
    events: t.core.events,
    providers: { ollama: provider },
    priceOf: () => ({ inPerM: 0, outPerM: 0 }),
    hasCloudKey: async () => false,
  });
  const deps = domainDepsOf(t, { llm });
  const bulk = createBulk(deps, options.bestTimes ? { service: { bestTimes: options.bestTimes } } : undefined, {
    retryBaseMs: 1,
    ...(options.brand ? { brand: options.brand(deps) } : {}),
    ...(options.engineWaitMaxMs === undefined ? {} : { engineWaitMaxMs: options.engineWaitMaxMs }),
  });
  bulk.start();
  return {
    t,
    bulk,
    provider,
    dispose: async () => {
      await bulk.close();
      await t.dispose();
    },
  };
}

/** The topic the prompt carries (the studio prompt's user message is "Topic: …"). */
export function topicOf(request: GenerateRequest): string {
  const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
  return user.replace(/^Topic: /, '');
}

const isTopicsRequest = (request: GenerateRequest) => request.jsonSchema !== undefined;

/**
 * Topic planning fails (no model answered) and each post is "Post about <topic>." after `delayMs`,
 * honouring cancel like a real provider.
 */
export function postScript(
  options: { delayMs?: number; onPost?: (request: GenerateRequest) => Promise<void> | void } = {},
): Script {
  return async (request) => {
    if (isTopicsRequest(request)) throw new LlmError('provider_down', 'no model is running');
    await options.onPost?.(request);
    await wait(options.delayMs ?? 1, request.signal);
    return result(`Post about ${topicOf(request)}.`);
  };
}

export function result(text: string, durationMs = 5): GenerateResult {
  return { text, tokensIn: 10, tokensOut: 10, ttftMs: 1, durationMs, finishReason: 'stop' };
}

export function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new LlmError('cancelled', 'aborted'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new LlmError('cancelled', 'aborted'));
    });
  });
}

/** A gate a scripted generation waits at until the test opens it. */
export function gate(): { wait: (signal?: AbortSignal) => Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    open,
    wait: (signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(new LlmError('cancelled', 'aborted'));
        signal?.addEventListener('abort', () => reject(new LlmError('cancelled', 'aborted')));
        void opened.then(resolve);
      }),
  };
}

export const PLAN: BulkPlanInput = {
  platforms: ['linkedin', 'x'],
  niche: 'sourdough baking',
  postsPerWeek: 3,
  from: '2026-12-07',
  weeks: 1,
};

/** Waits until `check` passes on the job (polling the database). */
export async function waitForJob(
  h: BulkHarness,
  jobId: string,
  check: (detail: BulkJobDetail) => boolean,
  timeoutMs = 10_000,
): Promise<BulkJobDetail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const detail = await h.bulk.service.getJob(jobId);
    if (check(detail)) return detail;
    if (Date.now() > until) throw new Error(`job ${jobId} never reached the state: ${JSON.stringify(detail.job)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
