import { z } from 'zod';
import { llmTaskSchema, providerIdSchema } from '../domain/llm';
import { defineChannel } from './channel';

export const fitRatingSchema = z.enum(['green', 'yellow', 'red']);

export const engineStatusSchema = z.object({
  ollama: z.object({
    status: z.enum(['off', 'connecting', 'connected', 'not_installed', 'failed']),
    kind: z.enum(['external', 'managed']).nullable(),
    url: z.string().nullable(),
    detail: z.string(),
  }),
  embedded: z.object({ available: z.boolean(), state: z.string(), detail: z.string() }),
  hardware: z.object({
    cpu: z.string().nullable(),
    cores: z.number().int().nullable(),
    ramTotalBytes: z.number().nullable(),
    ramFreeBytes: z.number().nullable(),
    gpus: z.array(z.object({ name: z.string(), vramBytes: z.number().nullable() })),
  }),
});
export type EngineStatus = z.infer<typeof engineStatusSchema>;

export const localModelSchema = z.object({
  provider: z.enum(['ollama', 'embedded']),
  id: z.string(),
  sizeBytes: z.number().nullable(),
  contextLength: z.number().nullable(),
  parameterSize: z.string().nullable(),
  quantization: z.string().nullable(),
  fit: fitRatingSchema.nullable(),
  fitReason: z.string().nullable(),
});
export type LocalModel = z.infer<typeof localModelSchema>;

export const recommendationSchema = z.object({
  task: llmTaskSchema,
  /** An Ollama tag, e.g. "llama3.2:3b"; null when nothing in the catalog fits this machine. */
  model: z.string().nullable(),
  fit: fitRatingSchema.nullable(),
  installed: z.boolean(),
  reason: z.string(),
});
export type ModelRecommendation = z.infer<typeof recommendationSchema>;

export const cloudProviderSchema = z.object({
  id: providerIdSchema,
  displayName: z.string(),
  hasKey: z.boolean(),
  keyPage: z.string(),
});
export type CloudProviderInfo = z.infer<typeof cloudProviderSchema>;

const ollamaTagSchema = z
  .string()
  .trim()
  .min(1, 'Name a model, e.g. llama3.2:3b')
  .max(200)
  .regex(/^[a-z0-9][a-z0-9._/-]*(:[a-z0-9][a-z0-9._-]*)?$/i, 'Not an Ollama model name (like llama3.2:3b)');
const jobIdSchema = z.string().min(1).max(100);
const cloudIdSchema = z.enum(['openai', 'anthropic', 'groq', 'perplexity', 'meta'], {
  message: 'Not a cloud provider',
});

/** The LLM dashboard: engines, models, pulls, recommendations and cloud keys. */
export const llmAdminChannels = {
  'llm:get-engine-status': defineChannel({
    input: z.object({}).strict(),
    output: engineStatusSchema,
    summary: 'Ollama (found, started by Cadence, or not installed), the embedded engine, and the hardware.',
  }),
  'llm:list-local-models': defineChannel({
    input: z.object({}).strict(),
    output: z.array(localModelSchema),
    summary: 'Models installed in Ollama and in the data folder, each rated for fit on this machine.',
  }),
  'llm:get-recommendations': defineChannel({
    input: z.object({}).strict(),
    output: z.array(recommendationSchema),
    summary: 'A model per task that fits this machine, from the editable catalog.',
  }),
  'llm:pull-model': defineChannel({
    input: z.object({ model: ollamaTagSchema, jobId: jobIdSchema }).strict(),
    output: z.object({ jobId: jobIdSchema, outcome: z.enum(['success', 'cancelled']) }),
    summary: 'Pulls a model into Ollama; job:progress events carry bytes, percent, speed and ETA.',
  }),
  'llm:cancel-job': defineChannel({
    input: z.object({ jobId: jobIdSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }),
    summary: 'Stops a running pull (a later pull of the same model resumes).',
  }),
  'llm:delete-model': defineChannel({
    input: z.object({ model: ollamaTagSchema }).strict(),
    output: z.object({ deleted: z.string() }),
    summary: 'Removes a model from Ollama.',
  }),
  'llm:download-embedded-model': defineChannel({
    input: z
      .object({
        url: z.url({ protocol: /^https?$/, message: 'Give an http(s) address of a .gguf file' }),
        fileName: z
          .string()
          .regex(/^[\w.-]+\.gguf$/i, 'A plain file name ending in .gguf, like Llama-3.2-3B-Instruct-Q4_K_M.gguf'),
        /** The published SHA-256; without it the file is kept but cannot be verified. */
        sha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/i, 'A SHA-256 is 64 hexadecimal characters')
          .nullable(),
        jobId: jobIdSchema,
      })
      .strict(),
    output: z.discriminatedUnion('outcome', [
      z.object({
        outcome: z.literal('success'),
        fileName: z.string(),
        sizeBytes: z.number(),
        sha256: z.string(),
        resumedFromBytes: z.number(),
      }),
      /** Stopped by llm:cancel-job; the partial file stays so the next download resumes. */
      z.object({ outcome: z.literal('cancelled'), fileName: z.string() }),
    ]),
    summary:
      'Downloads a model for the embedded engine into the data folder: progress as job:progress, ' +
      'a cancelled or dropped download resumes, the SHA-256 is checked before the file is used.',
  }),
  'llm:get-embedded-model-file': defineChannel({
    input: z.object({}).strict(),
    output: z.object({ path: z.string().nullable() }),
    summary: 'The GGUF file outside the data folder that the embedded engine also offers, if any.',
  }),
  'llm:set-embedded-model-file': defineChannel({
    input: z.object({ path: z.string().trim().min(1, 'Give the path of a .gguf file').max(4096).nullable() }).strict(),
    output: z.object({ path: z.string().nullable() }),
    summary: 'Points the embedded engine at a GGUF file already on this computer (checked first); null forgets it.',
  }),
  'llm:list-cloud-providers': defineChannel({
    input: z.object({}).strict(),
    output: z.array(cloudProviderSchema),
    summary: 'The five cloud providers and whether a key is saved (never the key).',
  }),
  'llm:save-api-key': defineChannel({
    input: z
      .object({ provider: cloudIdSchema, apiKey: z.string().trim().min(8, 'That key is too short').max(500) })
      .strict(),
    output: z.object({ provider: providerIdSchema, saved: z.literal(true) }),
    summary: 'Checks the key with the provider, then stores it in the OS keychain; a refused key is not saved.',
  }),
  'llm:remove-api-key': defineChannel({
    input: z.object({ provider: cloudIdSchema }).strict(),
    output: z.object({ provider: providerIdSchema, removed: z.boolean() }),
    summary: 'Deletes a saved key.',
  }),
  'llm:check-health': defineChannel({
    input: z.object({}).strict(),
    output: z.array(z.object({ id: providerIdSchema, ok: z.boolean(), detail: z.string() })),
    summary: 'Asks each set-up provider whether it answers.',
  }),
};

export type LlmAdminChannel = keyof typeof llmAdminChannels;
