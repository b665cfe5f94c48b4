import { z } from 'zod';
import { platformSchema } from '../domain/platform';
import {
  isoDateTimeSchema,
  postIdSchema,
  postRevisionSchema,
  postSchema,
  postStatusSchema,
  tagSchema,
} from '../domain/post';
import { defineChannel } from './channel';

const postContentSchema = z.object({
  title: z.string().max(300, 'A title has at most 300 characters'),
  body: z.string().max(100_000, 'A post body has at most 100,000 characters'),
  status: postStatusSchema,
  tags: z.array(tagSchema).max(50, 'At most 50 tags'),
  platforms: z.array(platformSchema),
  scheduledAt: isoDateTimeSchema.nullable(),
});

export const createPostInputSchema = postContentSchema.partial().strict();
export const updatePostInputSchema = postContentSchema
  .partial()
  .extend({ id: postIdSchema, version: z.number().int().positive() })
  .strict();

export const postFilterSchema = z
  .object({
    /** Words to find in title, body or tags (full-text; the last word matches as a prefix). */
    query: z.string().max(500).optional(),
    statuses: z.array(postStatusSchema).optional(),
    platforms: z.array(platformSchema).optional(),
    tag: tagSchema.optional(),
    /** Inclusive range on the date that matters for the post: scheduled time, else last update. */
    from: isoDateTimeSchema.optional(),
    to: isoDateTimeSchema.optional(),
    includeDeleted: z.boolean().optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type PostFilter = z.input<typeof postFilterSchema>;

export const postListSchema = z.object({
  /** With a query, `snippet` is the matched passage with matches between \u0002 and \u0003. */
  items: z.array(postSchema.extend({ snippet: z.string().nullable() })),
  total: z.number().int().nonnegative(),
  /** True when there are more than `total` matches (a common word in a big library: "1,000+"). */
  totalCapped: z.boolean(),
  /**
   * relevance: best matches first (searches with up to 2,000 matches); newest: newest matches
   * first (more matches than that); updated: no query, most recently edited first.
   */
  order: z.enum(['relevance', 'newest', 'updated']),
});
export type PostList = z.infer<typeof postListSchema>;

/** Marks the search puts around matched words in snippets; the UI highlights between them. */
export const SNIPPET_OPEN = '\u0002';
export const SNIPPET_CLOSE = '\u0003';

const idsSchema = z.array(postIdSchema).min(1, 'Select at least one post').max(1000);

export const postsChannels = {
  'posts:create-post': defineChannel({
    input: createPostInputSchema,
    output: postSchema,
    summary: 'Creates a post (a draft unless a status is given) and its first revision.',
  }),
  'posts:update-post': defineChannel({
    input: updatePostInputSchema,
    output: postSchema,
    summary: 'Saves changes; fails with CONFLICT if the post changed since the given version.',
  }),
  'posts:get-post': defineChannel({
    input: z.object({ id: postIdSchema }).strict(),
    output: postSchema,
    summary: 'One post by id.',
  }),
  'posts:list-posts': defineChannel({
    input: postFilterSchema,
    output: postListSchema,
    summary: 'Posts matching the filter, newest first, or by relevance when there is a query.',
  }),
  'posts:schedule-post': defineChannel({
    input: z.object({ id: postIdSchema, scheduledAt: isoDateTimeSchema.nullable() }).strict(),
    output: postSchema,
    summary: 'Sets or clears the scheduled time; scheduling makes the post "scheduled".',
  }),
  'posts:set-statuses': defineChannel({
    input: z
      .object({
        items: z
          .array(z.object({ id: postIdSchema, status: postStatusSchema }))
          .min(1)
          .max(1000),
      })
      .strict(),
    output: z.object({ previous: z.array(z.object({ id: postIdSchema, status: postStatusSchema })) }),
    summary: 'Sets statuses in bulk (archive); returns the previous statuses so the UI can undo.',
  }),
  'posts:delete-posts': defineChannel({
    input: z.object({ ids: idsSchema }).strict(),
    output: z.object({ deleted: z.array(postIdSchema) }),
    summary: 'Moves posts to the trash; restore-posts undoes it.',
  }),
  'posts:restore-posts': defineChannel({
    input: z.object({ ids: idsSchema }).strict(),
    output: z.object({ restored: z.array(postIdSchema) }),
    summary: 'Brings posts back from the trash.',
  }),
  'posts:list-revisions': defineChannel({
    input: z.object({ postId: postIdSchema }).strict(),
    output: z.array(postRevisionSchema),
    summary: 'Every saved revision of a post, newest first.',
  }),
  'posts:restore-revision': defineChannel({
    input: z.object({ postId: postIdSchema, revisionId: z.number().int().positive() }).strict(),
    output: postSchema,
    summary: 'Restores a revision exactly, saved as a new revision.',
  }),
};
