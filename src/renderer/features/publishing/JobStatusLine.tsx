import { type FormEvent, useId, useState } from 'react';
import { PLATFORM_LABELS } from '../../../shared/domain/platform';
import type { PublishJob } from '../../../shared/domain/publishing';
import { Button } from '../../ui/Button';
import { PlatformBadge } from '../../ui/PlatformBadge';
import { useRelayStatus } from '../relay/relay.store';
import { runJobAction } from './job-actions';
import { actionLabel, jobLine, type JobAction } from './job-text';
import { defaultRescheduleInput, parseRescheduleInput, zoneOrLocal } from './reschedule-time';
import { ToneBadge } from './ToneBadge';

const TONE = { neutral: 'muted', busy: 'busy', good: 'good', bad: 'bad', warn: 'warn' } as const;
const ACTION_TEXT: Record<JobAction, string> = {
  retry: 'Retry',
  cancel: 'Cancel',
  'post-now': 'Post now',
  reschedule: 'Reschedule',
  'hand-to-relay': 'Hand to relay',
  'take-back': 'Take back',
};

/** One platform's job: its status in words, the link once published, and what can be done. */
export function JobStatusLine({ job, timeZone }: { job: PublishJob; timeZone?: string | undefined }) {
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState(false);
  const relay = useRelayStatus();
  const line = jobLine(job, timeZone, undefined, relay);
  const run = async (action: JobAction, at?: string): Promise<boolean> => {
    setBusy(true);
    try {
      return await runJobAction(job, action, at);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="flex flex-wrap items-center gap-2 py-2">
      <PlatformBadge platform={job.platform} />
      <span role="status" aria-label={`${PLATFORM_LABELS[job.platform]} publishing status`}>
        <ToneBadge tone={TONE[line.tone]}>{line.text}</ToneBadge>
      </span>
      {line.link && (
        <a
          href={line.link.href}
          target="_blank"
          rel="noopener noreferrer"
          className="text-sm font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
        >
          {line.link.label}
        </a>
      )}
      {line.actions.map((action) => (
        <Button
          key={action}
          size="sm"
          variant={action === 'cancel' ? 'ghost' : 'secondary'}
          disabled={busy}
          aria-label={actionLabel(action, job.platform)}
          aria-expanded={action === 'reschedule' ? picking : undefined}
          onClick={() => (action === 'reschedule' ? setPicking(!picking) : void run(action))}
        >
          {ACTION_TEXT[action]}
        </Button>
      ))}
      {picking && line.actions.includes('reschedule') && (
        <ReschedulePicker
          job={job}
          timeZone={zoneOrLocal(timeZone)}
          busy={busy}
          onCancel={() => setPicking(false)}
          onPick={async (at) => {
            if (await run('reschedule', at)) setPicking(false);
          }}
        />
      )}
    </li>
  );
}

/** A date and time in the creator's zone for a missed slot, checked before it is sent. */
function ReschedulePicker(props: {
  job: PublishJob;
  timeZone: string;
  busy: boolean;
  onCancel: () => void;
  onPick: (at: string) => Promise<void>;
}) {
  const { job, timeZone, busy } = props;
  const inputId = useId();
  const errorId = useId();
  const [value, setValue] = useState(() => defaultRescheduleInput(new Date(), timeZone));
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseRescheduleInput(value, timeZone, new Date());
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    void props.onPick(parsed.at);
  };
  return (
    <form onSubmit={submit} noValidate className="flex w-full flex-wrap items-end gap-2 pl-1">
      <div className="flex flex-col">
        <label htmlFor={inputId} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
          New time for {PLATFORM_LABELS[job.platform]} ({timeZone})
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
        {busy ? 'Rescheduling…' : 'Reschedule'}
      </Button>
      <Button size="sm" variant="ghost" disabled={busy} onClick={props.onCancel}>
        Keep it
      </Button>
      {error && (
        <p id={errorId} role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}
