import type { Platform } from '../../shared/domain/platform';

/** Names people and export tools use for each platform, compared without case, spaces or punctuation. */
const PLATFORM_NAMES: Record<string, Platform> = {
  x: 'x',
  twitter: 'x',
  xtwitter: 'x',
  twitterx: 'x',
  linkedin: 'linkedin',
  li: 'linkedin',
  instagram: 'instagram',
  ig: 'instagram',
  insta: 'instagram',
  facebook: 'facebook',
  fb: 'facebook',
  youtube: 'youtube',
  yt: 'youtube',
  tiktok: 'tiktok',
  threads: 'threads',
  bluesky: 'bluesky',
  bsky: 'bluesky',
  mastodon: 'mastodon',
};

/** The platform a name refers to ("Twitter" → x, "IG" → instagram), or null when unknown. */
export function platformFromName(name: string): Platform | null {
  const key = name.toLowerCase().replace(/[^a-z]/g, '');
  return PLATFORM_NAMES[key] ?? null;
}
