import { z } from 'zod';

/**
 * Messages between main (src/main/voice/recognition/) and the speech-to-text worker
 * (src/workers/stt/worker.ts), which holds one whisper.cpp context and one Silero VAD context and
 * keeps them loaded between utterances. Both sides parse what they receive, so a stale worker
 * bundle shows up as a protocol error. Audio travels as 16 kHz mono Int16Array (the IPC channel
 * uses structured clone, so no base64 on this hop).
 *
 * Every request carries a `requestId`; every reply names it. Cancel is answered at once; the
 * cancelled transcription then ends with an `error` of kind 'cancelled'.
 */

const requestId = z.string().min(1).max(100);
const pcm = z.custom<Int16Array>((value) => value instanceof Int16Array, 'Audio must be an Int16Array');

export const whisperModelSpecSchema = z.object({
  /** Absolute path to a ggml model file; main checks it exists and looks like ggml before sending. */
  modelPath: z.string().min(1),
  useGpu: z.boolean(),
});
export type WhisperModelSpec = z.infer<typeof whisperModelSpecSchema>;

export const sttRequestSchema = z.discriminatedUnion('type', [
  /** Loads ahead of use; a no-op when the same model and GPU choice are loaded. */
  z.object({ type: z.literal('load'), requestId, model: whisperModelSpecSchema }),
  z.object({
    type: z.literal('transcribe'),
    requestId,
    model: whisperModelSpecSchema,
    pcm,
    /** A whisper language code, or 'auto' to detect it (multilingual models only). */
    language: z.string().min(2).max(10),
  }),
  z.object({ type: z.literal('cancel'), requestId }),
  z.object({ type: z.literal('vad'), requestId, modelPath: z.string().min(1), pcm }),
  z.object({ type: z.literal('ping'), requestId }),
]);
export type SttRequest = z.infer<typeof sttRequestSchema>;
export type SttTranscribeRequest = Extract<SttRequest, { type: 'transcribe' }>;

export const sttErrorKindSchema = z.enum(['cancelled', 'load-failed', 'failed', 'invalid_request']);
export type SttErrorKind = z.infer<typeof sttErrorKindSchema>;

export const sttEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('loaded'),
    requestId,
    modelPath: z.string(),
    /** Milliseconds this load took; 0 when the model was already loaded. */
    loadMs: z.number().nonnegative(),
    /** Whether whisper.cpp runs on a GPU backend. */
    gpu: z.boolean(),
    /** Whisper model loads since the worker started. */
    loads: z.number().int().nonnegative(),
    /** e.g. why the GPU was not used. */
    note: z.string(),
  }),
  z.object({
    type: z.literal('transcribed'),
    requestId,
    text: z.string(),
    language: z.string().nullable(),
    ms: z.number().nonnegative(),
  }),
  z.object({
    type: z.literal('segments'),
    requestId,
    segments: z.array(z.object({ startMs: z.number().nonnegative(), endMs: z.number().nonnegative() })),
    ms: z.number().nonnegative(),
  }),
  z.object({
    type: z.literal('pong'),
    requestId,
    loadedModel: z.string().nullable(),
    loads: z.number().int().nonnegative(),
    vadLoads: z.number().int().nonnegative(),
  }),
  z.object({ type: z.literal('error'), requestId, kind: sttErrorKindSchema, message: z.string() }),
  z.object({ type: z.literal('log'), level: z.enum(['info', 'warn', 'error']), message: z.string() }),
]);
export type SttEvent = z.infer<typeof sttEventSchema>;
