import { describe, expect, it } from 'vitest';
import type { Finding, QualityReport } from '../../../../shared/quality/finding';
import { scorePost } from '../../../../shared/quality/score';
import { scoreWord, withDuplicateFindings } from './quality-merge';

const duplicate: Finding = {
  id: 'duplicate-1',
  check: 'duplicate',
  severity: 'warning',
  message: 'Very close to “Winter starters” (92% alike).',
  penalty: 15,
  fix: { kind: 'ai', label: 'Rewrite it fresh' },
  related: { postId: '00000000-0000-4000-8000-000000000009', title: 'Winter starters', similarity: 0.92 },
};

const TEXT = 'Feed your starter twice a day in winter. It needs warmth. What do you do? Tell me below.';

describe('live quality with the core’s duplicate check', () => {
  it('adds the duplicate findings and their penalty to the live score', () => {
    const live = scorePost({ text: TEXT, platform: 'linkedin' });
    expect(live.skipped.map((s) => s.check)).toContain('duplicate');
    const core: QualityReport = {
      ...scorePost({ text: TEXT, platform: 'linkedin', duplicateCandidates: [] }),
      findings: [duplicate],
      breakdown: [{ check: 'duplicate', penalty: 15 }],
    };
    const merged = withDuplicateFindings(live, core);
    expect(merged.score).toBe(Math.max(0, live.score - 15));
    expect(merged.findings).toContainEqual(duplicate);
    expect(merged.skipped.map((s) => s.check)).not.toContain('duplicate');
  });

  it('keeps the live report without a core report, or one for another platform', () => {
    const live = scorePost({ text: TEXT, platform: 'x' });
    expect(withDuplicateFindings(live, null)).toBe(live);
    const other = scorePost({ text: TEXT, platform: 'linkedin', duplicateCandidates: [] });
    expect(withDuplicateFindings(live, other)).toBe(live);
  });

  it('puts the score in words', () => {
    expect([scoreWord(85), scoreWord(60), scoreWord(10)]).toEqual(['Good', 'Needs work', 'Weak']);
  });
});
