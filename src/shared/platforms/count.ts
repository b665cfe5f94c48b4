import { PLATFORMS } from '../domain/platform';
import type { Platform } from '../domain/platform';
import { graphemeLength } from './graphemes';
import { instagramHashtagCount, instagramMentionCount } from './instagram-tags';
import { getFieldLimit } from './limits';
import { mastodonLength } from './mastodon';
import type { CountingMethod, FieldLimit } from './schema';
import { utf16Length, utf8ByteLength } from './text-units';
import { threadsLength, threadsLinkCount } from './threads';
import { parseXPost } from './x';

export interface CountOptions {
  /** Which text field to measure (e.g. YouTube "title"); the platform's primary field by default. */
  field?: string;
  /** Replaces the data file's limit: a Mastodon server's own max_characters, an X Premium account. */
  limit?: number;
}

export interface CountResult {
  platform: Platform;
  field: string;
  countingMethod: CountingMethod;
  /** The length as the platform measures it (weighted for X, bytes for a YouTube description...). */
  count: number;
  limit: number;
  /** `limit - count`; negative once over. */
  remaining: number;
  /** True when the text, or any extra limit below (hashtags, mentions, links, bytes), is exceeded. */
  over: boolean;
  hashtags?: number;
  hashtagLimit?: number;
  mentions?: number;
  mentionLimit?: number;
  links?: number;
  linkLimit?: number;
  /** UTF-8 size, where the platform caps bytes as well as characters (Bluesky). */
  bytes?: number;
  byteLimit?: number;
}

function measure(method: CountingMethod, text: string, limit: number): number {
  switch (method) {
    case 'twitter-weighted':
      return parseXPost(text, limit).weightedLength;
    case 'graphemes':
      return graphemeLength(text);
    case 'utf16':
      return utf16Length(text);
    case 'utf8-bytes':
      return utf8ByteLength(text);
    case 'threads':
      return threadsLength(text);
    case 'mastodon':
      return mastodonLength(text);
  }
}

function withExtraLimits(result: CountResult, spec: FieldLimit, text: string): CountResult {
  const extras: Array<readonly [number, number]> = [];
  if (spec.hashtagLimit !== undefined) {
    result.hashtags = instagramHashtagCount(text);
    result.hashtagLimit = spec.hashtagLimit;
    extras.push([result.hashtags, spec.hashtagLimit]);
  }
  if (spec.mentionLimit !== undefined) {
    result.mentions = instagramMentionCount(text);
    result.mentionLimit = spec.mentionLimit;
    extras.push([result.mentions, spec.mentionLimit]);
  }
  if (spec.linkLimit !== undefined) {
    result.links = threadsLinkCount(text);
    result.linkLimit = spec.linkLimit;
    extras.push([result.links, spec.linkLimit]);
  }
  if (spec.byteLimit !== undefined) {
    result.bytes = utf8ByteLength(text);
    result.byteLimit = spec.byteLimit;
    extras.push([result.bytes, spec.byteLimit]);
  }
  result.over = result.over || extras.some(([value, max]) => value > max);
  return result;
}

/** Measures `text` the way `platform` does, against the limits in resources/platform-limits.json. */
export function countText(platform: Platform, text: string, options: CountOptions = {}): CountResult {
  const spec = getFieldLimit(platform, options.field);
  const limit = options.limit ?? spec.limit;
  if (!Number.isInteger(limit) || limit <= 0) throw new RangeError(`A limit must be a positive integer, not ${limit}`);
  const count = measure(spec.countingMethod, text, limit);
  const result: CountResult = {
    platform,
    field: spec.field,
    countingMethod: spec.countingMethod,
    count,
    limit,
    remaining: limit - count,
    over: count > limit,
  };
  return withExtraLimits(result, spec, text);
}

/** Per-platform limit overrides for {@link countAllPlatforms}. */
export type LimitOverrides = Partial<Record<Platform, number>>;

/** The Compose screen's view: the primary field of every platform, measured at once. */
export function countAllPlatforms(text: string, limitOverrides: LimitOverrides = {}): Record<Platform, CountResult> {
  const entries = PLATFORMS.map((platform) => {
    const limit = limitOverrides[platform];
    return [platform, countText(platform, text, limit === undefined ? {} : { limit })] as const;
  });
  return Object.fromEntries(entries) as Record<Platform, CountResult>;
}
