import { z } from 'zod';
import rulesJson from '../../../resources/media-rules.json';
import { PLATFORMS, type Platform } from '../../shared/domain/platform';

const status = z.enum(['official', 'third-party', 'unverified']);
const rule = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    value,
    status,
    source: z.url(),
    severity: z.enum(['error', 'warning']).optional(),
    note: z.string().optional(),
    /** Added to the finding's message, e.g. what happens when a 'warning' rule is broken. */
    hint: z.string().optional(),
  });

const count = rule(z.int().nonnegative());
const bytes = rule(z.int().positive());
const ms = rule(z.int().positive());
const mimes = rule(z.array(z.string().regex(/^(image|video)\/[a-z0-9.+-]+$/u)).min(1));

const PlatformRules = z.strictObject({
  label: z.string().min(1),
  rules: z.strictObject({
    requiresMedia: rule(z.boolean()).optional(),
    maxImages: count.optional(),
    maxVideos: count.optional(),
    /** Images and videos together (carousels). */
    maxItems: count.optional(),
    mixImagesAndVideo: rule(z.boolean()).optional(),
    imageFormats: mimes.optional(),
    maxImageBytes: bytes.optional(),
    maxGifBytes: bytes.optional(),
    videoFormats: mimes.optional(),
    maxVideoBytes: bytes.optional(),
    minVideoDurationMs: ms.optional(),
    maxVideoDurationMs: ms.optional(),
  }),
});

const RulesFile = z.strictObject({
  $comment: z.string().optional(),
  version: z.literal(1),
  platforms: z.strictObject(
    Object.fromEntries(PLATFORMS.map((p) => [p, PlatformRules])) as Record<Platform, typeof PlatformRules>,
  ),
});

export type PlatformMediaRules = z.infer<typeof PlatformRules>;
export type MediaRuleName = keyof PlatformMediaRules['rules'];
export type MediaRulesTable = Record<Platform, PlatformMediaRules>;

/** Parses the rules file; a broken file fails at startup with the path of the bad entry. */
export function parseMediaRules(json: unknown): MediaRulesTable {
  const parsed = RulesFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`resources/media-rules.json: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data.platforms;
}

/** The bundled rules (resources/media-rules.json), checked once. */
export const MEDIA_RULES: MediaRulesTable = parseMediaRules(rulesJson);
