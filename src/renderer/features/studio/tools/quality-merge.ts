import type { QualityReport, Severity } from '../../../../shared/quality/finding';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, tip: 2 };

/**
 * The live report (pure checks on every keystroke, no duplicate check) with the duplicate
 * findings of the core's last report added: the renderer cannot see earlier posts, the core can.
 * The core's findings only count when they were computed for the same platform.
 */
export function withDuplicateFindings(live: QualityReport, core: QualityReport | null): QualityReport {
  if (!core || core.platform !== live.platform) return live;
  if (live.findings.some((f) => f.check === 'duplicate')) return live;
  const duplicates = core.findings.filter((f) => f.check === 'duplicate');
  const ran = core.breakdown.some((b) => b.check === 'duplicate');
  if (!ran) return live;
  const penalty = duplicates.reduce((sum, f) => sum + f.penalty, 0);
  const findings = [...live.findings, ...duplicates].sort(
    (a, b) => ORDER[a.severity] - ORDER[b.severity] || b.penalty - a.penalty,
  );
  return {
    ...live,
    score: Math.round(Math.min(100, Math.max(0, live.score - penalty))),
    findings,
    breakdown: [...live.breakdown.filter((b) => b.check !== 'duplicate'), { check: 'duplicate', penalty }],
    skipped: live.skipped.filter((s) => s.check !== 'duplicate'),
  };
}

/** "Good", "Needs work" or "Weak", for the words beside the number. */
export function scoreWord(score: number): string {
  if (score >= 80) return 'Good';
  if (score >= 50) return 'Needs work';
  return 'Weak';
}
