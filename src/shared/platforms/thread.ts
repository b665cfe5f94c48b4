/**
 * Thread parts (X, Threads, Bluesky, Mastodon) live in one post body, separated by a line holding
 * only `---` (spaces around it allowed). A single-part body has no separator.
 */

/** The separator line between thread parts. */
export const THREAD_SEPARATOR = '---';

const SEPARATOR_LINE = /^[ \t]*---[ \t]*$/mu;

/**
 * The parts of a body, in order: split at separator lines, each part trimmed, empty parts dropped
 * (so `---` at the very start or end, or two in a row, leave no empty post behind).
 */
export function splitThread(body: string): string[] {
  return body
    .replace(/\r\n?/gu, '\n')
    .split(SEPARATOR_LINE)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/**
 * One body from thread parts, with a blank line on either side of each separator so the body reads
 * well in a plain editor. `splitThread(joinThread(parts))` gives the trimmed, non-empty parts back.
 */
export function joinThread(parts: readonly string[]): string {
  return parts
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join(`\n\n${THREAD_SEPARATOR}\n\n`);
}

/** True when the body holds more than one part. */
export function isThread(body: string): boolean {
  return splitThread(body).length > 1;
}
