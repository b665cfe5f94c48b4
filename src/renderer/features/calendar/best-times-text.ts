import type { BestTimeSlot } from '../../../shared/domain/analytics';

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SOURCE_TEXT: Record<BestTimeSlot['source'], string> = {
  yours: 'from your posts',
  blended: 'your posts and published studies',
  default: 'published studies',
};

/** "Tuesday 09:00" for a slot (weekday 0 = Monday, hour in the creator's time zone). */
export function slotLabel(slot: Pick<BestTimeSlot, 'weekday' | 'hour'>): string {
  return `${WEEKDAY_NAMES[slot.weekday] ?? '?'} ${String(slot.hour).padStart(2, '0')}:00`;
}

/** Where a slot's advice comes from, with how many of the creator's posts back it. */
export function slotSourceText(slot: Pick<BestTimeSlot, 'source' | 'posts'>): string {
  const base = SOURCE_TEXT[slot.source];
  if (slot.posts === 0) return base;
  return `${base} · ${slot.posts} post${slot.posts === 1 ? '' : 's'}`;
}
