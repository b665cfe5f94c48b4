import type { Platform } from '../../domain/platform';
import { joinThread, splitThread } from '../thread';
import { appendHashtags, fitsFor, platformName } from './fit';
import { hashtagsIn } from './hashtags';
import { packThread } from './thread-packer';
import type { ShapeOptions, ShapeResult } from './types';

/** Platforms whose long text becomes a thread of posts (parts separated by `---` in the body). */
export const THREAD_PLATFORMS = ['x', 'bluesky', 'mastodon', 'threads'] as const satisfies readonly Platform[];
export type ThreadPlatform = (typeof THREAD_PLATFORMS)[number];

export function isThreadPlatform(platform: Platform): platform is ThreadPlatform {
  return (THREAD_PLATFORMS as readonly Platform[]).includes(platform);
}

/**
 * X, Bluesky, Mastodon, Threads: every post within the platform's own count (X weighted with URLs
 * 23, Bluesky graphemes and bytes, Mastodon with URLs 23, Threads with emoji as bytes and 5 links),
 * split at sentences, then words; X numbered "1/n" by default. Extra hashtags go on the last post.
 */
export function shapeThread(
  platform: ThreadPlatform,
  text: string,
  options: ShapeOptions,
  extraTags: readonly string[],
): ShapeResult {
  const fits = fitsFor(platform, { limit: options.limit });
  const given = splitThread(text);
  if (extraTags.length > 0 && given.length > 0) {
    const last = given.length - 1;
    given[last] = appendHashtags(given[last]!, extraTags, hashtagsIn(text));
  }
  const numbered = options.numbered ?? platform === 'x';
  const parts = packThread(given, fits, numbered);

  const warnings: string[] = [];
  parts.forEach((part, i) => {
    if (!fits(part)) {
      warnings.push(
        `Post ${i + 1} is still over ${platformName(platform)}'s limit: it holds a link too long for one post (links are never split).`,
      );
    }
  });
  return { text: joinThread(parts), parts, warnings };
}
