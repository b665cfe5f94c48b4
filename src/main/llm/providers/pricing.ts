import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import pricesJson from '../../../../resources/llm-prices.json';
import type { ProviderId } from '../provider';

/**
 * The editable price table (resources/llm-prices.json): USD per 1M input and output tokens, per
 * provider and model, each provider with the date and page its figures come from.
 */

const ModelPrice = z.strictObject({ input: z.number().nonnegative(), output: z.number().nonnegative() });

const ProviderPrices = z.strictObject({
  asOf: z.iso.date(),
  source: z.string().min(1),
  notes: z.string().optional(),
  models: z.record(z.string().min(1), ModelPrice),
});

const PriceFile = z.strictObject({
  $comment: z.string().optional(),
  currency: z.literal('USD'),
  unit: z.literal('per_1m_tokens'),
  providers: z.partialRecord(z.enum(['openai', 'anthropic', 'groq', 'perplexity', 'meta']), ProviderPrices),
});

export type ModelPrice = z.infer<typeof ModelPrice>;

/** A cost in USD with where the price came from, or null with the reason it is unknown. */
export type CostEstimate = { usd: number; asOf: string; source: string } | { usd: null; reason: string };

const LOCAL_PROVIDERS: ReadonlySet<ProviderId> = new Set(['ollama', 'embedded']);

/** Dated snapshots (`claude-haiku-4-5-20251001`, `gpt-5.4-mini-2026-03-17`) cost what their alias costs. */
const DATE_SUFFIX = /-(\d{8}|\d{4}-\d{2}-\d{2})$/;

export class PriceTable {
  private constructor(private readonly file: z.infer<typeof PriceFile>) {}

  /** Validates a parsed price file; throws an Error listing every problem and where it is. */
  static parse(json: unknown, origin = 'resources/llm-prices.json'): PriceTable {
    const result = PriceFile.safeParse(json);
    if (!result.success) {
      const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
      throw new Error(`${origin} is not a valid price table:\n- ${problems.join('\n- ')}`);
    }
    return new PriceTable(result.data);
  }

  /** The price of a model, trying its dated snapshot name and then its alias. */
  priceOf(provider: ProviderId, model: string): ModelPrice | undefined {
    const models = this.file.providers[provider as keyof typeof this.file.providers]?.models;
    if (!models) return undefined;
    return Object.hasOwn(models, model) ? models[model] : models[model.replace(DATE_SUFFIX, '')];
  }

  cost(provider: ProviderId, model: string, tokensIn: number, tokensOut: number): CostEstimate {
    if (LOCAL_PROVIDERS.has(provider)) return { usd: 0, asOf: '', source: 'runs on this device: no per-token charge' };
    const entry = this.file.providers[provider as keyof typeof this.file.providers];
    const price = this.priceOf(provider, model);
    if (!entry || !price) {
      return {
        usd: null,
        reason: `No price for ${provider} model "${model}" in llm-prices.json, so its cost is unknown (not zero). Add it to the table to track spending.`,
      };
    }
    const usd = (tokensIn * price.input + tokensOut * price.output) / 1_000_000;
    return { usd, asOf: entry.asOf, source: entry.source };
  }
}

/** The table shipped with the app, validated when this module loads so a bad edit fails at startup. */
export const BUNDLED_PRICES: PriceTable = PriceTable.parse(pricesJson);

/** A user-edited copy of the table (e.g. in the data folder); throws with the problems if invalid. */
export async function loadPriceTable(file: string): Promise<PriceTable> {
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return PriceTable.parse(json, file);
}
