import { truncateWithWarning } from './fit';
import { hashtagsIn, uniqueHashtags } from './hashtags';

/** YouTube's total for a video's tags (Data API v3 snippet.tags: 500 characters in all). */
export const YOUTUBE_TAGS_LIMIT = 500;

/** YouTube refuses `<` and `>` in titles and descriptions (Data API v3, Videos resource). */
function withoutAngleBrackets(text: string, what: string, warnings: string[]): string {
  if (!/[<>]/u.test(text)) return text;
  warnings.push(`YouTube does not allow < or > in the ${what}; they were removed.`);
  return text.replace(/[<>]/gu, '');
}

/**
 * The characters a tag list uses as YouTube counts it: each tag, a comma between tags, and two
 * quote marks around a tag that holds a space.
 */
export function youtubeTagsLength(tags: readonly string[]): number {
  return tags.reduce((sum, tag, i) => sum + tag.length + (i > 0 ? 1 : 0) + (/\s/u.test(tag) ? 2 : 0), 0);
}

/** Tags from hashtags (without `#`), kept in order while the total stays within 500. */
function tagsWithinLimit(hashtags: readonly string[], warnings: string[]): string[] {
  const tags: string[] = [];
  const dropped: string[] = [];
  for (const tag of uniqueHashtags(hashtags).map((hashtag) => hashtag.slice(1))) {
    if (youtubeTagsLength([...tags, tag]) <= YOUTUBE_TAGS_LIMIT) tags.push(tag);
    else dropped.push(tag);
  }
  if (dropped.length > 0) {
    warnings.push(
      `YouTube allows ${YOUTUBE_TAGS_LIMIT} characters of tags; ${dropped.length} tags were left out: ${dropped.join(', ')}.`,
    );
  }
  return tags;
}

/**
 * A YouTube video's text: the title (given, else the text's first line, within 100 characters),
 * the description (the rest of the text, or all of it when it is one line; within 5000 UTF-8 bytes)
 * and tags made from the hashtags (within 500 characters in all).
 */
export function shapeYoutube(
  text: string,
  givenTitle: string | undefined,
  extraTags: readonly string[],
  warnings: string[],
): { title: string; description: string; tags: string[] } {
  const lines = text.split('\n');
  const firstLine = lines[0]!.trim();
  const rest = lines.slice(1).join('\n').trim();
  const titled = givenTitle !== undefined && givenTitle.trim().length > 0;
  // A title taken from the first line leaves that line's hashtags to the tags.
  const titleSource = titled ? givenTitle : firstLine.replace(/(?:^|\s)[#\uFF03][\p{L}\p{M}\p{N}_]+/gu, '');
  const descriptionSource = titled || rest.length === 0 ? text : rest;

  let title = withoutAngleBrackets(titleSource.replace(/\s+/gu, ' ').trim(), 'title', warnings);
  title = truncateWithWarning('youtube', title, warnings, { field: 'title', what: 'The title' });
  let description = withoutAngleBrackets(descriptionSource, 'description', warnings);
  description = truncateWithWarning('youtube', description, warnings, {
    field: 'description',
    what: 'The description',
  });

  const tags = tagsWithinLimit([...hashtagsIn(text), ...extraTags], warnings);
  return { title, description, tags };
}
