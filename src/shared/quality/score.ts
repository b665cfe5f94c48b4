import type { Platform } from '../domain/platform';
import { ctaCheck } from './checks/cta';
import { duplicateCheck } from './checks/duplicate';
import { hashtagsCheck } from './checks/hashtags';
import { hookCheck } from './checks/hook';
import { lengthCheck } from './checks/length';
import { limitCheck } from './checks/limit';
import { linksCheck } from './checks/links';
import { readabilityCheck, readingEaseOf } from './checks/readability';
import { spamCheck } from './checks/spam';
import { type CheckContext, type CheckOutcome, contextOf, type DuplicateCandidate } from './context';
import type { Finding, QualityCheck, QualityReport } from './finding';

const CHECKS: ReadonlyArray<readonly [QualityCheck, (ctx: CheckContext) => CheckOutcome]> = [
  ['limit', limitCheck],
  ['length', lengthCheck],
  ['readability', readabilityCheck],
  ['hook', hookCheck],
  ['cta', ctaCheck],
  ['hashtags', hashtagsCheck],
  ['links', linksCheck],
  ['spam', spamCheck],
  ['duplicate', duplicateCheck],
];

const SEVERITY_ORDER = { error: 0, warning: 1, tip: 2 } as const;

export interface ScoreInput {
  text: string;
  platform: Platform;
  /**
   * Earlier posts to compare with for the duplicate check. Leave it out (the renderer, live) and
   * the check is reported as skipped; main passes the creator's posts.
   */
  duplicateCandidates?: readonly DuplicateCandidate[];
}

/**
 * The quality score of a text on a platform: every deterministic check, 100 minus the penalties
 * (clamped to 0–100), findings worst first, and the per-check breakdown. Pure and synchronous: the
 * Compose screen runs it on every keystroke.
 */
export function scorePost(input: ScoreInput): QualityReport {
  const ctx = contextOf(input.text, input.platform, input.duplicateCandidates);
  const findings: Finding[] = [];
  const breakdown: QualityReport['breakdown'] = [];
  const skipped: QualityReport['skipped'] = [];
  if (input.text.trim() === '') {
    return emptyReport(ctx);
  }
  for (const [check, run] of CHECKS) {
    const outcome = run(ctx);
    if ('skipped' in outcome) {
      skipped.push({ check, reason: outcome.skipped });
      continue;
    }
    findings.push(...outcome.findings);
    breakdown.push({ check, penalty: outcome.findings.reduce((sum, f) => sum + f.penalty, 0) });
  }
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.penalty - a.penalty);
  const penalty = breakdown.reduce((sum, b) => sum + b.penalty, 0);
  return {
    platform: input.platform,
    score: Math.round(Math.min(100, Math.max(0, 100 - penalty))),
    findings,
    breakdown,
    skipped,
    metrics: metricsOf(ctx),
  };
}

function metricsOf(ctx: CheckContext): QualityReport['metrics'] {
  const longest = ctx.counts.reduce((a, b) => (b.count > a.count ? b : a));
  const measurable = ctx.words.length > 0 && ctx.latin;
  return {
    length: longest.count,
    limit: longest.limit,
    sweetSpot: ctx.spot.length,
    parts: ctx.parts.length,
    words: ctx.words.length,
    sentences: ctx.sentences.length,
    readingEase: measurable ? readingEaseOf(ctx) : null,
    hashtags: ctx.hashtags.length,
    hashtagNorm: ctx.spot.hashtags,
    links: ctx.links.length,
  };
}

/** An empty text scores 0 with one plain finding, not a list of everything missing. */
function emptyReport(ctx: CheckContext): QualityReport {
  return {
    platform: ctx.platform,
    score: 0,
    findings: [
      {
        id: 'length-empty',
        check: 'length',
        severity: 'error',
        message: 'Nothing written yet.',
        penalty: 100,
        fix: { kind: 'none', label: 'Write the post' },
      },
    ],
    breakdown: [{ check: 'length', penalty: 100 }],
    skipped: [],
    metrics: metricsOf(ctx),
  };
}
