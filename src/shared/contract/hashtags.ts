import { z } from 'zod';
import { platformSchema } from '../domain/platform';
import { postIdSchema } from '../domain/post';
import { defineChannel } from './channel';

export const recommendHashtagsInputSchema = z
  .object({
    text: z.string({ message: 'text must be a string' }).max(100_000, 'At most 100,000 characters'),
    platform: platformSchema,
    /** The post being written, left out of its own history. */
    postId: postIdSchema.optional(),
  })
  .strict();
export type RecommendHashtagsInput = z.infer<typeof recommendHashtagsInputSchema>;

export const hashtagSuggestionSchema = z.object({
  /** Without "#", lower case. */
  tag: z.string(),
  /** Relative strength, higher is better (only comparable within one answer). */
  score: z.number(),
  /** Why it was suggested, in plain words, strongest first. */
  reasons: z.array(z.string()).min(1),
});
export type HashtagSuggestion = z.infer<typeof hashtagSuggestionSchema>;

export const hashtagRecommendationSchema = z.object({
  platform: platformSchema,
  suggestions: z.array(hashtagSuggestionSchema),
  /** Hashtags already in the text, the usual range on this platform, and how many more fit. */
  inText: z.array(z.string()),
  norm: z.object({ min: z.number().int(), max: z.number().int() }),
  room: z.number().int().nonnegative(),
  /** What the suggestions could and could not use (no history yet, no trend data…). */
  notes: z.array(z.string()),
});
export type HashtagRecommendation = z.infer<typeof hashtagRecommendationSchema>;

/** The hashtags channels (issue #4, content studio); the service is src/main/hashtags/. */
export const hashtagsChannels = {
  'hashtags:recommend': defineChannel({
    input: recommendHashtagsInputSchema,
    output: hashtagRecommendationSchema,
    summary:
      'Hashtags for a text on a platform, each with why: from the creator’s best posts, words of the text, the ' +
      'niche and trend data when present. Never a tag already in the text; within the platform’s limit and norm.',
  }),
};
