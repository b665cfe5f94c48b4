import { z } from 'zod';
import { platformSchema } from '../domain/platform';
import { postIdSchema } from '../domain/post';
import { qualityReportSchema } from '../quality/finding';
import { defineChannel } from './channel';
import { requestIdSchema } from './llm';

const MAX_TEXT = 100_000;
const textSchema = z
  .string({ message: 'text must be a string' })
  .min(1, 'Write something to check')
  .max(MAX_TEXT, `At most ${MAX_TEXT} characters`);

/** A saved post (its body), or a text being written; with both, the text is checked and the post is "itself". */
const subject = {
  postId: postIdSchema.optional(),
  text: textSchema.optional(),
};
const needsOne = <T extends { postId?: string | undefined; text?: string | undefined }>(input: T) =>
  input.postId !== undefined || input.text !== undefined;
const oneMessage = { message: 'Give a postId or a text', path: ['text'] };

export const scorePostInputSchema = z
  .object({ ...subject, platform: platformSchema.optional() })
  .strict()
  .refine(needsOne, oneMessage)
  .refine((i) => i.postId !== undefined || i.platform !== undefined, {
    message: 'Pick the platform to check the text for',
    path: ['platform'],
  });
export type ScorePostInput = z.infer<typeof scorePostInputSchema>;

export const critiqueInputSchema = z
  .object({ ...subject, platform: platformSchema, requestId: requestIdSchema.optional() })
  .strict()
  .refine(needsOne, oneMessage);
export type CritiqueInput = z.infer<typeof critiqueInputSchema>;

export const critiqueSchema = z.object({
  strengths: z.array(z.string()),
  issues: z.array(z.object({ message: z.string(), suggestion: z.string() })),
  provider: z.string().nullable(),
  model: z.string().nullable(),
});
export type Critique = z.infer<typeof critiqueSchema>;

export const fixFindingInputSchema = z
  .object({
    ...subject,
    platform: platformSchema,
    findingId: z.string({ message: 'findingId must be a string' }).min(1, 'Name the finding to fix').max(100),
    requestId: requestIdSchema.optional(),
  })
  .strict()
  .refine(needsOne, oneMessage);
export type FixFindingInput = z.infer<typeof fixFindingInputSchema>;

export const fixedTextSchema = z.object({
  /** The whole post text with the fix applied; the caller decides whether to save it. */
  text: z.string(),
  /** 'auto': deterministic code; 'ai': rewritten by the model (streamed as llm:token with the requestId). */
  kind: z.enum(['auto', 'ai']),
});
export type FixedText = z.infer<typeof fixedTextSchema>;

/** The quality channels (issue #4, content studio); the service is src/main/quality/. */
export const qualityChannels = {
  'quality:score-post': defineChannel({
    input: scorePostInputSchema,
    output: qualityReportSchema,
    summary:
      'The 0–100 quality score of a post (postId; platform defaults to its first) or a text (platform required): ' +
      'every deterministic check, including near-duplicates of the creator’s other posts, with findings and fixes.',
  }),
  'quality:critique-post': defineChannel({
    input: critiqueInputSchema,
    output: critiqueSchema,
    summary:
      'An optional AI critique as structured JSON (strengths, issues with suggestions). UNAVAILABLE when no model ' +
      'answers or its answer cannot be read; never made up.',
  }),
  'quality:fix-finding': defineChannel({
    input: fixFindingInputSchema,
    output: fixedTextSchema,
    summary:
      'The text with one finding fixed: deterministically (trim, move link, hashtags, spam, CTA) or rewritten by ' +
      'the AI (streamed with requestId). Nothing is saved: the caller applies the text. NOT_FOUND when the ' +
      'finding no longer applies.',
  }),
};
