import { z } from 'zod';
import { platformSchema } from '../domain/platform';

/**
 * How a platform measures text. See the `$comment` in resources/platform-limits.json for what each
 * one counts; the counting itself lives in count.ts and the helpers it calls.
 */
export const COUNTING_METHODS = [
  'twitter-weighted',
  'graphemes',
  'utf16',
  'utf8-bytes',
  'threads',
  'mastodon',
] as const;
export const countingMethodSchema = z.enum(COUNTING_METHODS);
export type CountingMethod = z.infer<typeof countingMethodSchema>;

const positiveInt = z.number().int().positive();

/** One text field of a platform (a post, a caption, a video title...). */
export const fieldLimitSchema = z.strictObject({
  label: z.string().min(1),
  limit: positiveInt,
  countingMethod: countingMethodSchema,
  /** Most hashtags allowed (Instagram). */
  hashtagLimit: positiveInt.optional(),
  /** Most @mentions allowed (Instagram). */
  mentionLimit: positiveInt.optional(),
  /** Most distinct links allowed (Threads). */
  linkLimit: positiveInt.optional(),
  /** A second cap in UTF-8 bytes on top of `limit` (Bluesky). */
  byteLimit: positiveInt.optional(),
  /** A length range that tends to do well: a hint for the Compose screen, never enforced. */
  sweetSpot: z
    .strictObject({ min: z.number().int().nonnegative(), max: positiveInt })
    .refine((range) => range.min <= range.max, 'sweetSpot.min must not exceed sweetSpot.max')
    .optional(),
});
export type FieldLimit = z.infer<typeof fieldLimitSchema>;

export const platformLimitSchema = z
  .strictObject({
    displayName: z.string().min(1),
    /** The field the Compose body maps to. */
    primaryField: z.string().min(1),
    fields: z.record(z.string().min(1), fieldLimitSchema),
    /** Where the numbers come from and why the counting method was chosen. */
    source: z.string().min(1),
  })
  .refine((platform) => Object.hasOwn(platform.fields, platform.primaryField), {
    message: 'primaryField must name one of the fields',
    path: ['primaryField'],
  });
export type PlatformLimit = z.infer<typeof platformLimitSchema>;

/** The whole data file; `z.record` over the platform enum requires every platform to be present. */
export const platformLimitsFileSchema = z.strictObject({
  $comment: z.string().optional(),
  version: z.literal(1),
  platforms: z.record(platformSchema, platformLimitSchema),
});
export type PlatformLimitsFile = z.infer<typeof platformLimitsFileSchema>;
