import { z } from 'zod';
import { platformSchema } from './platform';
import { isoDateTimeSchema, postIdSchema } from './post';

/** What an idea starts from. */
export const IDEA_SOURCE_KINDS = ['topic', 'link', 'text', 'transcript', 'post'] as const;
export const ideaSourceKindSchema = z.enum(IDEA_SOURCE_KINDS);
export type IdeaSourceKind = z.infer<typeof ideaSourceKindSchema>;

/** Up to three variants per idea and platform, each with its own angle (see src/main/studio/prompt.ts). */
export const VARIANT_LABELS = ['A', 'B', 'C'] as const;
export const variantLabelSchema = z.enum(VARIANT_LABELS, { message: 'A variant is A, B or C' });
export type VariantLabel = z.infer<typeof variantLabelSchema>;

/** Where one draft's generation is: waiting its turn, writing, finished, failed or stopped. */
export const DRAFT_STATUSES = ['queued', 'streaming', 'done', 'failed', 'cancelled'] as const;
export const draftStatusSchema = z.enum(DRAFT_STATUSES);
export type DraftStatus = z.infer<typeof draftStatusSchema>;

/** True for a link the app may fetch: an absolute http(s) URL. Pure, so the renderer can check as you type. */
export function isWebLink(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

const sourceText = (what: string) =>
  z
    .string({ message: `Give the ${what}` })
    .trim()
    .min(1, `Give the ${what}`)
    .max(50_000, `The ${what} is too long (at most 50,000 characters)`);

/** The source material: a topic, a link (http/https only), pasted text, a voice transcript, or a post id. */
export const ideaSourceSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('topic'),
        value: sourceText('topic').max(2_000, 'A topic has at most 2,000 characters'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('link'),
        value: z
          .string({ message: 'Give the link' })
          .trim()
          .max(2_048, 'A link has at most 2,048 characters')
          .refine(isWebLink, 'A link must start with http:// or https://'),
      })
      .strict(),
    z.object({ kind: z.literal('text'), value: sourceText('text') }).strict(),
    z.object({ kind: z.literal('transcript'), value: sourceText('transcript') }).strict(),
    z.object({ kind: z.literal('post'), value: postIdSchema }).strict(),
  ],
  { message: 'The source kind is topic, link, text, transcript or post' },
);
export type IdeaSource = z.infer<typeof ideaSourceSchema>;

/** One draft of an idea: a post for one platform and variant, with its generation state. */
export const ideaDraftSchema = z.object({
  postId: postIdSchema,
  platform: platformSchema,
  variant: variantLabelSchema,
  /** The llm:token stream id; null when the draft was generated before the app last started. */
  requestId: z.string().nullable(),
  status: draftStatusSchema,
  /** The post's body now (what was saved, or what the creator wrote). */
  body: z.string(),
  /** Shaping notes (a thread split, hashtags trimmed, a link that could not be read). */
  warnings: z.array(z.string()),
  error: z.string().nullable(),
  /** The shaped draft when the creator had started editing, so it was not saved: the UI may offer it. */
  suggestion: z.string().nullable(),
});
export type IdeaDraft = z.infer<typeof ideaDraftSchema>;

export const ideaSchema = z.object({
  id: z.string(),
  /** A one-line name for the idea (the topic, the link, or the first line of the text). */
  topic: z.string(),
  source: z.object({ kind: ideaSourceKindSchema, value: z.string() }),
  platforms: z.array(platformSchema),
  templateId: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  drafts: z.array(ideaDraftSchema),
});
export type Idea = z.infer<typeof ideaSchema>;

export const ideaSummarySchema = z.object({
  id: z.string(),
  topic: z.string(),
  sourceKind: ideaSourceKindSchema,
  platforms: z.array(platformSchema),
  createdAt: isoDateTimeSchema,
  draftCount: z.number().int().nonnegative(),
  /** True while some of its drafts are queued or streaming. */
  active: z.boolean(),
});
export type IdeaSummary = z.infer<typeof ideaSummarySchema>;

/** Pushed on every change of a draft's generation state. */
export const draftProgressSchema = z.object({
  ideaId: z.string(),
  postId: postIdSchema,
  requestId: z.string(),
  status: draftStatusSchema,
  /** On done/cancelled: the shaped text (saved, or offered when the creator had started editing). */
  text: z.string().optional(),
  warnings: z.array(z.string()).optional(),
  error: z.string().optional(),
  /** On done/cancelled: whether the text went into the post (false when the creator's edits won). */
  saved: z.boolean().optional(),
});
export type DraftProgress = z.infer<typeof draftProgressSchema>;
