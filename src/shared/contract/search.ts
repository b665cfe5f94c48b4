import { z } from 'zod';
import { postListSchema, postFilterSchema } from './posts';
import { defineChannel } from './channel';

/** How a library search ran: semantic + full-text fused, or full-text only (with the reason). */
export const searchModeSchema = z.enum(['hybrid', 'full-text']);

export const librarySearchSchema = z.object({
  items: z.array(
    postListSchema.shape.items.element.extend({
      /** Which searches found this post: its words, its meaning, or both. */
      matchedBy: z.array(z.enum(['full-text', 'semantic'])),
    }),
  ),
  total: z.number().int().nonnegative(),
  mode: searchModeSchema,
  /** Why semantic search was not used (e.g. "No embeddings model is running"); null when it was or not asked. */
  reason: z.string().nullable(),
});
export type LibrarySearch = z.infer<typeof librarySearchSchema>;

export const searchStatusSchema = z.object({
  /** The embeddings model that answered last, else the first in the task's chain; null when none is set. */
  model: z.string().nullable(),
  provider: z.string().nullable(),
  /** Whether the last embedding call succeeded. */
  available: z.boolean(),
  /** Posts with a vector from this model, of `total` posts not in the trash. */
  indexed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  indexing: z.boolean(),
  /** Why indexing is not running, when it is not (the last error). */
  reason: z.string().nullable(),
});
export type SearchStatus = z.infer<typeof searchStatusSchema>;

/**
 * The search channels (issue #4): the library searched by words and, when an embeddings model
 * runs, by meaning too; falls back to full-text with the reason when none does.
 */
export const searchChannels = {
  'search:search-library': defineChannel({
    input: postFilterSchema
      .extend({
        query: z.string().trim().min(1, 'Type something to search for').max(500, 'A search has at most 500 characters'),
        /** 'auto' adds semantic search when an embeddings model runs; 'full-text' never does. */
        mode: z.enum(['auto', 'full-text']).default('auto'),
      })
      .strict(),
    output: librarySearchSchema,
    summary: 'Searches posts by words (full-text) and meaning (embeddings), fused by reciprocal rank.',
  }),
  'search:get-status': defineChannel({
    input: z.object({}).strict(),
    output: searchStatusSchema,
    summary: 'The embeddings model in use and how many posts are indexed for semantic search.',
  }),
};
