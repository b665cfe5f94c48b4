import { ContractError } from '../../shared/contract/errors';
import type { FreeSlot, PlanningGaps, WeekGap } from '../../shared/domain/planning';
import { freeSlots } from './free-slots';
import { addDays, instantAt, mondayOf } from './local-time';
import type { TimedPost } from './planning.repository';
import type { PlanningContext, PlanningService } from './planning.service';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function messageOf(g: Omit<WeekGap, 'message'>): string {
  const planned = g.scheduled + g.published;
  if (g.missing === 0) return `On track: ${planned} of ${g.target} planned.`;
  const short = `${g.missing} short of your ${g.target} a week`;
  if (g.past) return `This week is over: it ended ${short}.`;
  if (g.suggestions.length === g.missing) return `${short}: ${plural(g.missing, 'free slot')} suggested.`;
  if (g.suggestions.length === 0) return `${short}, and no free slot is left this week.`;
  return `${short}; only ${plural(g.suggestions.length, 'free slot')} left this week.`;
}

/** Free slots of every platform in (fromMs, toMs), soonest first, at most one per instant, up to `count`. */
async function suggestions(
  planning: PlanningService,
  ctx: PlanningContext,
  timed: readonly TimedPost[],
  range: { fromMs: number; toMs: number; count: number },
  windowMs: number,
): Promise<FreeSlot[]> {
  const all: { slot: FreeSlot; rank: number }[] = [];
  for (const [rank, platform] of ctx.platforms.entries()) {
    const { slots } = await planning.slotsFor(platform, ctx);
    const takenMs = timed.filter((p) => p.platforms.includes(platform)).map((p) => p.atMs);
    for (const slot of freeSlots({ platform, slots, timezone: ctx.timezone, ...range, takenMs, windowMs })) {
      all.push({ slot, rank });
    }
  }
  all.sort((a, b) => a.slot.at.localeCompare(b.slot.at) || a.rank - b.rank);
  const picked: FreeSlot[] = [];
  for (const { slot } of all) {
    if (picked.length >= range.count) break;
    // One post per moment: a second platform at the same instant does not fill a second gap.
    if (!picked.some((p) => p.at === slot.at)) picked.push(slot);
  }
  return picked;
}

/**
 * Per ISO week (Monday–Sunday, creator's zone) touching [from, to]: the posts scheduled and
 * published that week (each post once, whatever its platforms) against the profile's posts per
 * week, and for a week not yet over, free slots after now to fill what is missing.
 */
export async function buildGaps(
  planning: PlanningService,
  input: { from: string; to: string },
  windowMs: number,
): Promise<PlanningGaps> {
  const ctx = await planning.context();
  if (ctx.cadence === null) {
    throw new ContractError(
      'NOT_FOUND',
      'Set up your profile first (onboarding): gaps are measured against your weekly cadence.',
    );
  }
  const target = ctx.cadence.postsPerWeek;
  const nowMs = planning.now();
  const firstMonday = mondayOf(input.from);
  const lastMonday = mondayOf(input.to);
  const startMs = instantAt(firstMonday, 0, 0, ctx.timezone);
  const endMs = instantAt(addDays(lastMonday, 7), 0, 0, ctx.timezone);
  const timed = await planning.repository.timedPosts(startMs - windowMs, endMs + windowMs);

  const weeks: WeekGap[] = [];
  for (let monday = firstMonday; monday <= lastMonday; monday = addDays(monday, 7)) {
    const weekEnd = addDays(monday, 6);
    const weekStartMs = instantAt(monday, 0, 0, ctx.timezone);
    const weekEndMs = instantAt(addDays(monday, 7), 0, 0, ctx.timezone);
    const inWeek = timed.filter((p) => p.atMs >= weekStartMs && p.atMs < weekEndMs);
    const scheduled = inWeek.filter((p) => p.status === 'scheduled').length;
    const published = inWeek.filter((p) => p.status === 'published').length;
    const missing = Math.max(0, target - scheduled - published);
    const past = weekEndMs <= nowMs;
    const fromMs = Math.max(weekStartMs - 1, nowMs);
    const picked =
      missing > 0 && !past
        ? await suggestions(planning, ctx, timed, { fromMs, toMs: weekEndMs, count: missing }, windowMs)
        : [];
    const gap = { weekStart: monday, weekEnd, target, scheduled, published, missing, past, suggestions: picked };
    weeks.push({ ...gap, message: messageOf(gap) });
  }
  return { timezone: ctx.timezone, postsPerWeek: target, weeks };
}
