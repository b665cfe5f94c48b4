import { useEffect } from 'react';
import { Button } from '../../ui/Button';
import { formatDateTime, formatRelative } from '../../ui/format';
import { STATUS_LABELS } from '../../ui/postStatus';
import { useCompose } from './compose.store';
import { previewText } from './draft';
import { useRevisions } from './revisions.store';

/** Every saved version of the post, newest first, each restorable. */
export function RevisionPanel() {
  const postId = useCompose((s) => s.postId);
  const version = useCompose((s) => s.version);
  const { items, status, error, restoringId, load, restore } = useRevisions();

  useEffect(() => {
    if (postId) void load(postId);
  }, [postId, version, load]);

  return (
    <section aria-labelledby="compose-history-title" className="space-y-3">
      <h3 id="compose-history-title" className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        Revision history
      </h3>
      {!postId && (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Versions appear here once you start writing.</p>
      )}
      {postId && status === 'loading' && <p className="text-sm text-zinc-500">Loading versions…</p>}
      {postId && status === 'error' && <p className="text-sm text-red-600 dark:text-red-400">{error}</p>}
      {postId && items.length > 0 && (
        <ol className="max-h-96 space-y-2 overflow-y-auto pr-1">
          {items.map((revision) => {
            const current = revision.version === version;
            return (
              <li
                key={revision.id}
                className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800"
                aria-label={`Version ${revision.version}`}
              >
                <div className="flex items-center justify-between gap-2">
                  <span className="font-medium text-zinc-800 dark:text-zinc-200">
                    Version {revision.version}
                    {current && (
                      <span className="ml-2 text-xs font-normal text-emerald-600 dark:text-emerald-400">current</span>
                    )}
                  </span>
                  <time
                    dateTime={revision.createdAt}
                    title={formatDateTime(revision.createdAt)}
                    className="text-xs text-zinc-500 dark:text-zinc-400"
                  >
                    {formatRelative(revision.createdAt)}
                  </time>
                </div>
                <p className="mt-1 line-clamp-2 text-zinc-600 dark:text-zinc-400">{previewText(revision)}</p>
                <div className="mt-2 flex items-center justify-between">
                  <span className="text-xs text-zinc-400 dark:text-zinc-500">{STATUS_LABELS[revision.status]}</span>
                  {!current && (
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={restoringId !== null}
                      onClick={() => void restore(revision)}
                      aria-label={`Restore version ${revision.version}`}
                    >
                      {restoringId === revision.id ? 'Restoring…' : 'Restore'}
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
