import { PLATFORM_LABELS, PLATFORMS, type Platform } from '../../shared/domain/platform';

export { PLATFORM_LABELS };

/** A short brand-ish colour per platform for badges and dots (Tailwind classes, light + dark). */
export const PLATFORM_DOT_CLASS: Record<Platform, string> = {
  x: 'bg-zinc-900 dark:bg-zinc-100',
  linkedin: 'bg-sky-700',
  instagram: 'bg-pink-500',
  facebook: 'bg-blue-600',
  youtube: 'bg-red-600',
  tiktok: 'bg-teal-500',
  threads: 'bg-zinc-600',
  bluesky: 'bg-sky-500',
  mastodon: 'bg-violet-600',
};

export const ALL_PLATFORMS: readonly Platform[] = PLATFORMS;

export function platformLabel(platform: Platform): string {
  return PLATFORM_LABELS[platform];
}
