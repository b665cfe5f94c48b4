import limitsJson from '../../../resources/platform-limits.json';
import type { Platform } from '../domain/platform';
import { platformLimitsFileSchema } from './schema';
import type { FieldLimit, PlatformLimit } from './schema';

/**
 * The platform limits, validated once when this module loads: a malformed data file fails loudly
 * at startup (and in every test) rather than producing wrong counts later.
 */
export const PLATFORM_LIMITS: Readonly<Record<Platform, PlatformLimit>> =
  platformLimitsFileSchema.parse(limitsJson).platforms;

export function getPlatformLimit(platform: Platform): PlatformLimit {
  return PLATFORM_LIMITS[platform];
}

/** The named field of a platform, or its primary field when `field` is omitted. */
export function getFieldLimit(platform: Platform, field?: string): FieldLimit & { field: string } {
  const entry = PLATFORM_LIMITS[platform];
  const name = field ?? entry.primaryField;
  const limit = Object.hasOwn(entry.fields, name) ? entry.fields[name] : undefined;
  if (limit === undefined) {
    const known = Object.keys(entry.fields).join(', ');
    throw new RangeError(`${entry.displayName} has no text field "${name}" (fields: ${known})`);
  }
  return { ...limit, field: name };
}
