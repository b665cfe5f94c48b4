import { z } from 'zod';

/**
 * Text-generation domain shared by main and the renderer: tasks, providers, the router policy
 * (persisted settings) and usage statistics. The literals mirror src/main/llm/provider.ts, which
 * main checks at compile time (src/main/llm/settings/llm-settings.store.ts).
 */

export const LLM_TASKS = ['drafting', 'rewriting', 'hashtags', 'classification', 'coaching', 'embeddings'] as const;
export const llmTaskSchema = z.enum(LLM_TASKS);
export type LlmTaskName = z.infer<typeof llmTaskSchema>;

export const PROVIDER_IDS = [
  'ollama',
  'embedded',
  'openai',
  'anthropic',
  'groq',
  'perplexity',
  'meta',
  'cadence',
] as const;
export const providerIdSchema = z.enum(PROVIDER_IDS);
export type ProviderName = z.infer<typeof providerIdSchema>;

export const chatMessageSchema = z
  .object({
    role: z.enum(['system', 'user', 'assistant']),
    content: z.string().max(200_000, 'A message has at most 200,000 characters'),
  })
  .strict();

/** One step of a task's chain: which provider, with which model. */
export const chainEntrySchema = z
  .object({
    provider: providerIdSchema,
    model: z.string().trim().min(1, 'Name a model').max(200),
  })
  .strict();
export type ChainEntry = z.infer<typeof chainEntrySchema>;

const chainSchema = z
  .array(chainEntrySchema)
  .max(8, 'At most 8 steps in a chain')
  .refine((chain) => new Set(chain.map((e) => `${e.provider}/${e.model}`)).size === chain.length, {
    message: 'The same provider and model appear twice',
  });

/** Local first: the managed Ollama, then the embedded llama.cpp model. Cloud is added by the user. */
const localChain = (ollamaModel: string, embeddedModel: string): ChainEntry[] => [
  { provider: 'ollama', model: ollamaModel },
  { provider: 'embedded', model: embeddedModel },
];

export const DEFAULT_CHAINS: Record<LlmTaskName, ChainEntry[]> = {
  drafting: localChain('llama3.2:3b', 'llama-3.2-3b-instruct-q4_k_m'),
  rewriting: localChain('llama3.2:3b', 'llama-3.2-3b-instruct-q4_k_m'),
  hashtags: localChain('llama3.2:3b', 'llama-3.2-3b-instruct-q4_k_m'),
  classification: localChain('llama3.2:3b', 'llama-3.2-3b-instruct-q4_k_m'),
  coaching: localChain('llama3.2:3b', 'llama-3.2-3b-instruct-q4_k_m'),
  embeddings: [{ provider: 'ollama', model: 'nomic-embed-text' }],
};

const usd = (max: number) => z.number().nonnegative('A ceiling cannot be negative').max(max);

/** Each policy field once; the full schema adds defaults, the patch schema makes them optional. */
const fields = {
  privacyMode: z.boolean(),
  allowedCloudTasks: z.array(llmTaskSchema).transform((tasks) => [...new Set(tasks)]),
  perGenerationCeilingUsd: usd(100),
  monthlyCeilingUsd: usd(10_000),
  firstTokenTimeoutMs: z.number().int().min(50).max(600_000),
  overallTimeoutMs: z.number().int().min(50).max(3_600_000),
};

type PerTask<S extends z.ZodType> = { [K in LlmTaskName]: S };
const perTask = <S extends z.ZodType>(make: (task: LlmTaskName) => S) =>
  z.object(Object.fromEntries(LLM_TASKS.map((t) => [t, make(t)])) as PerTask<S>).strict();

/**
 * The router policy. Every field has a default so a settings row written by an older version
 * still parses after fields are added.
 */
export const llmSettingsSchema = z
  .object({
    /** "Never leave this device": only providers whose location is 'local' may run. */
    privacyMode: fields.privacyMode.default(false),
    /** Per task, the providers to try in order. */
    chains: perTask((t) => chainSchema.default(() => structuredClone(DEFAULT_CHAINS[t]))).prefault({}),
    /** Tasks the user allowed to go to a cloud provider; none until they opt in. */
    allowedCloudTasks: fields.allowedCloudTasks.default([]),
    /** Estimated before the call: prompt tokens at input price plus maxTokens at output price. */
    perGenerationCeilingUsd: fields.perGenerationCeilingUsd.default(0.1),
    /** Sum of recorded cost in the current calendar month (UTC). */
    monthlyCeilingUsd: fields.monthlyCeilingUsd.default(5),
    /** Local models may need to load into memory first, so this is generous. */
    firstTokenTimeoutMs: fields.firstTokenTimeoutMs.default(60_000),
    overallTimeoutMs: fields.overallTimeoutMs.default(300_000),
  })
  .strict();
export type LlmSettings = z.output<typeof llmSettingsSchema>;

/** A change to the policy: only the fields (and tasks' chains) given are replaced. */
export const llmSettingsPatchSchema = z
  .object({
    privacyMode: fields.privacyMode.optional(),
    chains: perTask(() => chainSchema.optional()).optional(),
    allowedCloudTasks: fields.allowedCloudTasks.optional(),
    perGenerationCeilingUsd: fields.perGenerationCeilingUsd.optional(),
    monthlyCeilingUsd: fields.monthlyCeilingUsd.optional(),
    firstTokenTimeoutMs: fields.firstTokenTimeoutMs.optional(),
    overallTimeoutMs: fields.overallTimeoutMs.optional(),
  })
  .strict();
export type LlmSettingsPatch = z.output<typeof llmSettingsPatchSchema>;

export const DEFAULT_LLM_SETTINGS: LlmSettings = llmSettingsSchema.parse({});

export const USAGE_OUTCOMES = ['ok', 'cancelled', 'error'] as const;
export const usageOutcomeSchema = z.enum(USAGE_OUTCOMES);
export type UsageOutcome = z.infer<typeof usageOutcomeSchema>;

/** Figures for one group of recorded calls (a day, task, provider or model). */
export const usageStatsSchema = z.object({
  key: z.string(),
  calls: z.number().int().nonnegative(),
  ok: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  tokensIn: z.number().int().nonnegative(),
  tokensOut: z.number().int().nonnegative(),
  /** Averages are null when no call in the group had the figure. */
  avgTtftMs: z.number().nullable(),
  avgTokensPerSecond: z.number().nullable(),
  avgRating: z.number().nullable(),
  totalCostUsd: z.number().nonnegative(),
});
export type UsageStats = z.infer<typeof usageStatsSchema>;

export const usageReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  totals: usageStatsSchema,
  /** Days are UTC calendar days, YYYY-MM-DD. */
  byDay: z.array(usageStatsSchema),
  byTask: z.array(usageStatsSchema),
  byProvider: z.array(usageStatsSchema),
  /** Keyed "provider/model". */
  byModel: z.array(usageStatsSchema),
  /** Share (0..1) of successful generations served on this device; null when there were none. */
  localShare: z.number().min(0).max(1).nullable(),
  /** Spend this calendar month against the monthly ceiling. */
  month: z.object({ spentUsd: z.number().nonnegative(), ceilingUsd: z.number().nonnegative() }),
});
export type UsageReport = z.infer<typeof usageReportSchema>;
