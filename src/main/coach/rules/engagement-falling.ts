import { DAY_MS, type RuleContext, type RulePublication, type Situation } from './rule-types';

export const RECENT_DAYS = 14;
export const PREVIOUS_DAYS = 28;
export const MIN_POSTS_PER_WINDOW = 3;
export const FALL_RATIO = 0.75;

type Rated = RulePublication & { engagementRate: number };

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Mean engagement rate of the last 14 days' posts below 75 % of the previous 28 days', with at
 * least 3 rated posts in each window (fewer would make one flop look like a trend).
 */
export function engagementFalling(ctx: RuleContext): Situation[] {
  const now = Date.parse(ctx.now);
  const recentFrom = now - RECENT_DAYS * DAY_MS;
  const previousFrom = recentFrom - PREVIOUS_DAYS * DAY_MS;
  const rated = ctx.publications.filter((p): p is Rated => p.engagementRate !== null);
  const at = (p: Rated) => Date.parse(p.publishedAt);
  const recent = rated.filter((p) => at(p) > recentFrom && at(p) <= now);
  const previous = rated.filter((p) => at(p) > previousFrom && at(p) <= recentFrom);
  if (recent.length < MIN_POSTS_PER_WINDOW || previous.length < MIN_POSTS_PER_WINDOW) return [];
  const recentMean = mean(recent.map((p) => p.engagementRate));
  const previousMean = mean(previous.map((p) => p.engagementRate));
  if (!(recentMean < FALL_RATIO * previousMean)) return [];
  const best = [...previous].sort((a, b) => b.engagementRate - a.engagementRate)[0] as Rated;
  const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
  return [
    {
      rule: 'engagement-falling',
      situation: 'engagement-falling',
      title: 'Engagement is falling',
      message: `Your last ${RECENT_DAYS} days' posts average ${pct(recentMean)} engagement, down from ${pct(previousMean)} in the ${PREVIOUS_DAYS} days before (${recent.length} vs ${previous.length} posts). Going back to what worked usually helps.`,
      action: {
        kind: 'suggest-post',
        text: `Revisit “${best.title || 'your best recent post'}” (${pct(best.engagementRate)} engagement) with a new angle: same topic, a fresh opening line.`,
      },
    },
  ];
}
