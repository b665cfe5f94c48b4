import type { PublishedPost } from '../../shared/domain/analytics';

/** How a tag did on the creator's posts. */
export interface TagHistory {
  tag: string;
  uses: number;
  /** Uses on the creator's best posts (by engagement rate). */
  bestUses: number;
  /** Average engagement rate of the posts using it (those with a rate), or null. */
  averageRate: number | null;
  averageBestRate: number | null;
}

const average = (values: number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

/** The best posts: the top quarter by engagement rate, at least 5 (or all when fewer). */
export function bestPostsOf(posts: readonly PublishedPost[]): PublishedPost[] {
  const rated = posts.filter((p) => p.engagementRate !== null);
  rated.sort((a, b) => (b.engagementRate as number) - (a.engagementRate as number));
  return rated.slice(0, Math.min(rated.length, Math.max(5, Math.ceil(rated.length / 4))));
}

/** Per tag used in `posts`: uses, uses on the best posts and average engagement rates. */
export function tagHistory(posts: readonly PublishedPost[]): { tags: TagHistory[]; bestCount: number } {
  const best = new Set(bestPostsOf(posts).map((p) => p.publicationId));
  const byTag = new Map<string, { uses: number; bestUses: number; rates: number[]; bestRates: number[] }>();
  for (const post of posts) {
    for (const tag of new Set(post.hashtags)) {
      let entry = byTag.get(tag);
      if (!entry) byTag.set(tag, (entry = { uses: 0, bestUses: 0, rates: [], bestRates: [] }));
      entry.uses += 1;
      if (post.engagementRate !== null) entry.rates.push(post.engagementRate);
      if (best.has(post.publicationId)) {
        entry.bestUses += 1;
        if (post.engagementRate !== null) entry.bestRates.push(post.engagementRate);
      }
    }
  }
  const tags = [...byTag].map(([tag, e]) => ({
    tag,
    uses: e.uses,
    bestUses: e.bestUses,
    averageRate: average(e.rates),
    averageBestRate: average(e.bestRates),
  }));
  return { tags, bestCount: best.size };
}
