import { z } from 'zod';
import defaultsJson from '../../../resources/best-time-defaults.json';
import type { BestTimes, BestTimeSlot } from '../../shared/domain/analytics';
import { PLATFORMS, type Platform } from '../../shared/domain/platform';
import { getPlatformLimit } from '../../shared/platforms';
import { bestTimes, type BestTime, type TimedPost } from './math/best-times';

const DefaultsFile = z.object({
  sources: z.array(z.object({ id: z.string(), title: z.string(), url: z.string() })),
  defaults: z.partialRecord(
    z.enum(PLATFORMS),
    z.array(
      z.object({
        weekday: z.number().int().min(0).max(6),
        hour: z.number().int().min(0).max(23),
        score: z.number().nonnegative(),
        sourceId: z.string(),
      }),
    ),
  ),
});

/** Validated once at load, like the platform limits: a broken file fails at startup, not in the calendar. */
const FILE = DefaultsFile.parse(defaultsJson);

const SOURCE: Record<BestTime['source'], BestTimeSlot['source']> = {
  'your data': 'yours',
  default: 'default',
  blend: 'blended',
};

/**
 * Best posting slots for one platform: the creator's own posts (their rates per local weekday and
 * hour) shrunk toward the published defaults, so their data wins where it has enough posts.
 */
export function bestTimeSlots(platform: Platform, posts: readonly TimedPost[], timezone: string): BestTimes {
  const defaults = FILE.defaults[platform] ?? [];
  const slots = bestTimes(posts, timezone, defaults);
  const rated = posts.filter((p) => p.engagementRate !== null).length;
  const sourceOf = new Map(defaults.map((d) => [d.weekday * 24 + d.hour, d.sourceId]));
  const usedSources = new Set<string>();
  const out = slots.map((s): BestTimeSlot => {
    const sourceId = s.source === 'your data' ? null : (sourceOf.get(s.weekday * 24 + s.hour) ?? null);
    if (sourceId) usedSources.add(sourceId);
    return { ...s, source: SOURCE[s.source], sourceId };
  });
  const name = getPlatformLimit(platform).displayName;
  const note =
    rated === 0
      ? `No ${name} posts with engagement data yet: these slots come from published studies.`
      : `From your ${rated} ${name} post${rated === 1 ? '' : 's'}, blended with published studies where a slot has few of your posts.`;
  return {
    platform,
    timezone,
    postsConsidered: rated,
    slots: out,
    sources: FILE.sources.filter((s) => usedSources.has(s.id)).map(({ id, title, url }) => ({ id, title, url })),
    note,
  };
}
