import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { addDays, daysBetween, type DailyPoint } from './growth';

export interface Anomaly {
  date: string;
  value: number;
  /** The median of the trailing window: what a normal day looked like. */
  expected: number;
  /** Robust z-score, clipped to ±SCORE_CAP so it stays a finite, serialisable number. */
  score: number;
  direction: 'spike' | 'drop';
}

export interface AnomalyOptions {
  /** Trailing days compared against (default 28: four weeks, so every weekday appears four times). */
  window?: number;
  /** Days of history needed before a day is judged at all (default 14). */
  minWindow?: number;
  /** |z| at or above this is an anomaly (default 3.5, the usual cut-off for modified z-scores). */
  threshold?: number;
}

/** Beyond this many robust standard deviations the number carries no extra meaning. */
export const SCORE_CAP = 100;
/** Scales MAD to the standard deviation of normally distributed data. */
const MAD_TO_SD = 1.4826;
/** Scales the mean absolute deviation to the standard deviation (√(π/2)), the fallback when MAD is 0. */
const MEAN_AD_TO_SD = 1.2533;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Robust spread of a window: 1.4826·MAD, or 1.2533·mean |x − median| when over half the days are equal. */
function robustScale(xs: readonly number[], centre: number): number {
  const deviations = xs.map((x) => Math.abs(x - centre));
  const mad = median(deviations);
  if (mad > 0) return MAD_TO_SD * mad;
  return MEAN_AD_TO_SD * (deviations.reduce((s, d) => s + d, 0) / deviations.length);
}

/**
 * Unusual days in a daily series (follower change per day, engagements per day): each day is scored
 * against the median and MAD of the days before it. Median and MAD rather than mean and standard
 * deviation so that one earlier viral day does not hide the next one; trailing rather than centred
 * so a day's verdict never changes when later data arrives. Expects one point per day, oldest first.
 */
export function detectAnomalies(series: readonly DailyPoint[], options: AnomalyOptions = {}): Anomaly[] {
  const { window = 28, minWindow = 14, threshold = 3.5 } = options;
  const points = [...series].sort((a, b) => daysBetween(b.date, a.date));
  const out: Anomaly[] = [];
  points.forEach((p, i) => {
    if (i < minWindow) return;
    const history = points.slice(Math.max(0, i - window), i).map((q) => q.value);
    const expected = median(history);
    const scale = robustScale(history, expected);
    const deviation = p.value - expected;
    if (deviation === 0) return;
    // A perfectly flat history has no spread: any change is as unusual as it gets.
    const raw = scale > 0 ? deviation / scale : Math.sign(deviation) * SCORE_CAP;
    const score = Math.max(-SCORE_CAP, Math.min(SCORE_CAP, raw));
    if (Math.abs(score) >= threshold) {
      out.push({ date: p.date, value: p.value, expected, score, direction: score > 0 ? 'spike' : 'drop' });
    }
  });
  return out;
}

export interface CauseContext {
  posts: { id: string; title: string; publishedAt: string; engagements: number }[];
  /** ISO instant of the last post published before the anomaly, null when there was none. */
  lastPostBefore: string | null;
  /** IANA zone the series' days are counted in (default UTC). */
  timezone?: string;
}

export interface CauseOptions {
  /** Days without posting that explain a drop (default 7). */
  quietDays?: number;
  /** A post is outsized when its engagements are at least this multiple of the median post (default 2). */
  outsizedFactor?: number;
}

export const NO_CLEAR_CAUSE = 'No clear cause in your data.';

const localDay = (iso: string, zone: string): string => format(new TZDate(iso, zone), 'yyyy-MM-dd');

/**
 * A plain sentence on what in the creator's own data likely explains an anomaly. Deliberately
 * modest: it names a post only when one went out that day or the day before and clearly beat the
 * creator's usual engagement, and blames silence only after a real gap; otherwise it says so.
 */
export function likelyCause(anomaly: Anomaly, context: CauseContext, options: CauseOptions = {}): string {
  const { quietDays = 7, outsizedFactor = 2 } = options;
  const zone = context.timezone ?? 'UTC';
  if (anomaly.direction === 'spike') {
    const window = new Set([anomaly.date, addDays(anomaly.date, -1)]);
    const candidates = context.posts
      .filter((p) => window.has(localDay(p.publishedAt, zone)))
      .sort((a, b) => b.engagements - a.engagements);
    const top = candidates[0];
    if (top) {
      const others = context.posts.filter((p) => p !== top).map((p) => p.engagements);
      const usual = others.length > 0 ? median(others) : 0;
      if (top.engagements > 0 && top.engagements >= outsizedFactor * usual) {
        const day = format(new TZDate(top.publishedAt, zone), 'MMM d, yyyy');
        return `Likely from your post “${top.title}” published on ${day}.`;
      }
    }
    return NO_CLEAR_CAUSE;
  }
  if (context.lastPostBefore !== null) {
    const days = daysBetween(localDay(context.lastPostBefore, zone), anomaly.date);
    if (days >= quietDays) return `You had not posted for ${days} days.`;
  }
  return NO_CLEAR_CAUSE;
}
