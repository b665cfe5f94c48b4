import { z } from 'zod';
import { abPairSchema } from '../domain/analytics';
import { PLATFORMS, platformSchema } from '../domain/platform';
import { postIdSchema } from '../domain/post';
import { ideaSchema, ideaSourceSchema, ideaSummarySchema, variantLabelSchema, VARIANT_LABELS } from '../domain/studio';
import { defineChannel } from './channel';

const ideaIdSchema = z.uuid({ message: 'Not an idea id' });

/** One draft the caller wants, with the request id it will follow on llm:token and studio:draft-progress. */
const draftRequestSchema = z
  .object({
    platform: platformSchema,
    variant: variantLabelSchema,
    requestId: z.uuid({ message: 'Not a request id' }),
  })
  .strict();

export const draftIdeaInputSchema = z
  .object({
    source: ideaSourceSchema,
    platforms: z
      .array(platformSchema)
      .min(1, 'Pick at least one platform')
      .max(PLATFORMS.length, `Pick at most ${PLATFORMS.length} platforms`)
      .refine((list) => new Set(list).size === list.length, 'Each platform once'),
    variants: z
      .number({ message: 'variants must be a number' })
      .int('variants must be a whole number')
      .min(1, 'At least one variant')
      .max(VARIANT_LABELS.length, `At most ${VARIANT_LABELS.length} variants`)
      .default(1),
    templateId: z.string().trim().min(1, 'Not a template id').max(200).optional(),
    templateValues: z.record(z.string().max(100), z.string().max(5_000)).optional(),
    drafts: z
      .array(draftRequestSchema)
      .min(1, 'List the drafts to make')
      .max(PLATFORMS.length * VARIANT_LABELS.length),
  })
  .strict()
  .superRefine((input, ctx) => {
    const labels = VARIANT_LABELS.slice(0, input.variants);
    const wanted = new Set(input.platforms.flatMap((p) => labels.map((v) => `${p}/${v}`)));
    const given = new Set(input.drafts.map((d) => `${d.platform}/${d.variant}`));
    const requestIds = new Set(input.drafts.map((d) => d.requestId));
    if (given.size !== input.drafts.length || requestIds.size !== input.drafts.length) {
      ctx.addIssue({ code: 'custom', path: ['drafts'], message: 'Each draft once, each with its own request id' });
    } else if (given.size !== wanted.size || [...wanted].some((key) => !given.has(key))) {
      ctx.addIssue({
        code: 'custom',
        path: ['drafts'],
        message: 'List one draft for every chosen platform and variant (A, then B, then C)',
      });
    }
  });
export type DraftIdeaInput = z.output<typeof draftIdeaInputSchema>;

export const draftIdeaOutputSchema = z.object({
  ideaId: z.string(),
  drafts: z.array(
    z.object({ postId: postIdSchema, platform: platformSchema, variant: variantLabelSchema, requestId: z.string() }),
  ),
});
export type DraftIdeaOutput = z.infer<typeof draftIdeaOutputSchema>;

/** The studio channels (issue #4): idea → drafts per platform and variant, and A/B pairs of variants. */
export const studioChannels = {
  'studio:draft-idea': defineChannel({
    input: draftIdeaInputSchema,
    output: draftIdeaOutputSchema,
    summary:
      'Creates the idea and one empty draft post per platform × variant, returns at once, then generates them in the ' +
      'background (two at a time): tokens as llm:token, state as studio:draft-progress. The shaped text is saved only ' +
      'into a post whose body is still empty. NOT_FOUND for an unknown source post or template.',
  }),
  'studio:cancel-drafts': defineChannel({
    input: z.object({ ideaId: ideaIdSchema }).strict(),
    output: z.object({ cancelled: z.number().int().nonnegative() }),
    summary: "Stops the idea's queued and streaming drafts; text already written is kept. Returns how many stopped.",
  }),
  'studio:get-idea': defineChannel({
    input: z.object({ ideaId: ideaIdSchema }).strict(),
    output: ideaSchema,
    summary: 'The idea with its drafts: post, platform, variant, generation status, body and any offered text.',
  }),
  'studio:list-ideas': defineChannel({
    input: z
      .object({ limit: z.number().int().min(1, 'limit is at least 1').max(100, 'limit is at most 100').default(20) })
      .strict(),
    output: z.array(ideaSummarySchema),
    summary: 'The most recent ideas first, with their platforms and whether drafts are still being written.',
  }),
  'studio:mark-ab-pair': defineChannel({
    input: z
      .object({ postA: postIdSchema, postB: postIdSchema, label: z.string().trim().max(200).optional() })
      .strict()
      .refine((pair) => pair.postA !== pair.postB, { message: 'Pick two different posts', path: ['postB'] }),
    output: abPairSchema,
    summary:
      'Marks two variants of the same idea on the same platform as an A/B pair (stored for the analytics comparison).',
  }),
};
