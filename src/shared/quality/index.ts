/**
 * Deterministic post-quality checks, shared by main (quality:score-post) and the renderer (live, as
 * the creator types). Pure: no Node, no DOM, no I/O. See README.md in this folder.
 */
export { scorePost } from './score';
export type { ScoreInput } from './score';
export type { DuplicateCandidate } from './context';
export { applyAutoFix, hasAutoFix, trimToLimit, keepHashtags, appendLine } from './fixes';
export { DUPLICATE_THRESHOLD, jaccard, shinglesOf, normalizedWords } from './duplicate';
export { fleschReadingEase, syllablesOf } from './readability';
export { hashtagsOf, linksOf, threadParts } from './text-features';
export { SWEET_SPOTS, sweetSpotOf } from './sweet-spots';
export * from './finding';
