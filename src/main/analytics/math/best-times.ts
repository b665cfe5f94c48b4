import { TZDate } from '@date-fns/tz';

/** A published post on one platform: when it went out and how it did. */
export interface TimedPost {
  /** ISO instant. */
  publishedAt: string;
  /** Engagement rate as a fraction; null when the platform gave no denominator (the post is ignored). */
  engagementRate: number | null;
}

/** A documented default for a slot (e.g. a platform-wide study); any positive scale. */
export interface SlotScore {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** 0–23 in the creator's time zone. */
  hour: number;
  score: number;
}

export interface BestTime {
  weekday: number;
  hour: number;
  /** Relative score: 1 = the creator's average slot (or an average default slot). */
  score: number;
  posts: number;
  /** The creator's mean engagement rate in this slot, null with no posts there. */
  meanRate: number | null;
  source: 'your data' | 'default' | 'blend';
}

export interface BestTimeOptions {
  /** Prior weight in posts: a slot's own data weighs n/(n+k) (default 5). */
  k?: number;
  /** How many slots to return (default 5). */
  top?: number;
}

const slotKey = (weekday: number, hour: number): number => weekday * 24 + hour;

/**
 * Best posting slots for one platform, from the creator's own posts shrunk toward documented
 * defaults: own average weighs n/(n+k), the default k/(k+n). Shrinkage because a slot with one lucky
 * post would otherwise top the list; the defaults fill in slots the creator has never tried. Both
 * sides are made relative (÷ their own mean) so rates and study scores can be blended. A slot is
 * "your data" once its own weight reaches 2/3 (n ≥ 2k), "default" with no own posts, else "blend".
 */
export function bestTimes(
  posts: readonly TimedPost[],
  timezone: string,
  defaults: readonly SlotScore[],
  options: BestTimeOptions = {},
): BestTime[] {
  const { k = 5, top = 5 } = options;
  const own = new Map<number, { weekday: number; hour: number; rates: number[] }>();
  for (const post of posts) {
    if (post.engagementRate === null || !Number.isFinite(post.engagementRate)) continue;
    const local = new TZDate(post.publishedAt, timezone);
    const weekday = (local.getDay() + 6) % 7;
    const hour = local.getHours();
    const slot = own.get(slotKey(weekday, hour)) ?? { weekday, hour, rates: [] };
    slot.rates.push(post.engagementRate);
    own.set(slotKey(weekday, hour), slot);
  }
  const allRates = [...own.values()].flatMap((s) => s.rates);
  const ownMean = allRates.reduce((s, r) => s + r, 0) / (allRates.length || 1);
  const defaultMean = defaults.reduce((s, d) => s + d.score, 0) / (defaults.length || 1);
  const prior = new Map(defaults.map((d) => [slotKey(d.weekday, d.hour), defaultMean > 0 ? d.score / defaultMean : 1]));

  const keys = new Set([...prior.keys(), ...(ownMean > 0 ? own.keys() : [])]);
  const slots = [...keys].map((key): BestTime => {
    const mine = ownMean > 0 ? own.get(key) : undefined;
    const n = mine?.rates.length ?? 0;
    const meanRate = mine ? mine.rates.reduce((s, r) => s + r, 0) / n : null;
    const p = prior.get(key) ?? 1;
    const w = n / (n + k);
    const score = meanRate === null ? p : w * (meanRate / ownMean) + (1 - w) * p;
    const source = n === 0 ? 'default' : n >= 2 * k ? 'your data' : 'blend';
    return { weekday: Math.floor(key / 24), hour: key % 24, score, posts: n, meanRate, source };
  });
  slots.sort(
    (a, b) => b.score - a.score || b.posts - a.posts || slotKey(a.weekday, a.hour) - slotKey(b.weekday, b.hour),
  );
  return slots.slice(0, top);
}
