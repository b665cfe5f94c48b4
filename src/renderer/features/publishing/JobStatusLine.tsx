import { useState } from 'react';
import { PLATFORM_LABELS } from '../../../shared/domain/platform';
import type { PublishJob } from '../../../shared/domain/publishing';
import { Button } from '../../ui/Button';
import { PlatformBadge } from '../../ui/PlatformBadge';
import { useRelayStatus } from '../relay/relay.store';
import { runJobAction } from './job-actions';
import { actionLabel, jobLine, type JobAction } from './job-text';
import { zoneOrLocal } from './reschedule-time';
import { ToneBadge } from './ToneBadge';
import { actionFor, type WhenMode } from './when-choices';
import { WhenPicker } from './WhenPicker';

const TONE = { neutral: 'muted', busy: 'busy', good: 'good', bad: 'bad', warn: 'warn' } as const;
const ACTION_TEXT: Record<JobAction, string> = {
  retry: 'Retry…',
  cancel: 'Cancel',
  'post-now': 'Post now',
  reschedule: 'Reschedule…',
  'hand-to-relay': 'Hand to relay',
  'take-back': 'Take back',
};

/** One platform's job: its status in words, the link once published, and what can be done. */
export function JobStatusLine({ job, timeZone }: { job: PublishJob; timeZone?: string | undefined }) {
  const [busy, setBusy] = useState(false);
  /** The open time picker: a retry's or a missed slot's; null when closed. */
  const [picking, setPicking] = useState<WhenMode | null>(null);
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
      {line.actions.map((action) => {
        const mode = pickerMode(action);
        return (
          <Button
            key={action}
            size="sm"
            variant={action === 'cancel' ? 'ghost' : 'secondary'}
            disabled={busy}
            aria-label={actionLabel(action, job.platform)}
            aria-expanded={mode ? picking === mode : undefined}
            onClick={() => (mode ? setPicking(picking === mode ? null : mode) : void run(action))}
          >
            {ACTION_TEXT[action]}
          </Button>
        );
      })}
      {picking && line.actions.includes(picking) && (
        <WhenPicker
          job={job}
          mode={picking}
          timeZone={zoneOrLocal(timeZone)}
          busy={busy}
          onCancel={() => setPicking(null)}
          onPick={async (at) => {
            const call = actionFor(picking, at);
            if (await run(call.action, call.at)) setPicking(null);
          }}
        />
      )}
    </li>
  );
}

/** The actions that open the time picker first ("Retry…", "Reschedule…"). */
function pickerMode(action: JobAction): WhenMode | null {
  return action === 'retry' || action === 'reschedule' ? action : null;
}
