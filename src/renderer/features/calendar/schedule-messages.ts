import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** The toast after a move, e.g. "“Launch” scheduled for Tue, Dec 1 at 9:00 AM". */
export function describeMove(title: string, scheduledAt: string | null, timeZone: string): string {
  if (!scheduledAt) return `“${title}” moved to Unscheduled`;
  const local = new TZDate(new Date(scheduledAt).getTime(), timeZone);
  return `“${title}” scheduled for ${format(local, "EEE, MMM d 'at' h:mm a")}`;
}
