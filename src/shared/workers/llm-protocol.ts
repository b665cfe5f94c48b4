import { z } from 'zod';
import { chatMessageSchema } from '../domain/llm';

/**
 * Messages between main (src/main/llm/embedded/) and the embedded llama.cpp worker
 * (src/workers/llm/worker.ts). Both sides parse what they receive, so a version skew between a
 * stale worker bundle and main shows up as a clear protocol error instead of undefined fields.
 *
 * Every request carries a `requestId`; every reply names the request it answers. A generate
 * request streams `token` events and ends with exactly one `done` or `error`.
 */

const requestId = z.string().min(1).max(100);

/** Chat messages go through the model's chat template; plain text is completed as is. */
export const generateInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chat'), messages: z.array(chatMessageSchema).min(1) }),
  z.object({ kind: z.literal('text'), prompt: z.string().min(1) }),
]);
export type GenerateInput = z.infer<typeof generateInputSchema>;

/**
 * The model a request needs. Generate and countTokens name it too, so the worker loads it in the
 * same queued step: a separate load could let another caller's load slip in between.
 */
export const modelSpecSchema = z.object({
  modelPath: z.string().min(1),
  contextSize: z.number().int().min(64).max(1_048_576),
  /** CPU threads for evaluation; the worker picks a default that leaves a core for the UI. */
  threads: z.number().int().min(1).max(256).optional(),
});
export type ModelSpec = z.infer<typeof modelSpecSchema>;

/** Loads ahead of use (warm-up); a no-op when the same model and settings are already loaded. */
export const loadRequestSchema = z.object({ type: z.literal('load'), requestId, model: modelSpecSchema });

export const generateRequestSchema = z.object({
  type: z.literal('generate'),
  requestId,
  model: modelSpecSchema,
  input: generateInputSchema,
  maxTokens: z.number().int().min(1).max(1_048_576),
  temperature: z.number().min(0).max(2),
  /** A JSON schema the output must follow; compiled to a llama.cpp grammar in the worker. */
  jsonSchema: z.record(z.string(), z.unknown()).optional(),
});

export const cancelRequestSchema = z.object({ type: z.literal('cancel'), requestId });
export const countTokensRequestSchema = z.object({
  type: z.literal('countTokens'),
  requestId,
  model: modelSpecSchema,
  text: z.string(),
});
export const unloadRequestSchema = z.object({ type: z.literal('unload'), requestId });
export const pingRequestSchema = z.object({ type: z.literal('ping'), requestId });

export const workerRequestSchema = z.discriminatedUnion('type', [
  loadRequestSchema,
  generateRequestSchema,
  cancelRequestSchema,
  countTokensRequestSchema,
  unloadRequestSchema,
  pingRequestSchema,
]);
export type WorkerRequest = z.infer<typeof workerRequestSchema>;
export type GenerateRequestMessage = z.infer<typeof generateRequestSchema>;

/** What the worker knows about the model it holds. */
export const loadedModelSchema = z.object({
  modelPath: z.string(),
  contextSize: z.number().int().positive(),
  trainContextSize: z.number().int().positive(),
  sizeBytes: z.number().int().nonnegative(),
  /** 'chat' when the GGUF carries a chat template, else prompts are completed as plain text. */
  promptFormat: z.enum(['chat', 'text']),
  threads: z.number().int().positive(),
  loadMs: z.number().nonnegative(),
});
export type LoadedModel = z.infer<typeof loadedModelSchema>;

export const FINISH_REASONS = ['stop', 'length', 'cancelled'] as const;
export type WorkerFinishReason = (typeof FINISH_REASONS)[number];

/** Failure kinds the worker can tell apart; main maps them onto LlmError kinds. */
export const WORKER_ERROR_KINDS = [
  'not_found',
  'invalid_model',
  'invalid_request',
  'context_too_long',
  'internal',
] as const;
export type WorkerErrorKind = (typeof WORKER_ERROR_KINDS)[number];

export const loadedEventSchema = z.object({ type: z.literal('loaded'), requestId, model: loadedModelSchema });
export const tokenEventSchema = z.object({
  type: z.literal('token'),
  requestId,
  text: z.string(),
  /** Tokens this piece of text stands for (a multi-byte character may span several). */
  tokens: z.number().int().nonnegative(),
});
export const doneEventSchema = z.object({
  type: z.literal('done'),
  requestId,
  tokensIn: z.number().int().nonnegative(),
  tokensOut: z.number().int().nonnegative(),
  finishReason: z.enum(FINISH_REASONS),
});
export const errorEventSchema = z.object({
  type: z.literal('error'),
  requestId,
  kind: z.enum(WORKER_ERROR_KINDS),
  message: z.string(),
});
export const tokenCountEventSchema = z.object({
  type: z.literal('tokenCount'),
  requestId,
  count: z.number().int().nonnegative(),
});
export const unloadedEventSchema = z.object({ type: z.literal('unloaded'), requestId });
export const pongEventSchema = z.object({
  type: z.literal('pong'),
  requestId,
  loadedModel: z.string().nullable(),
  /** Requests generating or waiting in the worker. */
  pending: z.number().int().nonnegative(),
});

/** llama.cpp's own warnings and errors, for the app log; not tied to a request. */
export const logEventSchema = z.object({
  type: z.literal('log'),
  level: z.enum(['warn', 'error']),
  message: z.string(),
});

export const workerEventSchema = z.discriminatedUnion('type', [
  loadedEventSchema,
  tokenEventSchema,
  doneEventSchema,
  errorEventSchema,
  tokenCountEventSchema,
  unloadedEventSchema,
  pongEventSchema,
  logEventSchema,
]);
export type WorkerEvent = z.infer<typeof workerEventSchema>;
export type DoneEvent = z.infer<typeof doneEventSchema>;
export type ErrorEvent = z.infer<typeof errorEventSchema>;
export type PongEvent = z.infer<typeof pongEventSchema>;
/** Events that answer a request (all but `log`). */
export type ReplyEvent = Exclude<WorkerEvent, { type: 'log' }>;
