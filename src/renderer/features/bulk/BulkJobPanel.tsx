import { useId } from 'react';
import type { BulkJobDetail } from '../../../shared/domain/bulk';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { formatDateTime } from '../../ui/format';
import {
  finishedCount,
  isLiveJob,
  JOB_STATUS_LABELS,
  progressPercent,
  progressSentence,
  retryFailedLabel,
  topicsNotice,
} from './bulk-text';
import { useBulk } from './bulk.store';
import { BulkItemsTable } from './BulkItemsTable';
import { BulkPlanTable } from './BulkPlanTable';
import { describeJobRequest } from './request-form';

/** One job: the editable plan before it starts, then progress, controls and every item's status. */
export function BulkJobPanel({ detail }: { detail: BulkJobDetail }) {
  const { job, items } = detail;
  const newRequest = useBulk((state) => state.newRequest);
  const notice = topicsNotice(job.topics, job.status === 'planned');

  return (
    <Card
      title={job.status === 'planned' ? 'Your plan' : 'Generation'}
      actions={
        <Button size="sm" variant="ghost" onClick={newRequest}>
          {isLiveJob(job.status) && job.status !== 'planned' ? 'Plan another batch' : 'New request'}
        </Button>
      }
    >
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {describeJobRequest(job.request)}
        <span className="text-zinc-500 dark:text-zinc-400">
          {' '}
          · created {formatDateTime(job.createdAt, job.timezone)}
        </span>
      </p>
      <p className="mt-1 text-sm">
        <span className="font-medium text-zinc-900 dark:text-zinc-100">{JOB_STATUS_LABELS[job.status]}</span>
        <span className="text-zinc-500 dark:text-zinc-400"> · times in {job.timezone}</span>
      </p>
      {notice && (
        <p
          role="note"
          className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-100"
        >
          <strong className="font-semibold">Topics not written by the AI. </strong>
          {notice}
        </p>
      )}
      {job.status === 'planned' ? <PlannedJob detail={detail} /> : <RunningJob detail={detail} />}
      {items.length === 0 && (
        <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">
          The plan is empty. Start a new request with more weeks or posts per week.
        </p>
      )}
    </Card>
  );
}

function PlannedJob({ detail }: { detail: BulkJobDetail }) {
  const act = useBulk((state) => state.act);
  const acting = useBulk((state) => state.acting);
  const count = detail.items.length;
  return (
    <>
      <BulkPlanTable items={detail.items} timeZone={detail.job.timezone} />
      <div className="mt-4 flex flex-wrap items-center justify-end gap-2">
        <Button variant="ghost" disabled={acting !== null} onClick={() => void act('bulk:cancel')}>
          {acting === 'bulk:cancel' ? 'Discarding…' : 'Discard plan'}
        </Button>
        <Button variant="primary" disabled={acting !== null || count === 0} onClick={() => void act('bulk:start')}>
          {acting === 'bulk:start' ? 'Starting…' : `Generate ${count} ${count === 1 ? 'post' : 'posts'}`}
        </Button>
      </div>
    </>
  );
}

function RunningJob({ detail }: { detail: BulkJobDetail }) {
  const { job, items } = detail;
  const progress = useBulk((state) => state.progress);
  const act = useBulk((state) => state.act);
  const acting = useBulk((state) => state.acting);
  const detailsId = useId();
  // The job's counts are the database's truth; a progress event may be newer while running.
  const done = progress && job.status === 'running' ? progress.done : finishedCount(job.counts);
  const total = progress && job.status === 'running' ? progress.total : job.counts.total;
  const percent = progressPercent(done, total);
  const retryLabel = retryFailedLabel(job);

  return (
    <div className="mt-4 space-y-4">
      <div className="rounded-lg border border-indigo-200 bg-indigo-50/60 p-4 dark:border-indigo-500/30 dark:bg-indigo-500/10">
        <progress
          aria-label="Bulk generation progress"
          aria-describedby={detailsId}
          max={100}
          value={percent}
          className="h-2 w-full overflow-hidden rounded-full bg-indigo-100 accent-indigo-600 dark:bg-indigo-950 [&::-moz-progress-bar]:bg-indigo-600 [&::-webkit-progress-bar]:bg-indigo-100 dark:[&::-webkit-progress-bar]:bg-indigo-950 [&::-webkit-progress-value]:rounded-full [&::-webkit-progress-value]:bg-indigo-600 dark:[&::-webkit-progress-value]:bg-indigo-400"
        />
        <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
          <p id={detailsId} aria-live="polite" className="text-sm text-zinc-700 tabular-nums dark:text-zinc-300">
            {percent}% · {progressSentence(job.counts)}
          </p>
          {(isLiveJob(job.status) || retryLabel) && (
            <div className="flex gap-2">
              {retryLabel && (
                <Button size="sm" disabled={acting !== null} onClick={() => void act('bulk:retry-failed')}>
                  {acting === 'bulk:retry-failed' ? 'Retrying…' : retryLabel}
                </Button>
              )}
              {job.status === 'running' && (
                <Button size="sm" disabled={acting !== null} onClick={() => void act('bulk:pause')}>
                  {acting === 'bulk:pause' ? 'Pausing…' : 'Pause'}
                </Button>
              )}
              {job.status === 'paused' && (
                <Button size="sm" variant="primary" disabled={acting !== null} onClick={() => void act('bulk:resume')}>
                  {acting === 'bulk:resume' ? 'Resuming…' : 'Resume'}
                </Button>
              )}
              {isLiveJob(job.status) && (
                <Button size="sm" variant="ghost" disabled={acting !== null} onClick={() => void act('bulk:cancel')}>
                  {acting === 'bulk:cancel' ? 'Cancelling…' : 'Cancel'}
                </Button>
              )}
            </div>
          )}
        </div>
        {job.status === 'paused' && (
          <p className="mt-1 text-sm text-indigo-900 dark:text-indigo-100">
            Paused. Posts already written are kept; Resume continues with the rest.
          </p>
        )}
      </div>
      <BulkItemsTable items={items} timeZone={job.timezone} />
    </div>
  );
}
