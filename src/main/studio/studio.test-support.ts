import type { EventMap } from '../../shared/contract';
import type { Input } from '../../shared/contract';
import type { DraftProgress } from '../../shared/domain/studio';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { LlmService } from '../llm/llm.service';
import type { LlmProvider } from '../llm/provider';
import type { FetchPage } from './link/fetch-page';
import { brandPort, templatesPort } from './neighbour-ports';
import type { StudioBrand, StudioTemplates } from './studio.ports';
import { StudioService } from './studio.service';

export interface StudioHarness {
  t: TestCore;
  studio: StudioService;
  progress: DraftProgress[];
  tokens: EventMap['llm:token'][];
  /** Resolves with the first progress event (past or future) matching. */
  progressOf(postId: string, status: DraftProgress['status']): Promise<DraftProgress>;
  /** Resolves once at least `count` llm:token events for the request have arrived. */
  tokensFor(requestId: string, count: number): Promise<string[]>;
  dispose(): Promise<void>;
}

const noFetch: FetchPage = () => Promise.reject(new Error('tests never read the network'));

/**
 * A real core (temp SQLite file) with a StudioService whose LLM service runs `provider` as Ollama:
 * real router, events, posts, analytics, templates and brand; the provider is the scripted double or a real one.
 */
export async function startStudio(
  provider: LlmProvider,
  options: { fetchPage?: FetchPage; templates?: StudioTemplates; brand?: StudioBrand } = {},
): Promise<StudioHarness> {
  const t = await createTestCore();
  const llm = new LlmService({
    database: t.core.database,
    clock: t.clock,
    events: t.core.events,
    providers: { ollama: provider },
    priceOf: () => null,
    hasCloudKey: async () => false,
  });
  const studio = new StudioService({
    ports: t.core.ports,
    database: t.core.database,
    events: t.core.events,
    llm,
    posts: t.core.services.posts,
    templates: options.templates ?? templatesPort(t.core.domains.templates.service),
    brand: options.brand ?? brandPort(t.core.domains.brand.service),
    abPairs: t.core.domains.analytics.service,
    fetchPage: options.fetchPage ?? noFetch,
  });
  const progress: DraftProgress[] = [];
  const tokens: EventMap['llm:token'][] = [];
  const waiters = new Set<() => void>();
  t.core.events.onAny((name, payload) => {
    if (name === 'studio:draft-progress') progress.push(payload as DraftProgress);
    else if (name === 'llm:token') tokens.push(payload as EventMap['llm:token']);
    else return;
    for (const check of waiters) check();
  });
  const until = <T>(found: () => T | undefined): Promise<T> =>
    new Promise((resolve) => {
      const check = () => {
        const value = found();
        if (value === undefined) return;
        waiters.delete(check);
        resolve(value);
      };
      waiters.add(check);
      check();
    });
  return {
    t,
    studio,
    progress,
    tokens,
    progressOf: (postId, status) => until(() => progress.find((p) => p.postId === postId && p.status === status)),
    tokensFor: (requestId, count) =>
      until(() => {
        const texts = tokens.filter((e) => e.requestId === requestId).map((e) => e.text);
        return texts.length >= count ? texts : undefined;
      }),
    dispose: async () => {
      await studio.close();
      await t.dispose();
    },
  };
}

/** A draft-idea input with fixed request ids, one draft per platform and variant. */
export function ideaInput(
  source: Input<'studio:draft-idea'>['source'],
  platforms: Input<'studio:draft-idea'>['platforms'],
  variants = 1,
): Input<'studio:draft-idea'> & { variants: number } {
  const labels = (['A', 'B', 'C'] as const).slice(0, variants);
  let n = 0;
  const drafts = platforms.flatMap((platform) =>
    labels.map((variant) => ({ platform, variant, requestId: requestIdOf((n += 1)) })),
  );
  return { source, platforms, variants, drafts };
}

function requestIdOf(n: number): string {
  return `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
}
