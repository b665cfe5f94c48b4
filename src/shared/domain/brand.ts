import { z } from 'zod';
import { platformSchema } from './platform';

/** Learning a voice needs at least this many of the creator's posts. */
export const VOICE_MINIMUM_POSTS = 5;

export const voiceFieldsSchema = z.object({
  /** Tone words, e.g. "enthusiastic", "personal", "casual". */
  tone: z
    .array(z.string().trim().min(1, 'A tone word cannot be empty').max(40, 'A tone word is at most 40 characters'))
    .max(12, 'At most 12 tone words'),
  /** Median characters per post on each platform the creator posts to. */
  typicalLength: z
    .array(
      z
        .object({
          platform: platformSchema,
          medianChars: z.number().int().min(0).max(100_000),
          posts: z.number().int().min(0),
        })
        .strict(),
    )
    .max(9),
  emoji: z
    .object({
      perPost: z.number().min(0).max(100),
      favourites: z.array(z.string().min(1).max(40)).max(20),
    })
    .strict(),
  hashtags: z
    .object({
      perPost: z.number().min(0).max(100),
      /** With their `#`. */
      favourites: z.array(z.string().min(2).max(100)).max(30),
    })
    .strict(),
  /** 2–4-word phrases the creator keeps using. */
  signaturePhrases: z.array(z.string().trim().min(1, 'A phrase cannot be empty').max(100)).max(30),
  /** The creator's own words about their voice (never learned, never overwritten). */
  notes: z.string().max(5000, 'Notes are at most 5000 characters'),
});
export type VoiceFields = z.infer<typeof voiceFieldsSchema>;
export const VOICE_FIELDS = ['tone', 'typicalLength', 'emoji', 'hashtags', 'signaturePhrases', 'notes'] as const;
export type VoiceField = (typeof VOICE_FIELDS)[number];

/** The lexical cues the tone words came from (per post or per word), for showing why. */
export const voiceCuesSchema = z.object({
  /** Share of posts with an exclamation mark. */
  exclamationRate: z.number(),
  /** Share of posts with a question. */
  questionRate: z.number(),
  /** First-person pronouns (I, me, my, we, our…) per word. */
  firstPersonRate: z.number(),
  /** Contractions (it's, don't…) per word: a sign of informality. */
  contractionRate: z.number(),
  averageSentenceWords: z.number(),
  averageWordLength: z.number(),
});
export type VoiceCues = z.infer<typeof voiceCuesSchema>;

export const voiceStateSchema = z.object({
  /** Null until the voice is learned or edited. */
  voice: voiceFieldsSchema.nullable(),
  cues: voiceCuesSchema.nullable(),
  learnedAt: z.string().nullable(),
  editedAt: z.string().nullable(),
  /** How many posts the last learning read. */
  learnedFrom: z.number().int().min(0),
  /** 'published': published or imported posts only; 'all': any non-empty posts (too few published). */
  learnedSource: z.enum(['published', 'all']).nullable(),
  /** Fields the creator changed; learning keeps them unless told to overwrite. */
  editedFields: z.array(z.enum(VOICE_FIELDS)),
  /** How many posts learning would read now, and how many it needs. */
  availablePosts: z.number().int().min(0),
  minimumPosts: z.number().int(),
});
export type VoiceState = z.infer<typeof voiceStateSchema>;

export const voiceExampleSchema = z.object({ postId: z.string(), text: z.string() });
export type VoiceExample = z.infer<typeof voiceExampleSchema>;

/** What drafting adds to a prompt: the voice in plain sentences and a few of the creator's posts. */
export const voiceGuideSchema = z.object({
  instructions: z.string(),
  examples: z.array(voiceExampleSchema),
  /** How the examples were chosen: embeddings, full-text (bm25), or newest when nothing matched. */
  method: z.enum(['semantic', 'lexical', 'recent', 'none']),
});
export type VoiceGuide = z.infer<typeof voiceGuideSchema>;
