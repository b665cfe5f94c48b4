import type { BestTimes, BestTimeSlot } from '../../shared/domain/analytics';
import type { PlanningSlot, PlatformSlots, WeeklySlot } from '../../shared/domain/planning';
import type { Cadence } from '../../shared/domain/profile';
import { WEEKDAYS } from '../../shared/domain/profile';
import { getPlatformLimit } from '../../shared/platforms';
import { slotLabel } from './local-time';

const EVIDENCE_TEXT: Record<BestTimeSlot['source'], string> = {
  yours: 'your posts',
  blended: 'your posts and published studies',
  default: 'published studies',
};

const byTime = (a: PlanningSlot, b: PlanningSlot): number =>
  a.weekday - b.weekday || a.hour - b.hour || a.minute - b.minute;

function fromBestTime(weekday: number, best: BestTimeSlot, origin: 'best-time' | 'best-hour'): PlanningSlot {
  const evidence = EVIDENCE_TEXT[best.source];
  return {
    weekday,
    hour: best.hour,
    minute: 0,
    label: slotLabel(weekday, best.hour, 0),
    origin,
    evidence: best.source,
    // A borrowed hour is no measured best time on this weekday, so it has no score here.
    score: origin === 'best-time' ? best.score : null,
    why:
      origin === 'best-time'
        ? `a best time from ${evidence}`
        : `one of your cadence days, at a best hour from ${evidence}`,
  };
}

/**
 * Suggested weekly slots: each cadence day gets ⌈posts per week ÷ cadence days⌉ hours, first its
 * own best times (best score first), then the best hours of other days, so every planned day has a
 * slot even when the studies never rate that weekday. Without a profile, the best times themselves.
 */
export function suggestedSlots(best: BestTimes, cadence: Cadence | null): PlanningSlot[] {
  if (cadence === null) return best.slots.map((s) => fromBestTime(s.weekday, s, 'best-time')).sort(byTime);
  const days = [...new Set(cadence.days.map((d) => WEEKDAYS.indexOf(d)))].sort((a, b) => a - b);
  const perDay = Math.min(24, Math.ceil(cadence.postsPerWeek / days.length));
  // best.slots is sorted best first, so the first slot seen for an hour is its best.
  const bestHours = new Map<number, BestTimeSlot>();
  for (const s of best.slots) if (!bestHours.has(s.hour)) bestHours.set(s.hour, s);
  const out: PlanningSlot[] = [];
  for (const weekday of days) {
    const chosen = new Set<number>();
    for (const s of best.slots) {
      if (chosen.size >= perDay) break;
      if (s.weekday !== weekday || chosen.has(s.hour)) continue;
      chosen.add(s.hour);
      out.push(fromBestTime(weekday, s, 'best-time'));
    }
    for (const [hour, s] of bestHours) {
      if (chosen.size >= perDay) break;
      if (chosen.has(hour)) continue;
      chosen.add(hour);
      out.push(fromBestTime(weekday, s, 'best-hour'));
    }
  }
  return out.sort(byTime);
}

/** The creator's own slots, each marked with the best time it matches, if any. */
export function customSlots(slots: readonly WeeklySlot[], best: BestTimes): PlanningSlot[] {
  return slots
    .map((slot): PlanningSlot => {
      const match = best.slots.find((s) => s.weekday === slot.weekday && s.hour === slot.hour);
      return {
        weekday: slot.weekday,
        hour: slot.hour,
        minute: slot.minute,
        label: slotLabel(slot.weekday, slot.hour, slot.minute),
        origin: 'custom',
        evidence: match?.source ?? null,
        score: match?.score ?? null,
        why: match ? `one of your slots, also a best time from ${EVIDENCE_TEXT[match.source]}` : 'one of your slots',
      };
    })
    .sort(byTime);
}

/** One platform's slots with a note on how they were chosen. */
export function platformSlots(
  best: BestTimes,
  cadence: Cadence | null,
  custom: readonly WeeklySlot[] | null,
): PlatformSlots {
  const name = getPlatformLimit(best.platform).displayName;
  if (custom !== null) {
    return { platform: best.platform, custom: true, slots: customSlots(custom, best), note: `Your own ${name} slots.` };
  }
  const slots = suggestedSlots(best, cadence);
  let note: string;
  if (slots.length === 0) note = `No best times are known for ${name} yet: add your own slots.`;
  else if (cadence === null) note = `${name}'s best times. ${best.note}`;
  else {
    const days = cadence.days.map((d) => d.charAt(0).toUpperCase() + d.slice(1)).join(', ');
    note = `Your cadence days (${days}) at ${name}'s best hours. ${best.note}`;
  }
  return { platform: best.platform, custom: false, slots, note };
}
