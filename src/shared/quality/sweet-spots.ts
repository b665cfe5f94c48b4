import { z } from 'zod';
import sweetSpotsJson from '../../../resources/quality-sweet-spots.json';
import { platformSchema, type Platform } from '../domain/platform';

const rangeSchema = z
  .strictObject({ min: z.number().int().nonnegative(), max: z.number().int().positive() })
  .refine((r) => r.min <= r.max, 'min must not exceed max');

const platformSweetSpotSchema = z.strictObject({
  length: rangeSchema,
  lengthSource: z.string().min(1),
  hashtags: z.strictObject({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() }),
  hashtagsSource: z.string().min(1),
});
export type PlatformSweetSpot = z.infer<typeof platformSweetSpotSchema>;

const sweetSpotsFileSchema = z.strictObject({
  $comment: z.string().optional(),
  version: z.literal(1),
  platforms: z.record(platformSchema, platformSweetSpotSchema),
});

/** Length and hashtag norms per platform (resources/quality-sweet-spots.json), validated at load. */
export const SWEET_SPOTS: Readonly<Record<Platform, PlatformSweetSpot>> =
  sweetSpotsFileSchema.parse(sweetSpotsJson).platforms;

export function sweetSpotOf(platform: Platform): PlatformSweetSpot {
  return SWEET_SPOTS[platform];
}
