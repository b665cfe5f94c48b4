import { useState } from 'react';
import { PLATFORM_LABELS } from '../../../shared/domain/platform';
import type { PublishJob } from '../../../shared/domain/publishing';
import { Button } from '../../ui/Button';
import { PlatformBadge } from '../../ui/PlatformBadge';
import { runJobAction } from './job-actions';
import { actionLabel, jobLine, type JobAction } from './job-text';
import { ToneBadge } from './ToneBadge';

const TONE = { neutral: 'muted', busy: 'busy', good: 'good', bad: 'bad', warn: 'warn' } as const;
const ACTION_TEXT: Record<JobAction, string> = {
  retry: 'Retry',
  cancel: 'Cancel',
  'post-now': 'Post now',
  reschedule: 'Reschedule',
};

/** One platform's job: its status in words, the link once published, and what can be done. */
export function JobStatusLine({ job, timeZone }: { job: PublishJob; timeZone?: string | undefined }) {
  const [busy, setBusy] = useState(false);
  const line = jobLine(job, timeZone);
  const run = async (action: JobAction) => {
    setBusy(true);
    try {
      await runJobAction(job, action);
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
          onClick={() => void run(action)}
        >
          {ACTION_TEXT[action]}
        </Button>
      ))}
    </li>
  );
}
