import type { LlmTask } from '../provider';
import { type CatalogModel, LLM_TASKS, type ModelCatalog } from './catalog';
import { type FitResult, type FitRating, type MemoryBudget, rateFit } from './fit';

export interface RatedModel {
  model: CatalogModel;
  fit: FitResult;
  installed: boolean;
}

export interface Recommendation {
  task: LlmTask;
  /** The model to use; null when nothing in the catalog fits (then `reason` says why). */
  pick: RatedModel | null;
  /** Every catalogued model for the task, best first, red ones last. */
  candidates: RatedModel[];
  reason: string;
}

export interface RecommendOptions {
  /** The context the app will run with (num_ctx); a model's own maximum is used if smaller. */
  contextLength?: number;
  /** Tags already pulled: among equally good fits, no download wins. */
  installed?: string[];
}

const RATING_ORDER: Record<FitRating, number> = { green: 0, yellow: 1, red: 2 };
const DEFAULT_CONTEXT = 8_192;

const withLatest = (tag: string) => (tag.includes(':') ? tag : `${tag}:latest`);

/**
 * The best model for a task that fits: green before yellow, then higher quality, then one
 * already installed, then faster, then smaller. Red models are listed but never picked.
 */
export function recommendFor(
  task: LlmTask,
  catalog: ModelCatalog,
  budget: MemoryBudget,
  options: RecommendOptions = {},
): Recommendation {
  const installed = new Set((options.installed ?? []).map(withLatest));
  const contextLength = options.contextLength ?? DEFAULT_CONTEXT;
  const candidates = catalog
    .filter((model) => model.tasks.includes(task))
    .map((model) => ({
      model,
      installed: installed.has(withLatest(model.tag)),
      fit: rateFit({ ...model, contextLength: Math.min(contextLength, model.contextLength) }, budget),
    }))
    .sort(
      (a, b) =>
        RATING_ORDER[a.fit.rating] - RATING_ORDER[b.fit.rating] ||
        b.model.quality - a.model.quality ||
        Number(b.installed) - Number(a.installed) ||
        b.model.speed - a.model.speed ||
        a.model.sizeBytes - b.model.sizeBytes,
    );
  const best = candidates[0];
  if (!best) return { task, pick: null, candidates, reason: `The catalog has no model for ${task}` };
  if (best.fit.rating === 'red') {
    const smallest = [...candidates].sort((a, b) => a.fit.requiredBytes - b.fit.requiredBytes)[0] ?? best;
    const reason = `Nothing for ${task} fits this machine. Smallest: ${smallest.model.name}. ${smallest.fit.reason}`;
    return { task, pick: null, candidates, reason };
  }
  return { task, pick: best, candidates, reason: `${best.model.name}: ${best.fit.reason}` };
}

/** One recommendation per task. */
export function recommendModels(
  catalog: ModelCatalog,
  budget: MemoryBudget,
  options: RecommendOptions = {},
): Record<LlmTask, Recommendation> {
  const entries = LLM_TASKS.map((task) => [task, recommendFor(task, catalog, budget, options)] as const);
  return Object.fromEntries(entries) as Record<LlmTask, Recommendation>;
}
