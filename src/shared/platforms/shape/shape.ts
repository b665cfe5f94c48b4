import type { Platform } from '../../domain/platform';
import { splitThread } from '../thread';
import { appendHashtags, truncateWithWarning } from './fit';
import { hashtagsIn, normalizeHashtag, uniqueHashtags } from './hashtags';
import { shapeInstagram } from './instagram';
import { linkedinLayout } from './linkedin';
import { isThreadPlatform, shapeThread } from './thread-platforms';
import type { ShapeOptions, ShapeResult } from './types';
import { shapeYoutube } from './youtube';

/** The extra hashtags as `#tag`, without repeats; ones that are not hashtags are reported. */
function extraHashtags(options: ShapeOptions, warnings: string[]): string[] {
  const tags: string[] = [];
  for (const raw of options.hashtags ?? []) {
    const tag = normalizeHashtag(raw);
    if (tag === null) warnings.push(`"${raw}" is not a hashtag (letters, digits and _ only) and was left out.`);
    else tags.push(tag);
  }
  return uniqueHashtags(tags);
}

function single(text: string, warnings: string[]): ShapeResult {
  return { text, parts: text.length > 0 ? [text] : [], warnings };
}

/**
 * Shapes a text for one platform, deterministically (no AI), counting as the platform counts
 * (../count.ts and resources/platform-limits.json):
 * - X, Bluesky, Mastodon, Threads: a thread when longer than one post, split at sentences (a
 *   sentence longer than a post at words, never inside a URL); X numbers parts "1/n".
 * - LinkedIn: hook line, blank line, short paragraphs; within 3000.
 * - Instagram: caption within 2200, hashtags gathered at the end, at most 30.
 * - YouTube: title (100), description (5000 bytes), tags from hashtags (500 in all).
 * - TikTok, Facebook: as written, within the limit.
 * Text already split with `---` lines keeps the creator's parts on thread platforms and is joined
 * with blank lines elsewhere. Shaping a shaped text changes nothing.
 */
export function shapeForPlatform(platform: Platform, text: string, options: ShapeOptions = {}): ShapeResult {
  const warnings: string[] = [];
  const extra = extraHashtags(options, warnings);
  const normalized = text.replace(/\r\n?/gu, '\n').trim();
  if (normalized.length === 0) return { text: '', parts: [], warnings };

  if (isThreadPlatform(platform)) {
    const result = shapeThread(platform, normalized, options, extra);
    return { ...result, warnings: [...warnings, ...result.warnings] };
  }

  const joined = splitThread(normalized).join('\n\n');
  switch (platform) {
    case 'linkedin': {
      const laidOut = linkedinLayout(appendHashtags(joined, extra, hashtagsIn(joined)));
      return single(truncateWithWarning('linkedin', laidOut, warnings, { limit: options.limit }), warnings);
    }
    case 'instagram':
      return single(shapeInstagram(joined, extra, warnings), warnings);
    case 'youtube': {
      const { title, description, tags } = shapeYoutube(joined, options.title, extra, warnings);
      return { ...single(description, warnings), title, tags };
    }
    case 'tiktok':
    case 'facebook': {
      const withTags = appendHashtags(joined, extra, hashtagsIn(joined));
      return single(truncateWithWarning(platform, withTags, warnings, { limit: options.limit }), warnings);
    }
  }
}
