import type { Platform } from '../../domain/platform';
import { countText } from '../count';
import { getPlatformLimit } from '../limits';
import type { Fits } from './split-long';
import { truncateToFit } from './split-long';

/** Whether text fits a platform's field by its own counter (and its extra limits: tags, links, bytes). */
export function fitsFor(platform: Platform, options: { field?: string; limit?: number } = {}): Fits {
  return (text) => !countText(platform, text, { field: options.field, limit: options.limit }).over;
}

/** The platform's name as people know it ("LinkedIn"). */
export function platformName(platform: Platform): string {
  return getPlatformLimit(platform).displayName;
}

/** Shortens a single post that is over its limit, with a warning saying how much was cut. */
export function truncateWithWarning(
  platform: Platform,
  text: string,
  warnings: string[],
  options: { field?: string; limit?: number; what?: string } = {},
): string {
  const { text: kept, dropped } = truncateToFit(text, fitsFor(platform, options));
  if (dropped > 0) {
    const limit = countText(platform, '', { field: options.field, limit: options.limit }).limit;
    const what = options.what ?? 'The text';
    warnings.push(
      `${what} was over ${platformName(platform)}'s limit of ${limit} and was shortened (${dropped} characters cut).`,
    );
  }
  return kept;
}

/** `text` with a final line of the given hashtags, leaving out any the text already holds. */
export function appendHashtags(text: string, tags: readonly string[], present: readonly string[]): string {
  const have = new Set(present.map((tag) => tag.toLocaleLowerCase()));
  const extra = tags.filter((tag) => !have.has(tag.toLocaleLowerCase()));
  if (extra.length === 0) return text;
  return text.length > 0 ? `${text}\n\n${extra.join(' ')}` : extra.join(' ');
}
