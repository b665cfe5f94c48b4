import type { RevenueSummary } from '../../shared/domain/analytics';

interface Money {
  revenue: number;
  cost: number;
}

/** (revenue − cost) ÷ cost; null when nothing was spent (an infinite ROI says nothing useful). */
export function roi({ revenue, cost }: Money): number | null {
  return cost > 0 ? (revenue - cost) / cost : null;
}

/**
 * Revenue and ROI per currency (amounts in different currencies are never added up) and the posts
 * that brought in the most. Null when there is no revenue data in the range: the affiliate feature
 * fills revenue_entries later, and until then the dashboard hides the panel instead of showing zeros.
 */
export function revenueSummary(data: {
  totals: ({ currency: string } & Money)[];
  posts: ({ post_id: string; title: string; currency: string } & Money)[];
}): RevenueSummary | null {
  if (data.totals.length === 0) return null;
  return {
    byCurrency: data.totals.map((t) => ({ currency: t.currency, revenue: t.revenue, cost: t.cost, roi: roi(t) })),
    topPosts: data.posts.map((p) => ({
      postId: p.post_id,
      title: p.title,
      currency: p.currency,
      revenue: p.revenue,
      cost: p.cost,
      roi: roi(p),
    })),
  };
}
