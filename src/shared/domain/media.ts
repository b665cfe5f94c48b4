import { z } from 'zod';
import { platformSchema } from './platform';
import { isoDateTimeSchema, postIdSchema } from './post';

/** The largest file accepted, decoded (the renderer sends it as base64). */
export const MEDIA_MAX_BYTES = 100 * 1024 * 1024;

/** Types Cadence stores; the real type is read from the file's bytes, never from its name or mime. */
export const IMAGE_MIMES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
export const VIDEO_MIMES = ['video/mp4', 'video/quicktime', 'video/webm'] as const;

export const mediaKindSchema = z.enum(['image', 'video']);
export type MediaKind = z.infer<typeof mediaKindSchema>;

/** A media id is the file's SHA-256 in hex: the same file added twice is one record. */
export const mediaIdSchema = z.string().regex(/^[0-9a-f]{64}$/u, 'Not a media id');

/** A stored image or video. No file paths: the renderer asks for thumbnails by id. */
export const mediaRecordSchema = z.object({
  id: mediaIdSchema,
  kind: mediaKindSchema,
  mime: z.string(),
  bytes: z.number().int().nonnegative(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  originalName: z.string(),
  hasThumbnail: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export type MediaRecord = z.infer<typeof mediaRecordSchema>;

/** One attachment of a post, in order. */
export const postMediaItemSchema = z.object({
  postId: postIdSchema,
  position: z.number().int().nonnegative(),
  altText: z.string(),
  media: mediaRecordSchema,
});
export type PostMediaItem = z.infer<typeof postMediaItemSchema>;

export const mediaFindingSeveritySchema = z.enum(['error', 'warning']);

/** A broken platform rule, with the rule's name and where its value came from. */
export const mediaFindingSchema = z.object({
  platform: platformSchema,
  severity: mediaFindingSeveritySchema,
  message: z.string(),
  rule: z.string(),
  /** Where the rule's value comes from (resources/media-rules.json). */
  source: z.string(),
  /** 'official', 'third-party' or 'unverified': how sure the rule's value is. */
  status: z.enum(['official', 'third-party', 'unverified']),
  mediaId: mediaIdSchema.nullable(),
});
export type MediaFinding = z.infer<typeof mediaFindingSchema>;

export const mediaCheckSchema = z.object({
  postId: postIdSchema,
  platforms: z.array(platformSchema),
  findings: z.array(mediaFindingSchema),
});
export type MediaCheck = z.infer<typeof mediaCheckSchema>;
