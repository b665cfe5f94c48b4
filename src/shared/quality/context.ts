import type { Finding } from './finding';
import type { Platform } from '../domain/platform';
import { countText, type CountResult } from '../platforms/count';
import { sweetSpotOf, type PlatformSweetSpot } from './sweet-spots';
import {
  firstLine,
  hashtagsOf,
  isMostlyLatin,
  linksOf,
  proseOf,
  sentencesOf,
  threadParts,
  wordsOf,
} from './text-features';

/** An earlier post the duplicate check compares with (main passes the creator's posts). */
export interface DuplicateCandidate {
  postId: string;
  title: string;
  text: string;
}

/** Everything the checks read, measured once per text. */
export interface CheckContext {
  text: string;
  platform: Platform;
  parts: string[];
  /** Each part measured the platform's way. */
  counts: CountResult[];
  firstLine: string;
  /** The text without links, hashtags and mentions. */
  prose: string;
  /** Mostly Latin script (the reading-ease formula and the sweet spots apply). */
  latin: boolean;
  words: string[];
  sentences: string[];
  hashtags: string[];
  links: string[];
  spot: PlatformSweetSpot;
  /** Undefined when the caller did not look for duplicates (the renderer, live). */
  duplicateCandidates: readonly DuplicateCandidate[] | undefined;
}

export function contextOf(
  text: string,
  platform: Platform,
  duplicateCandidates?: readonly DuplicateCandidate[],
): CheckContext {
  const parts = threadParts(text, platform);
  const prose = proseOf(text);
  const words = wordsOf(prose);
  return {
    text,
    platform,
    parts,
    counts: parts.map((part) => countText(platform, part)),
    firstLine: firstLine(parts[0] ?? text),
    prose,
    latin: isMostlyLatin(prose),
    words,
    sentences: sentencesOf(prose),
    hashtags: hashtagsOf(text),
    links: linksOf(text),
    spot: sweetSpotOf(platform),
    duplicateCandidates,
  };
}

/** What one check says: findings (maybe none), or that it did not run and why. */
export type CheckOutcome = { findings: Finding[] } | { skipped: string };
