import { PLATFORMS, type Platform } from '../../../shared/domain/platform';

/**
 * How platforms are said and misheard, in normalised form (see normalizePhrase). Whisper writes
 * "LinkedIn", pocketsphinx "linked in"; people say "twitter" and "insta"; Spanish says "equis".
 */
const ALIASES: Record<Platform, string[]> = {
  x: ['x', 'twitter', 'tweeter', 'ex', 'equis', 'x twitter'],
  linkedin: ['linkedin', 'linked in', 'linkdin', 'linkedln', 'link in', 'linkedin s'],
  instagram: ['instagram', 'insta', 'insta gram', 'ig', 'instagramm'],
  facebook: ['facebook', 'face book', 'fb'],
  youtube: ['youtube', 'you tube', 'yt'],
  tiktok: ['tiktok', 'tik tok', 'tick tock', 'tic toc', 'tick tok', 'tic tac'],
  threads: ['threads'],
  bluesky: ['bluesky', 'blue sky', 'blue skies', 'bsky'],
  mastodon: ['mastodon', 'mastadon', 'masto'],
};

const BY_ALIAS = new Map<string, Platform>(PLATFORMS.flatMap((p) => ALIASES[p].map((a) => [a, p] as const)));

/** A regex alternation of every alias, longest first so "linked in" wins over "link in". */
export const PLATFORM_PATTERN = [...BY_ALIAS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((a) => a.replace(/ /g, '\\s'))
  .join('|');

/** The platform a normalised alias names, or null. */
export function platformFromAlias(alias: string): Platform | null {
  return BY_ALIAS.get(alias.trim()) ?? null;
}

/** How each platform is said aloud (not the mishearings): what a recognizer's grammar listens for. */
const SPOKEN: Record<Platform, string[]> = {
  x: ['x', 'twitter'],
  linkedin: ['linkedin', 'linked in'],
  instagram: ['instagram', 'insta'],
  facebook: ['facebook'],
  youtube: ['youtube', 'you tube'],
  tiktok: ['tiktok', 'tick tock'],
  threads: ['threads'],
  bluesky: ['bluesky', 'blue sky'],
  mastodon: ['mastodon'],
};

/** The words a recognizer should listen for, per platform (for grammars). */
export function spokenPlatformNames(): Array<{ platform: Platform; phrases: string[] }> {
  return PLATFORMS.map((platform) => ({ platform, phrases: SPOKEN[platform] }));
}
