import { useEffect } from 'react';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { Spinner } from '../../ui/Spinner';
import { useBulk } from './bulk.store';
import { BulkJobList } from './BulkJobList';
import { BulkJobPanel } from './BulkJobPanel';
import { BulkRequestForm } from './BulkRequestForm';

/**
 * Bulk generation: ask for "a month of posts for LinkedIn and X about <niche>", edit the plan,
 * generate it with progress. A running job is found again after a reload or a restart.
 */
export default function BulkPage() {
  const start = useBulk((state) => state.start);
  const load = useBulk((state) => state.load);
  const error = useBulk((state) => state.error);
  const detail = useBulk((state) => state.detail);
  useEffect(() => start(), [start]);

  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <PageHeader
        title="Bulk generation"
        description="Plan weeks of posts from your cadence, check the plan, then let the AI write them as drafts."
      />
      {load === 'loading' && <Spinner label="Loading bulk jobs…" />}
      {load === 'error' && (
        <div
          role="alert"
          className="rounded-xl border border-red-200 bg-red-50 p-6 text-sm dark:border-red-900 dark:bg-red-950/40"
        >
          <p className="font-medium text-red-800 dark:text-red-200">Could not load bulk jobs</p>
          <p className="mt-1 text-red-700 dark:text-red-300">{error}</p>
          <Button size="sm" className="mt-3" onClick={() => window.location.reload()}>
            Reload the page
          </Button>
        </div>
      )}
      {load === 'ready' && (detail ? <BulkJobPanel detail={detail} /> : <BulkRequestForm />)}
      {load === 'ready' && <BulkJobList />}
    </div>
  );
}
