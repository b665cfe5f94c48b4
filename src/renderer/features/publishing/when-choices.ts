import type { JobAction } from './job-text';
import { toLocalInput } from './reschedule-time';

/** What the time picker was opened for: a failed/cancelled job's retry, or a missed slot's reschedule. */
export type WhenMode = 'retry' | 'reschedule';

/** A platform's next free posting slot as planning gives it (`planning:next-free-slot`). */
export interface NextSlot {
  at: string;
  /** "Tuesday 09:00". */
  label: string;
}

/** A quick choice that fills the picker's date and time (`input` is a `datetime-local` value). */
export interface QuickChoice {
  id: 'in-1h' | 'next-slot';
  label: string;
  input: string;
}

/** The picker's words for each mode: its name, its field label, the send-now button and the send-at-time button. */
export function whenText(mode: WhenMode, platformLabel: string, timeZone: string) {
  return mode === 'retry'
    ? {
        title: `When to retry on ${platformLabel}`,
        field: `Retry on ${platformLabel} at (${timeZone})`,
        now: 'Retry now',
        submit: 'Retry at this time',
        busy: 'Retrying…',
      }
    : {
        title: `When to post on ${platformLabel}`,
        field: `New time for ${platformLabel} (${timeZone})`,
        now: 'Post now',
        submit: 'Reschedule',
        busy: 'Rescheduling…',
      };
}

/**
 * The quick choices beside the picker: in one hour (rounded up to the next whole minute, so the
 * `datetime-local` value is never before it), and the platform's next free slot when planning has
 * one that lies ahead and differs from the first choice.
 */
export function quickChoices(now: Date, timeZone: string, nextSlot: NextSlot | null): QuickChoice[] {
  const inAnHour = new Date(Math.ceil((now.getTime() + 60 * 60_000) / 60_000) * 60_000).toISOString();
  const choices: QuickChoice[] = [{ id: 'in-1h', label: 'In 1 hour', input: toLocalInput(inAnHour, timeZone) }];
  if (nextSlot && Date.parse(nextSlot.at) > now.getTime()) {
    const input = toLocalInput(nextSlot.at, timeZone);
    if (input !== choices[0]!.input) {
      choices.push({ id: 'next-slot', label: `Next best slot: ${nextSlot.label}`, input });
    }
  }
  return choices;
}

/**
 * The channel call behind a choice: "now" retries now or posts a missed slot now; a picked time
 * retries at it or reschedules to it.
 */
export function actionFor(mode: WhenMode, at: string | null): { action: JobAction; at?: string } {
  if (mode === 'retry') return at === null ? { action: 'retry' } : { action: 'retry', at };
  return at === null ? { action: 'post-now' } : { action: 'reschedule', at };
}
