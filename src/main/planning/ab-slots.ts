import type { FreeSlot } from '../../shared/domain/planning';
import { addDays } from './local-time';

export interface AbSlotChoice {
  strategy: 'same-slot-next-week' | 'adjacent-days';
  first: FreeSlot;
  second: FreeSlot;
  explanation: string;
}

interface Pair {
  first: FreeSlot;
  second: FreeSlot;
}

const SAME_SCORE = 1e-9;
const when = (s: FreeSlot): string => `${s.label} on ${s.day}`;
const scoreText = (score: number | null): string => (score === null ? 'not a best time' : `score ${score.toFixed(2)}`);

/** The earliest free slot whose same local weekday and time a week later is free too. */
function sameSlotNextWeek(free: readonly FreeSlot[]): Pair | null {
  const byWallTime = new Map(free.map((s) => [`${s.day}|${s.time}`, s]));
  for (const first of free) {
    const second = byWallTime.get(`${addDays(first.day, 7)}|${first.time}`);
    if (second) return { first, second };
  }
  return null;
}

/** Free slots on consecutive days with the same best-time score: the highest score, then the earliest. */
function adjacentDays(free: readonly FreeSlot[]): Pair | null {
  let best: Pair | null = null;
  for (const first of free) {
    if (first.score === null) continue;
    const next = addDays(first.day, 1);
    const second = free.find(
      (s) => s.day === next && s.score !== null && Math.abs(s.score - (first.score as number)) < SAME_SCORE,
    );
    if (!second) continue;
    if (best === null || (first.score as number) > (best.first.score as number) + SAME_SCORE) best = { first, second };
  }
  return best;
}

/**
 * Two comparable slots for an A/B pair from a platform's free slots (soonest first). The same
 * weekday and time a week apart is the fairest comparison (only the week differs) and wins ties;
 * two equally rated best-time slots on adjacent days win when they rate higher than the weekly
 * pair, or when both are out before the weekly pair could even start.
 */
export function chooseAbSlots(free: readonly FreeSlot[]): AbSlotChoice | null {
  const weekly = sameSlotNextWeek(free);
  const adjacent = adjacentDays(free);
  const weeklyText = weekly
    ? `Same weekday and time a week apart (${when(weekly.first)} and ${weekly.second.day}): only the week differs, the fairest comparison.`
    : '';
  if (weekly && !adjacent) return { strategy: 'same-slot-next-week', ...weekly, explanation: weeklyText };
  if (!adjacent) return null;
  const adjacentText = `Two slots with the same best-time score (${(adjacent.first.score as number).toFixed(2)}) on adjacent days (${when(adjacent.first)} and ${when(adjacent.second)})`;
  if (!weekly) {
    return {
      strategy: 'adjacent-days',
      ...adjacent,
      explanation: `${adjacentText}: no slot was free at the same weekday and time a week apart.`,
    };
  }
  const weeklyScore = weekly.first.score ?? Number.NEGATIVE_INFINITY;
  const adjacentScore = adjacent.first.score as number;
  if (adjacentScore > weeklyScore + SAME_SCORE) {
    return {
      strategy: 'adjacent-days',
      ...adjacent,
      explanation: `${adjacentText}: they rate higher than the first slot free a week apart (${when(weekly.first)}, ${scoreText(weekly.first.score)}).`,
    };
  }
  if (adjacentScore > weeklyScore - SAME_SCORE && adjacent.second.at < weekly.first.at) {
    return {
      strategy: 'adjacent-days',
      ...adjacent,
      explanation: `${adjacentText}: both are out before the first slot free a week apart (${when(weekly.first)}) even comes.`,
    };
  }
  return { strategy: 'same-slot-next-week', ...weekly, explanation: weeklyText };
}
