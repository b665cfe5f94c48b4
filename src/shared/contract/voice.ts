import { z } from 'zod';
import { postIdSchema } from '../domain/post';
import {
  customCommandSchema,
  recognizerSchema,
  replyToneSchema,
  voiceCommandSchema,
  voiceIntentSchema,
  voiceLanguageSchema,
  voicePageSchema,
  voiceSettingsSchema,
  whisperModelSchema,
  ACTION_RISKS,
} from '../domain/voice';
import { defineChannel } from './channel';

const empty = z.object({}).strict();

/** What the creator is looking at when speaking: "it" means this post when one is open. */
export const commandContextSchema = z
  .object({
    postId: postIdSchema.nullable(),
    page: voicePageSchema.nullable(),
  })
  .strict();
export type CommandContext = z.infer<typeof commandContextSchema>;

export const voiceSettingsUpdateSchema = voiceSettingsSchema.partial().strict();
export type VoiceSettingsUpdate = z.infer<typeof voiceSettingsUpdateSchema>;

const engineStateSchema = z.object({
  state: z.enum(['not-loaded', 'loading', 'ready', 'error', 'missing-model', 'unavailable']),
  /** Plain words: what is wrong and how to fix it, or what is loaded. */
  message: z.string(),
});

export const voiceModelSchema = z.object({
  id: whisperModelSchema,
  label: z.string(),
  multilingual: z.boolean(),
  bytes: z.number().int().positive(),
  installed: z.boolean(),
});
export type VoiceModel = z.infer<typeof voiceModelSchema>;

export const voiceStatusSchema = z.object({
  recognizer: engineStateSchema.extend({
    id: recognizerSchema,
    /** The Whisper model file in use, when Whisper is the recognizer. */
    model: whisperModelSchema.nullable(),
    /** How long the last load took; the model then stays loaded between utterances. */
    loadMs: z.number().nonnegative().nullable(),
    /** Loads since start: 1 while the model is kept warm. */
    loads: z.number().int().nonnegative(),
    gpu: z.boolean(),
  }),
  vad: engineStateSchema,
  tts: engineStateSchema,
  models: z.array(voiceModelSchema),
  /** Whether a global hold-to-talk key is available here (desktop with a key hook) or only in-window. */
  hotkey: z.object({ global: z.boolean(), message: z.string() }),
});
export type VoiceStatus = z.infer<typeof voiceStatusSchema>;

/** 16 kHz mono signed 16-bit little-endian PCM, base64; about 100 ms per chunk. */
const pcmChunkSchema = z
  .string()
  .max(1_400_000, 'An audio chunk is at most about 30 seconds')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Audio must be base64');

export const beginUtteranceInputSchema = z
  .object({
    source: z.enum(['button', 'hotkey']),
    mode: z.enum(['hold', 'toggle']),
    context: commandContextSchema,
  })
  .strict();

export const pushAudioOutputSchema = z.object({
  /** Audio received so far, in milliseconds. */
  receivedMs: z.number().nonnegative(),
  /** Speech was heard and has been followed by silence: a toggle-mode recording should stop. */
  endOfSpeech: z.boolean(),
  /** The maximum length was reached; later audio is ignored. */
  limitReached: z.boolean(),
});

export const speakInputSchema = z
  .object({
    text: z.string().trim().min(1, 'Nothing to say').max(2000, 'At most 2,000 characters'),
    voice: z.string().trim().min(1).max(60).optional(),
    rate: z.number().int().min(80).max(400).optional(),
    pitch: z.number().int().min(0).max(99).optional(),
    tone: replyToneSchema.optional(),
  })
  .strict();
export type SpeakInput = z.infer<typeof speakInputSchema>;

export const speechSchema = z.object({
  /** A complete WAV file, base64. */
  wavBase64: z.string(),
  sampleRate: z.number().int().positive(),
  durationMs: z.number().nonnegative(),
  /** Served from the cache of earlier replies (same text and voice settings). */
  cached: z.boolean(),
  /** From the call to the first synthesized audio. */
  firstAudioMs: z.number().nonnegative(),
});
export type Speech = z.infer<typeof speechSchema>;

export const voiceActionInfoSchema = z.object({
  action: z.string(),
  label: z.string(),
  risk: z.enum(ACTION_RISKS),
  /** One way to say it per language. */
  examples: z.record(voiceLanguageSchema, z.string()),
});
export type VoiceActionInfo = z.infer<typeof voiceActionInfoSchema>;

/** The voice channels (issue #6, push-to-talk); the service is src/main/voice/. */
export const voiceChannels = {
  'voice:get-settings': defineChannel({ input: empty, output: voiceSettingsSchema, summary: 'Voice settings.' }),
  'voice:update-settings': defineChannel({
    input: voiceSettingsUpdateSchema,
    output: voiceSettingsSchema,
    summary: 'Change voice settings; a new recognizer or model is loaded on the next utterance (and kept warm).',
  }),
  'voice:status': defineChannel({
    input: empty,
    output: voiceStatusSchema,
    summary: 'Recognizer, VAD and speech engine states, the Whisper models and whether a global hotkey works here.',
  }),
  'voice:download-model': defineChannel({
    input: z.object({ model: whisperModelSchema }).strict(),
    output: z.object({ jobId: z.string() }),
    summary: 'Download a Whisper model with progress (job:progress), resume and sha256 check.',
  }),
  'voice:cancel-download': defineChannel({
    input: z.object({ jobId: z.string().min(1) }).strict(),
    output: empty,
    summary: 'Stop a model download; the part file is kept for resuming.',
  }),
  'voice:begin': defineChannel({
    input: beginUtteranceInputSchema,
    output: z.object({ utteranceId: z.string(), maxSeconds: z.number().int().positive() }),
    summary: 'Start an utterance; warms the recognizer if it is not loaded yet.',
  }),
  'voice:push-audio': defineChannel({
    input: z
      .object({ utteranceId: z.string().min(1), seq: z.number().int().nonnegative(), pcm: pcmChunkSchema })
      .strict(),
    output: pushAudioOutputSchema,
    summary: 'Append audio to an utterance (chunks in order by seq); says when silence ended the speech.',
  }),
  'voice:end': defineChannel({
    input: z.object({ utteranceId: z.string().min(1) }).strict(),
    output: voiceCommandSchema,
    summary: 'The key was released: trim silence, transcribe, understand and act (or ask for confirmation).',
  }),
  'voice:cancel': defineChannel({
    input: z.object({ utteranceId: z.string().min(1) }).strict(),
    output: empty,
    summary: 'Drop an utterance, stopping a transcription in progress.',
  }),
  'voice:run-text': defineChannel({
    input: z
      .object({
        text: z.string().trim().min(1, 'Type a command').max(1000, 'At most 1,000 characters'),
        language: voiceLanguageSchema.optional(),
        context: commandContextSchema,
      })
      .strict(),
    output: voiceCommandSchema,
    summary: 'Run a typed command exactly as if it had been spoken.',
  }),
  'voice:confirm': defineChannel({
    input: z.object({ commandId: z.string().min(1), answer: z.enum(['yes', 'no']) }).strict(),
    output: voiceCommandSchema,
    summary: 'Answer a command that is waiting for confirmation (publish, delete, spend).',
  }),
  'voice:history': defineChannel({
    input: z.object({ limit: z.number().int().min(1).max(200).default(50), before: z.string().optional() }).strict(),
    output: z.object({ commands: z.array(voiceCommandSchema) }),
    summary: 'Commands, newest first: transcript, understood intent, outcome.',
  }),
  'voice:correct': defineChannel({
    input: z
      .object({
        commandId: z.string().min(1),
        intents: z.array(voiceIntentSchema).min(1, 'Choose what it should have done').max(10),
        /** Remember the transcript as a custom phrase for these intents. */
        teach: z.boolean().default(true),
        /** Run the corrected intents now. */
        rerun: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ command: voiceCommandSchema, custom: customCommandSchema.nullable() }),
    summary: 'Say what a command should have meant; teaches a custom phrase and may run it.',
  }),
  'voice:list-custom': defineChannel({
    input: empty,
    output: z.object({ commands: z.array(customCommandSchema) }),
    summary: 'Custom commands: a phrase mapped to one action or a macro.',
  }),
  'voice:save-custom': defineChannel({
    input: customCommandSchema
      .pick({ phrase: true, language: true, intents: true })
      .extend({ id: z.string().optional() })
      .strict(),
    output: customCommandSchema,
    summary: 'Create or change a custom command; a phrase already in use is refused.',
  }),
  'voice:delete-custom': defineChannel({
    input: z.object({ id: z.string().min(1) }).strict(),
    output: empty,
    summary: 'Delete a custom command.',
  }),
  'voice:list-actions': defineChannel({
    input: empty,
    output: z.object({ actions: z.array(voiceActionInfoSchema) }),
    summary: 'Every action a command can run, with its risk and an example per language.',
  }),
  'voice:speak': defineChannel({
    input: speakInputSchema,
    output: speechSchema,
    summary: 'Synthesize a reply with the embedded espeak-ng (settings unless overridden); cached by text and voice.',
  }),
  'voice:list-voices': defineChannel({
    input: empty,
    output: z.object({ voices: z.array(z.object({ id: z.string(), name: z.string(), language: z.string() })) }),
    summary: 'Voices of the embedded speech engine.',
  }),
};
