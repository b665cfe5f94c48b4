import type {
  GroupEngagement,
  HeatmapCell,
  OverviewTotals,
  PlatformEngagement,
  PublishedPost,
} from '../../shared/domain/analytics';
import { PLATFORMS } from '../../shared/domain/platform';
import { formulaInfo } from './formulas';
import type { LocalSlot } from './zone-clock';

/** Posts below this exposure are left out of top/bottom lists: 3 likes on 10 views is not a 30 % hit. */
export const MIN_EXPOSURE_FOR_RANKING = 100;
const HASHTAG_LIMIT = 15;
const HASHTAG_MIN_POSTS = 2;
const RANKED = 5;

type PostTotals = Omit<OverviewTotals, 'followersStart' | 'followersEnd' | 'followerGrowth' | 'followerGrowthPercent'>;

/** Σ engagements ÷ Σ exposure over the posts that have an exposure (a pooled rate). */
function pooledRate(posts: readonly PublishedPost[]): { engagements: number; exposure: number; rate: number | null } {
  let engaged = 0;
  let exposure = 0;
  let engagements = 0;
  for (const p of posts) {
    engagements += p.engagements;
    if (p.exposure) {
      engaged += p.engagements;
      exposure += p.exposure.value;
    }
  }
  return { engagements, exposure, rate: exposure > 0 ? engaged / exposure : null };
}

export function postTotals(posts: readonly PublishedPost[]): PostTotals {
  const pooled = pooledRate(posts);
  return {
    postsPublished: posts.length,
    impressions: posts.reduce((s, p) => s + (p.impressions ?? 0), 0),
    views: posts.reduce((s, p) => s + (p.views ?? 0), 0),
    engagements: pooled.engagements,
    engagementRate: pooled.rate,
  };
}

export function byPlatform(posts: readonly PublishedPost[]): PlatformEngagement[] {
  return PLATFORMS.flatMap((platform) => {
    const mine = posts.filter((p) => p.platform === platform);
    if (mine.length === 0) return [];
    const pooled = pooledRate(mine);
    return [
      {
        platform,
        posts: mine.length,
        engagements: pooled.engagements,
        exposure: pooled.exposure,
        engagementRate: pooled.rate,
        formula: formulaInfo(platform),
      },
    ];
  });
}

class Group {
  posts = 0;
  engagements = 0;
  private rateSum = 0;
  private rated = 0;

  add(p: PublishedPost): void {
    this.posts += 1;
    this.engagements += p.engagements;
    if (p.engagementRate !== null) {
      this.rateSum += p.engagementRate;
      this.rated += 1;
    }
  }

  get meanRate(): number | null {
    return this.rated > 0 ? this.rateSum / this.rated : null;
  }
}

function groupBy(posts: readonly PublishedPost[], keysOf: (p: PublishedPost) => string[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const p of posts) {
    for (const key of keysOf(p)) {
      let g = groups.get(key);
      if (!g) groups.set(key, (g = new Group()));
      g.add(p);
    }
  }
  return groups;
}

const byMeanRate = (a: GroupEngagement, b: GroupEngagement): number =>
  (b.meanRate ?? -1) - (a.meanRate ?? -1) || b.posts - a.posts || a.key.localeCompare(b.key);

const toGroup = ([key, g]: [string, Group]): GroupEngagement => ({
  key,
  posts: g.posts,
  engagements: g.engagements,
  meanRate: g.meanRate,
});

/** Per format ("unspecified" when the import or publisher did not say), best mean rate first. */
export function byFormat(posts: readonly PublishedPost[]): GroupEngagement[] {
  return [...groupBy(posts, (p) => [p.format ?? 'unspecified'])].map(toGroup).sort(byMeanRate);
}

/** The 15 hashtags with the best mean rate among those used on at least 2 posts. */
export function byHashtag(posts: readonly PublishedPost[]): GroupEngagement[] {
  return [...groupBy(posts, (p) => p.hashtags)]
    .filter(([, g]) => g.posts >= HASHTAG_MIN_POSTS)
    .map(toGroup)
    .sort(byMeanRate)
    .slice(0, HASHTAG_LIMIT);
}

/** Heatmap cells that have at least one post, Monday 0:00 first. */
export function byWeekdayHour(posts: readonly PublishedPost[], slots: readonly LocalSlot[]): HeatmapCell[] {
  const groups = new Map<number, Group>();
  posts.forEach((p, i) => {
    const slot = slots[i] as LocalSlot;
    const key = slot.weekday * 24 + slot.hour;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = new Group()));
    g.add(p);
  });
  return [...groups]
    .sort(([a], [b]) => a - b)
    .map(([key, g]) => ({ weekday: Math.floor(key / 24), hour: key % 24, posts: g.posts, meanRate: g.meanRate }));
}

/** Best and worst posts by engagement rate, among those seen by at least MIN_EXPOSURE_FOR_RANKING. */
export function rankedPosts(posts: readonly PublishedPost[]): { top: PublishedPost[]; bottom: PublishedPost[] } {
  const ranked = posts
    .filter((p) => p.engagementRate !== null && p.exposure !== null && p.exposure.value >= MIN_EXPOSURE_FOR_RANKING)
    .sort((a, b) => (b.engagementRate as number) - (a.engagementRate as number) || a.publicationId - b.publicationId);
  const top = ranked.slice(0, RANKED);
  // With fewer than 10 posts, a post is shown once: in the top list.
  const bottom = ranked.slice(Math.max(RANKED, ranked.length - RANKED)).reverse();
  return { top, bottom };
}
