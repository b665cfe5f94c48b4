import { atLocalTime, DEFAULT_POSTING_TIME, moveToDay, moveToSlot, type DayKey } from './calendar-dates';

/** Where a post can be dropped: a day (month view), an hour slot (week view) or back to unscheduled. */
export type DropTarget =
  { kind: 'day'; day: DayKey } | { kind: 'slot'; day: DayKey; hour: number } | { kind: 'unscheduled' };

export const UNSCHEDULED_DROP_ID = 'unscheduled';

/** The droppable id of a target; parseDropId reverses it. */
export function dropId(target: DropTarget): string {
  if (target.kind === 'day') return `day:${target.day}`;
  if (target.kind === 'slot') return `slot:${target.day}:${String(target.hour).padStart(2, '0')}`;
  return UNSCHEDULED_DROP_ID;
}

export function parseDropId(id: string): DropTarget | null {
  if (id === UNSCHEDULED_DROP_ID) return { kind: 'unscheduled' };
  const day = /^day:(\d{4}-\d{2}-\d{2})$/u.exec(id);
  if (day?.[1]) return { kind: 'day', day: day[1] };
  const slot = /^slot:(\d{4}-\d{2}-\d{2}):(\d{2})$/u.exec(id);
  if (slot?.[1] && slot[2]) {
    const hour = Number(slot[2]);
    if (hour >= 0 && hour <= 23) return { kind: 'slot', day: slot[1], hour };
  }
  return null;
}

/**
 * The new scheduled time after a drop: a scheduled post keeps its local time of day (or its
 * minutes, in an hour slot); an unscheduled one gets the default time. `undefined` means nothing
 * changes, `null` takes the post off the calendar.
 */
export function scheduleAfterDrop(
  scheduledAt: string | null,
  target: DropTarget,
  timeZone: string,
  defaultTime: string = DEFAULT_POSTING_TIME,
): string | null | undefined {
  let next: string | null;
  if (target.kind === 'unscheduled') next = null;
  else if (target.kind === 'day') {
    next = scheduledAt ? moveToDay(scheduledAt, target.day, timeZone) : atLocalTime(target.day, defaultTime, timeZone);
  } else {
    const base = scheduledAt ?? atLocalTime(target.day, '00:00', timeZone);
    next = moveToSlot(base, target.day, target.hour, timeZone);
  }
  return sameInstant(next, scheduledAt) ? undefined : next;
}

function sameInstant(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return new Date(a).getTime() === new Date(b).getTime();
}
