import type { Platform } from '../../shared/domain/platform';
import type { FreeSlot, PlanningSlot } from '../../shared/domain/planning';
import { addDays, clockText, instantAt, localTime, slotLabel, weekdayOf } from './local-time';

/** A weekly slot on one date. */
export interface SlotOccurrence {
  atMs: number;
  slot: PlanningSlot;
}

/**
 * Every dated occurrence of the weekly slots strictly between fromMs and toMs, in time order.
 * Days are walked as calendar dates and each wall time is turned into an instant in the zone, so
 * "Tuesday 09:00" stays 09:00 local across DST changes. Two slots landing on the same instant (a
 * spring-forward gap moves 02:00 onto 03:00) count once.
 */
export function slotOccurrences(
  slots: readonly PlanningSlot[],
  timezone: string,
  fromMs: number,
  toMs: number,
): SlotOccurrence[] {
  if (slots.length === 0 || toMs <= fromMs) return [];
  const lastDay = addDays(localTime(toMs, timezone).day, 1);
  const seen = new Set<number>();
  const out: SlotOccurrence[] = [];
  for (let day = addDays(localTime(fromMs, timezone).day, -1); day <= lastDay; day = addDays(day, 1)) {
    const weekday = weekdayOf(day);
    for (const slot of slots) {
      if (slot.weekday !== weekday) continue;
      const atMs = instantAt(day, slot.hour, slot.minute, timezone);
      if (atMs <= fromMs || atMs >= toMs || seen.has(atMs)) continue;
      seen.add(atMs);
      out.push({ atMs, slot });
    }
  }
  return out.sort((a, b) => a.atMs - b.atMs);
}

/** True when no taken time is less than windowMs away from atMs. */
export function isFree(atMs: number, takenMs: readonly number[], windowMs: number): boolean {
  return !takenMs.some((t) => Math.abs(t - atMs) < windowMs);
}

/** A dated slot as the contract returns it; the label is the real local time (after any DST shift). */
export function toFreeSlot(platform: Platform, occurrence: SlotOccurrence, timezone: string): FreeSlot {
  const local = localTime(occurrence.atMs, timezone);
  const label = slotLabel(local.weekday, local.hour, local.minute);
  const { slot } = occurrence;
  return {
    platform,
    at: new Date(occurrence.atMs).toISOString(),
    day: local.day,
    weekday: local.weekday,
    time: clockText(local.hour, local.minute),
    label,
    origin: slot.origin,
    evidence: slot.evidence,
    score: slot.score,
    why: slot.why,
    reason: `${label} — ${slot.why}`,
  };
}

export interface FreeSlotQuery {
  platform: Platform;
  slots: readonly PlanningSlot[];
  timezone: string;
  fromMs: number;
  toMs: number;
  /** Times of the platform's posts (scheduled or published). */
  takenMs: readonly number[];
  windowMs: number;
  /** Stop after this many (default: all). */
  limit?: number;
}

/** The platform's free dated slots in (fromMs, toMs), soonest first. */
export function freeSlots(q: FreeSlotQuery): FreeSlot[] {
  const out: FreeSlot[] = [];
  for (const occurrence of slotOccurrences(q.slots, q.timezone, q.fromMs, q.toMs)) {
    if (!isFree(occurrence.atMs, q.takenMs, q.windowMs)) continue;
    out.push(toFreeSlot(q.platform, occurrence, q.timezone));
    if (q.limit !== undefined && out.length >= q.limit) break;
  }
  return out;
}
