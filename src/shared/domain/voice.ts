import { z } from 'zod';
import { platformSchema } from './platform';

/** Languages whose spoken commands Cadence understands end to end. */
export const VOICE_LANGUAGES = ['en', 'es'] as const;
export const voiceLanguageSchema = z.enum(VOICE_LANGUAGES);
export type VoiceLanguage = z.infer<typeof voiceLanguageSchema>;

/** Pages a spoken "open the …" can reach; the renderer maps each to its route. */
export const VOICE_PAGES = [
  'dashboard',
  'compose',
  'studio',
  'library',
  'calendar',
  'bulk',
  'templates',
  'brand-voice',
  'analytics',
  'coach',
  'accounts',
  'ai',
  'settings',
  'diagnostics',
  'talk',
] as const;
export const voicePageSchema = z.enum(VOICE_PAGES);
export type VoicePage = z.infer<typeof voicePageSchema>;

const topicSchema = z.string().trim().min(1, 'Say what the post is about').max(300, 'At most 300 characters');

/**
 * What a command means, whoever understood it (the grammar, a taught phrase or the AI engine).
 * Actions that act on "it" use the command context's post: the one open in Compose, else the one
 * the last command created or touched.
 */
export const voiceIntentSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('draft.create'), topic: topicSchema, platform: platformSchema.nullable() }).strict(),
  z.object({ action: z.literal('draft.shorten') }).strict(),
  z.object({ action: z.literal('draft.read-back') }).strict(),
  z
    .object({
      action: z.literal('post.schedule'),
      /** The moment, resolved in the creator's time zone when the command was understood. */
      at: z.iso.datetime({ offset: true, message: 'Not a date and time' }),
      /** The words it came from ("tomorrow at 9"), shown back to the creator. */
      spoken: z.string().max(200),
    })
    .strict(),
  z.object({ action: z.literal('post.publish-now') }).strict(),
  z.object({ action: z.literal('post.delete') }).strict(),
  z.object({ action: z.literal('analytics.last-post') }).strict(),
  z.object({ action: z.literal('coach.goal-status') }).strict(),
  z.object({ action: z.literal('app.navigate'), page: voicePageSchema }).strict(),
  z.object({ action: z.literal('voice.help') }).strict(),
  /** "yes" / "no" to a command waiting for confirmation. */
  z.object({ action: z.literal('voice.answer'), answer: z.enum(['yes', 'no']) }).strict(),
]);
export type VoiceIntent = z.infer<typeof voiceIntentSchema>;
export type VoiceAction = VoiceIntent['action'];

/** Publishing, deleting or spending money never happens on one utterance: a spoken "yes" or a click first. */
export const ACTION_RISKS = ['safe', 'publishes', 'deletes', 'spends'] as const;
export type ActionRisk = (typeof ACTION_RISKS)[number];

export const understoodBySchema = z.enum(['grammar', 'custom', 'ai']);
export type UnderstoodBy = z.infer<typeof understoodBySchema>;

export const voiceCommandStatusSchema = z.enum([
  'done',
  'awaiting-confirmation',
  'cancelled',
  'not-understood',
  'failed',
]);
export type VoiceCommandStatus = z.infer<typeof voiceCommandStatusSchema>;

/** One command in the history: what was heard, what it meant, what happened. */
export const voiceCommandSchema = z.object({
  id: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  source: z.enum(['voice', 'text']),
  language: voiceLanguageSchema,
  transcript: z.string(),
  /** Several for a custom macro; empty when nothing was understood. */
  intents: z.array(voiceIntentSchema),
  understoodBy: understoodBySchema.nullable(),
  status: voiceCommandStatusSchema,
  /** What Cadence says back (shown, and spoken when replies are on). */
  reply: z.string(),
  /** When not understood: the closest commands it knows, to say instead. */
  suggestions: z.array(z.string()),
  result: z.object({
    postId: z.string().nullable(),
    navigateTo: voicePageSchema.nullable(),
    jobIds: z.array(z.string()),
  }),
  /** Milliseconds per stage; null for stages that did not run. */
  timings: z.object({
    transcribeMs: z.number().nonnegative().nullable(),
    understandMs: z.number().nonnegative().nullable(),
    actMs: z.number().nonnegative().nullable(),
  }),
  /** Set when the creator corrected what it meant (this taught a custom phrase). */
  correctedTo: z.array(voiceIntentSchema).nullable(),
});
export type VoiceCommand = z.infer<typeof voiceCommandSchema>;

export const customCommandSchema = z.object({
  id: z.string(),
  /** Normalised to lower case without punctuation when saved. */
  phrase: z.string().trim().min(2, 'The phrase needs at least 2 characters').max(120, 'At most 120 characters'),
  language: voiceLanguageSchema,
  /** One action, or a macro run in order (a step that needs confirmation pauses the macro). */
  intents: z.array(voiceIntentSchema).min(1, 'Choose at least one action').max(10, 'At most 10 steps'),
  /** Taught by correcting a command, or made by hand on the Talk page. */
  origin: z.enum(['correction', 'manual']),
  createdAt: z.iso.datetime({ offset: true }),
});
export type CustomCommand = z.infer<typeof customCommandSchema>;

export const WHISPER_MODELS = ['tiny.en', 'tiny', 'base.en', 'base', 'small.en', 'small'] as const;
export const whisperModelSchema = z.enum(WHISPER_MODELS);
export type WhisperModelId = z.infer<typeof whisperModelSchema>;

export const RECOGNIZERS = ['whisper', 'pocketsphinx'] as const;
export const recognizerSchema = z.enum(RECOGNIZERS);
export type RecognizerId = z.infer<typeof recognizerSchema>;

export const replyToneSchema = z.enum(['neutral', 'upbeat', 'calm']);
export type ReplyTone = z.infer<typeof replyToneSchema>;

export const voiceSettingsSchema = z
  .object({
    /** Whisper is the default; pocketsphinx (Debian/Ubuntu package) is an English-only alternative. */
    recognizer: recognizerSchema,
    whisperModel: whisperModelSchema,
    useGpu: z.boolean(),
    /** 'auto' lets the recognizer detect it (multilingual Whisper models only). */
    language: z.union([z.literal('auto'), voiceLanguageSchema]),
    /** Hold the key while speaking, or press once to start and let silence end it. */
    mode: z.enum(['hold', 'toggle']),
    /** Key combination, Electron accelerator style: "Control+Alt+Space". */
    hotkey: z
      .string()
      .trim()
      .min(1, 'Choose a key')
      .max(60)
      .regex(/^([A-Za-z0-9]+\+)*[A-Za-z0-9]+$/, 'Write keys joined by "+", e.g. Control+Alt+Space'),
    maxSeconds: z.number().int().min(5, 'At least 5 seconds').max(120, 'At most 120 seconds'),
    /** The microphone chosen in the renderer (MediaDeviceInfo.deviceId); null is the system default. */
    inputDeviceId: z.string().max(500).nullable(),
    replies: z
      .object({
        enabled: z.boolean(),
        /** An espeak-ng voice id, e.g. "en-us" or "es". */
        voice: z.string().trim().min(1).max(60),
        /** Words per minute. */
        rate: z.number().int().min(80, 'At least 80 words per minute').max(400, 'At most 400 words per minute'),
        /** 0–99, espeak-ng's pitch scale; 50 is the voice's own. */
        pitch: z.number().int().min(0).max(99),
        tone: replyToneSchema,
      })
      .strict(),
  })
  .strict();
export type VoiceSettings = z.infer<typeof voiceSettingsSchema>;

export const DEFAULT_VOICE_SETTINGS: VoiceSettings = {
  recognizer: 'whisper',
  whisperModel: 'base.en',
  useGpu: true,
  language: 'en',
  mode: 'hold',
  hotkey: 'Control+Alt+Space',
  maxSeconds: 30,
  inputDeviceId: null,
  replies: { enabled: true, voice: 'en-us', rate: 175, pitch: 50, tone: 'neutral' },
};

/** Where an utterance is in its life; pushed as `voice:state` events. */
export const utterancePhaseSchema = z.enum([
  'listening',
  'transcribing',
  'understanding',
  'acting',
  'awaiting-confirmation',
  'done',
  'error',
]);
export type UtterancePhase = z.infer<typeof utterancePhaseSchema>;
