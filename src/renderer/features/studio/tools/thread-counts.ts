import type { Platform } from '../../../../shared/domain/platform';
import { countText } from '../../../../shared/platforms';
import { splitThread } from '../../../../shared/platforms/thread';
import { PLATFORM_LABELS } from '../../../ui/platforms';

/** Platforms where a body with `---` lines is a thread of several posts. */
export const THREAD_PLATFORMS: readonly Platform[] = ['x', 'threads', 'bluesky', 'mastodon'];

/** One part of a thread (or the whole post), measured the platform's way. */
export interface PartCount {
  /** 1-based. */
  index: number;
  count: number;
  limit: number;
  over: boolean;
  /** "Part 2 of 3: 290 of 280, over the limit" (the accessible name of the line). */
  label: string;
}

export interface PlatformParts {
  platform: Platform;
  /** False for platforms that post the body as one piece, whatever `---` it holds. */
  threaded: boolean;
  parts: PartCount[];
  /** True when any part is over. */
  over: boolean;
}

/**
 * Counts every thread part of `body` with the platform's own counter (X weighting, Bluesky
 * graphemes, Mastodon's link rule…). Platforms without threads count the body whole.
 */
export function countParts(platform: Platform, body: string): PlatformParts {
  const threaded = THREAD_PLATFORMS.includes(platform);
  const pieces = threaded ? splitThread(body) : [body];
  const texts = pieces.length > 0 ? pieces : [''];
  const name = PLATFORM_LABELS[platform];
  const parts = texts.map((text, i): PartCount => {
    const result = countText(platform, text);
    const where = texts.length > 1 ? `Part ${i + 1} of ${texts.length}` : name;
    const label = `${where}: ${result.count} of ${result.limit}${result.over ? ', over the limit' : ''}`;
    return { index: i + 1, count: result.count, limit: result.limit, over: result.over, label };
  });
  return { platform, threaded, parts, over: parts.some((p) => p.over) };
}
