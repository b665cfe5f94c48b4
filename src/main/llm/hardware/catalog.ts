import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import catalogJson from '../../../../resources/model-catalog.json';
import type { LlmTask } from '../provider';

export const LLM_TASKS = [
  'drafting',
  'rewriting',
  'hashtags',
  'classification',
  'coaching',
  'embeddings',
] as const satisfies readonly LlmTask[];
// Fails to compile if provider.ts gains a task this list lacks.
const everyTask: Exclude<LlmTask, (typeof LLM_TASKS)[number]> extends never ? true : never = true;
void everyTask;

const CatalogModel = z.strictObject({
  name: z.string().min(1),
  /** What `ollama pull` takes, e.g. "llama3.2:3b". */
  tag: z.string().regex(/^[a-z0-9][a-z0-9._/-]*(:[a-z0-9][a-z0-9._-]*)?$/i, 'not an Ollama model tag'),
  sizeBytes: z.int().positive(),
  contextLength: z.int().positive(),
  tasks: z.array(z.enum(LLM_TASKS)).min(1),
  /** 1–5, relative within this catalog; ranks models that fit equally well. */
  quality: z.int().min(1).max(5),
  speed: z.int().min(1).max(5),
  notes: z.string(),
  architecture: z
    .strictObject({ layers: z.int().positive(), kvHeads: z.int().positive(), headDim: z.int().positive() })
    .optional(),
});

const CatalogFile = z.strictObject({
  $comment: z.string().optional(),
  version: z.literal(1),
  models: z.array(CatalogModel).min(1),
});

export type CatalogModel = z.infer<typeof CatalogModel>;
export type ModelCatalog = CatalogModel[];

/** "models[3] (qwen2.5:3b)" rather than a bare index, so the user finds the entry to fix. */
function where(path: PropertyKey[], json: unknown): string {
  if (path[0] !== 'models' || typeof path[1] !== 'number') return path.join('.') || '(root)';
  const entry = (json as { models?: Array<{ tag?: unknown; name?: unknown }> }).models?.[path[1]];
  const label = typeof entry?.tag === 'string' ? entry.tag : typeof entry?.name === 'string' ? entry.name : '?';
  const rest = path.slice(2).join('.');
  return `models[${path[1]}] (${label})${rest ? `.${rest}` : ''}`;
}

/** Validates a parsed catalog; throws an Error naming every bad entry and field. */
export function parseModelCatalog(json: unknown, origin = 'resources/model-catalog.json'): ModelCatalog {
  const result = CatalogFile.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${where(issue.path, json)}: ${issue.message}`);
    throw new Error(`${origin} is not a valid model catalog:\n- ${problems.join('\n- ')}`);
  }
  const seen = new Set<string>();
  for (const [index, model] of result.data.models.entries()) {
    if (seen.has(model.tag)) throw new Error(`${origin}: models[${index}] (${model.tag}) repeats a tag listed above`);
    seen.add(model.tag);
  }
  return result.data.models;
}

/** The catalog shipped with the app, checked when this module loads so a bad edit fails at startup. */
export const BUNDLED_CATALOG: ModelCatalog = parseModelCatalog(catalogJson);

/** A user-edited copy (e.g. in the data folder); throws naming the file and the bad entries. */
export async function loadModelCatalog(file: string): Promise<ModelCatalog> {
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  return parseModelCatalog(json, file);
}
