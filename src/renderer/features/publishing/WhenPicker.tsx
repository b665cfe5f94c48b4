import { type FormEvent, useEffect, useId, useState } from 'react';
import { PLATFORM_LABELS } from '../../../shared/domain/platform';
import type { PublishJob } from '../../../shared/domain/publishing';
import { Button } from '../../ui/Button';
import { nextSlot } from './queries';
import { defaultRescheduleInput, parseRescheduleInput } from './reschedule-time';
import { type NextSlot, quickChoices, whenText, type WhenMode } from './when-choices';

export interface WhenPickerProps {
  job: PublishJob;
  mode: WhenMode;
  /** The creator's zone: the picked wall time is read in it. */
  timeZone: string;
  busy: boolean;
  onCancel: () => void;
  /** `at` null: now; else the chosen instant (checked to lie ahead before it gets here). */
  onPick: (at: string | null) => Promise<void>;
}

/**
 * When to retry a job or send a missed slot: now, or a date and time in the creator's zone, with
 * quick choices (in one hour, the platform's next free slot). The time is checked before sending.
 */
export function WhenPicker({ job, mode, timeZone, busy, onCancel, onPick }: WhenPickerProps) {
  const inputId = useId();
  const errorId = useId();
  const [value, setValue] = useState(() => defaultRescheduleInput(new Date(), timeZone));
  const [error, setError] = useState<string | null>(null);
  const [slot, setSlot] = useState<NextSlot | null>(null);
  const text = whenText(mode, PLATFORM_LABELS[job.platform], timeZone);

  useEffect(() => {
    let live = true;
    void nextSlot(job.platform).then((found) => {
      if (live) setSlot(found);
    });
    return () => {
      live = false;
    };
  }, [job.platform]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseRescheduleInput(value, timeZone, new Date());
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    void onPick(parsed.at);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={text.title} className="flex w-full flex-wrap items-end gap-2 pl-1">
      <div className="flex flex-col">
        <label htmlFor={inputId} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
          {text.field}
        </label>
        <input
          id={inputId}
          type="datetime-local"
          required
          value={value}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setValue(event.target.value)}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-900"
        />
      </div>
      <Button size="sm" type="submit" variant="primary" disabled={busy}>
        {busy ? text.busy : text.submit}
      </Button>
      <Button size="sm" variant="secondary" disabled={busy} onClick={() => void onPick(null)}>
        {text.now}
      </Button>
      <Button size="sm" variant="ghost" disabled={busy} onClick={onCancel}>
        Keep it
      </Button>
      <div role="group" aria-label="Quick choices" className="flex w-full flex-wrap gap-2">
        {quickChoices(new Date(), timeZone, slot).map((choice) => (
          <Button
            key={choice.id}
            size="sm"
            variant="ghost"
            disabled={busy}
            onClick={() => {
              setValue(choice.input);
              setError(null);
            }}
          >
            {choice.label}
          </Button>
        ))}
      </div>
      {error && (
        <p id={errorId} role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}
