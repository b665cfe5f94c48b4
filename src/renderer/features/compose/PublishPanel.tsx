import { useEffect, useId } from 'react';
import { getClient } from '../../client/client';
import { Button } from '../../ui/Button';
import { JobStatusLine } from '../publishing/JobStatusLine';
import { PostMetricsPanel } from '../publishing/PostMetricsPanel';
import { usePostPublishing } from '../publishing/post-publishing.store';
import { useCompose } from './compose.store';

/** Compose's "Publishing" and "Metrics" regions for the open post. */
export function PublishPanel() {
  const postId = useCompose((s) => s.postId);
  const timeZone = useCompose((s) => s.timezone);
  const jobs = usePostPublishing((s) => s.jobs);
  const publishing = usePostPublishing((s) => s.publishing);
  const refusal = usePostPublishing((s) => s.refusal);
  const error = usePostPublishing((s) => s.error);
  const refreshing = usePostPublishing((s) => s.refreshing);
  const refreshNote = usePostPublishing((s) => s.refreshNote);
  const publishingId = useId();
  const metricsId = useId();

  useEffect(() => {
    const { open, reload } = usePostPublishing.getState();
    void open(postId);
    if (!postId) return;
    const client = getClient();
    const offs = [
      client.on('publishing:changed', ({ postIds }) => {
        if (postIds.includes(postId)) void reload();
      }),
      client.on('analytics:changed', () => void reload()),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [postId]);

  if (!postId) return null;
  return (
    <div className="space-y-6">
      <section aria-labelledby={publishingId} className="space-y-3">
        <div className="flex items-center justify-between gap-2">
          <h2 id={publishingId} className="text-sm font-semibold">
            Publishing
          </h2>
          <Button
            size="sm"
            variant="primary"
            disabled={publishing}
            onClick={() => void usePostPublishing.getState().publish()}
          >
            Publish now
          </Button>
        </div>
        {jobs.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">Not queued. Schedule the post or publish it now.</p>
        ) : (
          <ul aria-label="Publishing status by platform">
            {jobs.map((job) => (
              <JobStatusLine key={job.id} job={job} timeZone={timeZone} />
            ))}
          </ul>
        )}
        {refusal && (
          <div role="alert" className="text-sm text-red-700 dark:text-red-400">
            <p>{refusal.message}</p>
            {refusal.findings.length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {refusal.findings.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {error && <p className="text-sm text-red-700 dark:text-red-400">{error}</p>}
      </section>
      <section aria-labelledby={metricsId} className="space-y-3">
        <div className="flex items-center justify-between gap-2">
          <h2 id={metricsId} className="text-sm font-semibold">
            Metrics
          </h2>
          <Button size="sm" disabled={refreshing} onClick={() => void usePostPublishing.getState().refreshMetrics()}>
            Refresh metrics
          </Button>
        </div>
        {refreshNote && (
          <p role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
            {refreshNote}
          </p>
        )}
        <PostMetricsPanel />
      </section>
    </div>
  );
}
