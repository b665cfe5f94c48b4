import { z } from 'zod';
import { isoDateTimeSchema } from '../domain/post';
import {
  chatMessageSchema,
  llmSettingsPatchSchema,
  llmSettingsSchema,
  llmTaskSchema,
  providerIdSchema,
  usageReportSchema,
} from '../domain/llm';
import { defineChannel } from './channel';

/** Chosen by the caller so it can follow `llm:token` events and cancel before the call returns. */
export const requestIdSchema = z.uuid({ message: 'Not a request id' });

export const generateTextInputSchema = z
  .object({
    /** Optional: one is made when absent (then only the final result is useful to the caller). */
    requestId: requestIdSchema.optional(),
    task: llmTaskSchema,
    /** Either a prompt (with an optional system message) or a full conversation. */
    prompt: z.string().min(1, 'Write a prompt').max(200_000).optional(),
    system: z.string().max(50_000).optional(),
    messages: z.array(chatMessageSchema).min(1, 'Give at least one message').max(200).optional(),
    maxTokens: z.number().int().min(1).max(32_768).default(1024),
    temperature: z.number().min(0).max(2).optional(),
    /** A JSON schema the answer must follow (structured output). */
    jsonSchema: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine((input) => (input.prompt === undefined) !== (input.messages === undefined), {
    message: 'Give either a prompt or messages, not both',
    path: ['prompt'],
  })
  .refine((input) => input.system === undefined || input.prompt !== undefined, {
    message: 'A system message goes with a prompt; put it in messages instead',
    path: ['system'],
  });
export type GenerateTextInput = z.output<typeof generateTextInputSchema>;

export const generationSchema = z.object({
  requestId: requestIdSchema,
  text: z.string(),
  /** 'cancelled' when llm:cancel-generation stopped it; text is what came before the cancel. */
  finishReason: z.enum(['stop', 'length', 'cancelled']),
  /** Null only when cancelled before any provider started. */
  provider: providerIdSchema.nullable(),
  model: z.string().nullable(),
  /** The llm_usage row, for llm:rate-generation. */
  usageId: z.number().int().positive().nullable(),
  /** 0 when the first choice answered; higher when earlier steps failed or were skipped. */
  fallbackPosition: z.number().int().nonnegative().nullable(),
  tokensIn: z.number().int().nonnegative(),
  tokensOut: z.number().int().nonnegative(),
  ttftMs: z.number().nonnegative().nullable(),
  durationMs: z.number().nonnegative(),
  costUsd: z.number().nonnegative(),
  citations: z.array(z.string()).optional(),
});
export type Generation = z.infer<typeof generationSchema>;

export const providerStatusSchema = z.object({
  id: providerIdSchema,
  location: z.enum(['local', 'cloud']),
  circuit: z.enum(['closed', 'open', 'half-open']),
});
export type ProviderStatus = z.infer<typeof providerStatusSchema>;

export const llmChannels = {
  'llm:generate-text': defineChannel({
    input: generateTextInputSchema,
    output: generationSchema,
    summary:
      'Generates text for a task through its provider chain; tokens stream as llm:token events. ' +
      'Refusals (privacy, budget) fail with FORBIDDEN; provider failures with UNAVAILABLE.',
  }),
  'llm:cancel-generation': defineChannel({
    input: z.object({ requestId: requestIdSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }),
    summary: 'Stops a running generation at its source; false when none with that id is running.',
  }),
  'llm:get-settings': defineChannel({
    input: z.object({}).strict(),
    output: llmSettingsSchema,
    summary: 'The router policy: privacy mode, chains per task, cloud tasks, ceilings, timeouts.',
  }),
  'llm:save-settings': defineChannel({
    input: llmSettingsPatchSchema,
    output: llmSettingsSchema,
    summary: 'Changes the fields given (a chain replaces that task’s chain) and returns the whole policy.',
  }),
  'llm:get-usage': defineChannel({
    input: z
      .object({ from: isoDateTimeSchema, to: isoDateTimeSchema })
      .strict()
      .refine((r) => Date.parse(r.from) < Date.parse(r.to), { message: 'from must be before to', path: ['to'] }),
    output: usageReportSchema,
    summary: 'Usage in [from, to): totals, by day, task, provider and model, local share, month spend.',
  }),
  'llm:rate-generation': defineChannel({
    input: z
      .object({
        usageId: z.number().int().positive(),
        rating: z.number().int().min(1, 'Rate from 1 to 5').max(5, 'Rate from 1 to 5'),
      })
      .strict(),
    output: z.object({ usageId: z.number().int().positive(), rating: z.number().int() }),
    summary: 'Rates a finished generation 1–5 (shown per model on the dashboard).',
  }),
  'llm:list-providers': defineChannel({
    input: z.object({}).strict(),
    output: z.array(providerStatusSchema),
    summary: 'The providers set up on this device, where they run, and their circuit state.',
  }),
};
