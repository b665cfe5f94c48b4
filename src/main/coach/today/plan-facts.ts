import type { DataUsed } from '../../../shared/domain/coach';
import type { Platform } from '../../../shared/domain/platform';
import type { BacklogPost, CoachPublication } from '../coach-data.reader';
import type { CoachFactor, CoachFactors, CoachSlot } from '../coach-analytics.port';

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const hourLabel = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;
export const weekdayName = (weekday: number): string => WEEKDAY_NAMES[weekday] ?? '?';

/** What to post: the format with the best confident factor, else the creator's most-used format. */
export function chooseFormat(
  factors: CoachFactors,
  publications: readonly CoachPublication[],
): { format: string | null; reason: string; factor: CoachFactor | null } {
  const best = factors.factors
    .filter((f) => f.feature.startsWith('format:') && f.confident && f.effectPercent > 0)
    .sort((a, b) => b.effectPercent - a.effectPercent)[0];
  if (best) {
    return {
      format: best.feature.slice('format:'.length),
      reason: `${best.label} goes with ${Math.round(best.effectPercent)} % higher engagement in your posts (${best.support} posts).`,
      factor: best,
    };
  }
  const counts = new Map<string, number>();
  for (const p of publications) if (p.format) counts.set(p.format, (counts.get(p.format) ?? 0) + 1);
  const [format, n] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [null, 0];
  if (format !== null) {
    return {
      format,
      reason: `No format stands out yet, so stick with the one you use most (${n} posts).`,
      factor: null,
    };
  }
  return { format: null, reason: 'Your posts have no format recorded yet; any format works today.', factor: null };
}

/** The creator's main platform: where most of their last 90 days of posts went, else the profile's first. */
export function mainPlatform(
  recent: readonly CoachPublication[],
  profilePlatforms: readonly Platform[],
): Platform | null {
  const counts = new Map<Platform, number>();
  for (const p of recent) counts.set(p.platform, (counts.get(p.platform) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return top?.[0] ?? profilePlatforms[0] ?? null;
}

/** The best slot later today (creator-local weekday 0 = Monday and hour), or null when none is left. */
export function slotToday(slots: readonly CoachSlot[], weekday: number, hourNow: number): CoachSlot | null {
  return slots.filter((s) => s.weekday === weekday && s.hour > hourNow).sort((a, b) => b.score - a.score)[0] ?? null;
}

/** The weakest success factor: the most negative effect, confident ones first. */
export function weakestFactor(factors: CoachFactors): CoachFactor | null {
  const negative = factors.factors.filter((f) => f.effectPercent < 0).sort((a, b) => a.effectPercent - b.effectPercent);
  return negative.find((f) => f.confident) ?? negative[0] ?? null;
}

/** The oldest idea or draft in the backlog. */
export function oldestIdea(backlog: readonly BacklogPost[]): BacklogPost | null {
  return backlog.find((p) => p.status === 'idea' || p.status === 'draft') ?? null;
}

export function formatFigure(v: number, unit: 'count' | 'fraction' | 'money'): string {
  if (unit === 'fraction') return `${(v * 100).toFixed(2)} %`;
  if (unit === 'money') return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return Math.round(v).toLocaleString('en-US');
}

/** Renders data-used rows as the lines the AI prompt quotes. */
export function factsBlock(data: readonly DataUsed[]): string {
  return data.map((d) => `- ${d.label}: ${d.value}`).join('\n');
}
