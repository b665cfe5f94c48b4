import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * "Scheduled for Tue, Dec 1 at 9:00" in the creator's time zone (24-hour clock, which reads the
 * same everywhere; the weekday comes first because that is what people plan by).
 */
export function scheduledText(scheduledAt: string, timeZone: string): string {
  const local = new TZDate(new Date(scheduledAt).getTime(), timeZone);
  return `Scheduled for ${format(local, "EEE, MMM d 'at' H:mm")}`;
}

/** The calendar day (YYYY-MM-DD) the post lands on, for the link to the calendar. */
export function scheduledDay(scheduledAt: string, timeZone: string): string {
  return format(new TZDate(new Date(scheduledAt).getTime(), timeZone), 'yyyy-MM-dd');
}
