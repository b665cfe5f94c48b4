import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { formatDateTime } from '../../ui/format';
import { JOB_STATUS_LABELS, progressSentence } from './bulk-text';
import { useBulk } from './bulk.store';
import { describeJobRequest } from './request-form';

/** Earlier jobs (newest first), each openable to see its items and posts. */
export function BulkJobList() {
  const jobs = useBulk((state) => state.jobs);
  const shownId = useBulk((state) => state.detail?.job.id);
  const openJob = useBulk((state) => state.openJob);
  if (jobs.length === 0) return null;
  return (
    <Card title="Jobs">
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {jobs.map((job) => (
          <li key={job.id} className="flex flex-wrap items-center justify-between gap-3 py-2.5 text-sm">
            <div className="min-w-0">
              <p className="font-medium text-zinc-900 dark:text-zinc-100">{describeJobRequest(job.request)}</p>
              <p className="text-zinc-500 dark:text-zinc-400">
                {JOB_STATUS_LABELS[job.status]} · {progressSentence(job.counts)} ·{' '}
                {formatDateTime(job.createdAt, job.timezone)}
              </p>
            </div>
            {job.id === shownId ? (
              <span className="text-xs font-medium text-indigo-700 dark:text-indigo-300">Shown above</span>
            ) : (
              <Button
                size="sm"
                onClick={() => void openJob(job.id)}
                aria-label={`Open job: ${describeJobRequest(job.request)}, ${formatDateTime(job.createdAt, job.timezone)}`}
              >
                Open
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
