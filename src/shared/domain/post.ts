import { z } from 'zod';
import { platformSchema } from './platform';

export const POST_STATUSES = ['idea', 'draft', 'ready', 'scheduled', 'published', 'archived'] as const;
export const postStatusSchema = z.enum(POST_STATUSES);
export type PostStatus = z.infer<typeof postStatusSchema>;

/** An ISO-8601 instant with offset, e.g. 2026-11-25T09:00:00.000Z. Stored in UTC. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const tagSchema = z
  .string()
  .trim()
  .min(1, 'A tag cannot be empty')
  .max(64, 'A tag has at most 64 characters')
  .regex(/^[^\s,]+$/u, 'A tag cannot contain spaces or commas');

export const postIdSchema = z.uuid({ message: 'Not a post id' });

export const postSchema = z.object({
  id: postIdSchema,
  title: z.string(),
  body: z.string(),
  status: postStatusSchema,
  tags: z.array(z.string()),
  platforms: z.array(platformSchema),
  scheduledAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  /** Increments on every save; an update names the version it started from. */
  version: z.number().int().positive(),
  deletedAt: isoDateTimeSchema.nullable(),
});
export type Post = z.infer<typeof postSchema>;

export const postRevisionSchema = z.object({
  id: z.number().int().positive(),
  postId: postIdSchema,
  version: z.number().int().positive(),
  title: z.string(),
  body: z.string(),
  status: postStatusSchema,
  tags: z.array(z.string()),
  platforms: z.array(platformSchema),
  scheduledAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
});
export type PostRevision = z.infer<typeof postRevisionSchema>;
