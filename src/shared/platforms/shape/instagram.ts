import { countText } from '../count';
import { hashtagsIn, pullHashtagLines, uniqueHashtags } from './hashtags';
import { truncateToFit } from './split-long';

const EMPTY = countText('instagram', '');
/** Instagram's caption length and hashtag cap, from the limits data file. */
const CAPTION_LIMIT = EMPTY.limit;
const HASHTAG_LIMIT = EMPTY.hashtagLimit ?? 30;
const MENTION_LIMIT = EMPTY.mentionLimit ?? 20;

/** Length only: the hashtag count is handled by choosing tags, not by cutting text. */
const fits = (caption: string): boolean => countText('instagram', caption).remaining >= 0;

/**
 * An Instagram caption: the text, a blank line, then every hashtag block (lines of only tags, and
 * the extra tags) gathered at the end. Tags used inside sentences stay and count toward the 30;
 * tags past 30 are dropped with a warning. When the caption is too long, end tags go first, then
 * the text is shortened.
 */
export function shapeInstagram(text: string, extraTags: readonly string[], warnings: string[]): string {
  const { body, tags: blockTags } = pullHashtagLines(text);
  const inline = hashtagsIn(body);
  const inlineKeys = new Set(inline.map((tag) => tag.toLocaleLowerCase()));
  let block = uniqueHashtags([...blockTags, ...extraTags]).filter((tag) => !inlineKeys.has(tag.toLocaleLowerCase()));

  const room = Math.max(0, HASHTAG_LIMIT - inline.length);
  if (inline.length > HASHTAG_LIMIT) {
    warnings.push(
      `The text itself holds ${inline.length} hashtags; Instagram allows ${HASHTAG_LIMIT}. Remove some from the sentences.`,
    );
  }
  if (block.length > room) {
    const dropped = block.slice(room);
    block = block.slice(0, room);
    warnings.push(`Instagram allows ${HASHTAG_LIMIT} hashtags; ${dropped.length} were dropped: ${dropped.join(' ')}.`);
  }

  const mentions = countText('instagram', body).mentions ?? 0;
  if (mentions > MENTION_LIMIT) {
    warnings.push(`The caption mentions ${mentions} accounts; Instagram allows ${MENTION_LIMIT}.`);
  }
  const caption = (tags: readonly string[], main: string): string =>
    tags.length === 0 ? main : main.length === 0 ? tags.join(' ') : `${main}\n\n${tags.join(' ')}`;

  const droppedForLength: string[] = [];
  while (block.length > 0 && !fits(caption(block, body))) droppedForLength.unshift(block.pop()!);
  if (droppedForLength.length > 0) {
    warnings.push(
      `The caption was too long for Instagram's ${CAPTION_LIMIT} characters; ${droppedForLength.length} hashtags were dropped: ${droppedForLength.join(' ')}.`,
    );
  }
  if (fits(caption(block, body))) return caption(block, body);

  const { text: shortened, dropped } = truncateToFit(body, (main) => fits(caption(block, main)));
  warnings.push(
    `The caption was over Instagram's ${CAPTION_LIMIT} characters and was shortened (${dropped} characters cut).`,
  );
  return caption(block, shortened);
}
