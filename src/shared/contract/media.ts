import { z } from 'zod';
import {
  MEDIA_MAX_BYTES,
  mediaCheckSchema,
  mediaIdSchema,
  mediaRecordSchema,
  postMediaItemSchema,
} from '../domain/media';
import { postIdSchema } from '../domain/post';
import { defineChannel } from './channel';

/** Longest base64 text of a MEDIA_MAX_BYTES file (4 characters for every 3 bytes). */
const MAX_BASE64_CHARS = Math.ceil(MEDIA_MAX_BYTES / 3) * 4;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/u;

const base64File = (what: string, maxChars: number, limit: string) =>
  z
    .string()
    .min(1, `The ${what} is empty`)
    .max(maxChars, `The ${what} is larger than ${limit}; choose a smaller file`)
    .regex(BASE64, `The ${what} is not base64 text`);

const altTextSchema = z.string().max(5000, 'Alt text has at most 5,000 characters');
const attachmentRef = { postId: postIdSchema, mediaId: mediaIdSchema };
const postMediaListSchema = z.array(postMediaItemSchema);

/** Media for posts (issue #4): images and videos stored by content hash, thumbnails, platform rules. */
export const mediaChannels = {
  'media:add-file': defineChannel({
    input: z
      .object({
        fileName: z.string().trim().min(1, 'The file needs a name').max(255, 'The file name is too long'),
        /** What the browser said; the real type is sniffed from the bytes. */
        mime: z.string().max(200),
        base64: base64File('file', MAX_BASE64_CHARS, '100 MB'),
        /** Videos: a frame grabbed by the renderer (main cannot decode video). */
        thumbnailBase64: base64File('thumbnail', Math.ceil((8 * 1024 * 1024) / 3) * 4, '8 MB').optional(),
        durationMs: z
          .number()
          .int('The duration is whole milliseconds')
          .positive('A video lasts more than 0 ms')
          .max(24 * 3_600_000, 'A video longer than 24 hours is not supported')
          .optional(),
        width: z.number().int().min(1).max(16_384, 'Wider than 16,384 pixels is not supported').optional(),
        height: z.number().int().min(1).max(16_384, 'Taller than 16,384 pixels is not supported').optional(),
      })
      .strict(),
    output: mediaRecordSchema,
    summary: 'Stores an image or video by content hash (same file twice = one copy) with its thumbnail.',
  }),
  'media:attach': defineChannel({
    input: z.object({ ...attachmentRef, altText: altTextSchema.optional() }).strict(),
    output: postMediaListSchema,
    summary: "Attaches stored media to a post after its other media; returns the post's media in order.",
  }),
  'media:detach': defineChannel({
    input: z.object(attachmentRef).strict(),
    output: postMediaListSchema,
    summary: 'Removes media from a post (the file stays until media:purge-unused).',
  }),
  'media:reorder': defineChannel({
    input: z
      .object({ postId: postIdSchema, mediaIds: z.array(mediaIdSchema).min(1, 'Give the new order').max(100) })
      .strict(),
    output: postMediaListSchema,
    summary: "Sets the order of a post's media; the ids must be exactly the attached ones.",
  }),
  'media:set-alt-text': defineChannel({
    input: z.object({ ...attachmentRef, altText: altTextSchema }).strict(),
    output: postMediaListSchema,
    summary: 'Sets the alt text of one attachment.',
  }),
  'media:list-post-media': defineChannel({
    input: z.object({ postId: postIdSchema }).strict(),
    output: postMediaListSchema,
    summary: "A post's media in order, with alt texts.",
  }),
  'media:get-thumbnail': defineChannel({
    input: z.object({ mediaId: mediaIdSchema }).strict(),
    output: z.object({ mime: z.string(), base64: z.string() }),
    summary: 'The 320 px JPEG thumbnail of stored media.',
  }),
  'media:check-post': defineChannel({
    input: z.object({ postId: postIdSchema }).strict(),
    output: mediaCheckSchema,
    summary: "Checks a post's media against each of its platforms' rules (counts, formats, sizes, durations).",
  }),
  'media:purge-unused': defineChannel({
    input: z.object({}).strict(),
    output: z.object({ removed: z.number().int().nonnegative(), bytesFreed: z.number().int().nonnegative() }),
    summary: 'Deletes stored files no post (not even one in the trash) uses any more.',
  }),
};
