import type { WeeklySlot } from '../../../shared/domain/planning';

/** `HH:MM` for a slot's time input. */
export function slotTime(slot: Pick<WeeklySlot, 'hour' | 'minute'>): string {
  return `${String(slot.hour).padStart(2, '0')}:${String(slot.minute).padStart(2, '0')}`;
}

/** A time input's `HH:MM` as hour and minute, or null while it is incomplete. */
export function parseSlotTime(value: string): Pick<WeeklySlot, 'hour' | 'minute'> | null {
  const match = /^(\d{2}):(\d{2})$/u.exec(value);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

/** Slots in week order (Monday first, then by time), as the editor lists them. */
export function sortSlots(slots: readonly WeeklySlot[]): WeeklySlot[] {
  return [...slots].sort((a, b) => a.weekday - b.weekday || a.hour - b.hour || a.minute - b.minute);
}

/** A new slot for "Add slot": the day after the last one at its time, else Monday 09:00. */
export function nextSlot(slots: readonly WeeklySlot[]): WeeklySlot {
  const last = sortSlots(slots).at(-1);
  if (!last) return { weekday: 0, hour: 9, minute: 0 };
  return { weekday: (last.weekday + 1) % 7, hour: last.hour, minute: last.minute };
}
