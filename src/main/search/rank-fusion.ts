/** The usual constant from Cormack et al. (2009): dampens the weight of the very first ranks. */
export const RRF_K = 60;

/**
 * Reciprocal rank fusion: each id scores Σ 1 / (k + rank) over the lists it appears in (rank from
 * 1), so a post found by both searches rises above one found by either. Ties keep first-list order.
 */
export function reciprocalRankFusion(lists: string[][], k = RRF_K): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  for (const list of lists) {
    list.forEach((id, index) => scores.set(id, (scores.get(id) ?? 0) + 1 / (k + index + 1)));
  }
  return [...scores.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
