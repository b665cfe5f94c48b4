import type { CheckContext, CheckOutcome } from '../context';
import { DUPLICATE_THRESHOLD, jaccard, MIN_WORDS_FOR_DUPLICATES, shinglesOf } from '../duplicate';

/** Near-duplicate of an earlier post (Jaccard ≥ 0.8 on word 3-grams) among the candidates passed in. */
export function duplicateCheck(ctx: CheckContext): CheckOutcome {
  if (ctx.duplicateCandidates === undefined) return { skipped: 'Earlier posts were not compared here' };
  if (ctx.words.length < MIN_WORDS_FOR_DUPLICATES) {
    return { skipped: `Too short to compare with earlier posts (under ${MIN_WORDS_FOR_DUPLICATES} words)` };
  }
  const mine = shinglesOf(ctx.text);
  let best: { postId: string; title: string; similarity: number } | null = null;
  for (const candidate of ctx.duplicateCandidates) {
    const similarity = jaccard(mine, shinglesOf(candidate.text));
    if (similarity >= DUPLICATE_THRESHOLD && (best === null || similarity > best.similarity)) {
      best = { postId: candidate.postId, title: candidate.title, similarity: Math.round(similarity * 100) / 100 };
    }
  }
  if (best === null) return { findings: [] };
  const name = best.title.trim() === '' ? 'an earlier post' : `your post "${best.title.trim()}"`;
  return {
    findings: [
      {
        id: 'duplicate',
        check: 'duplicate',
        severity: 'warning',
        message: `This repeats ${name} (${Math.round(best.similarity * 100)} % the same words): followers notice.`,
        penalty: 25,
        fix: { kind: 'ai', label: 'Reword it with the AI' },
        related: best,
      },
    ],
  };
}
