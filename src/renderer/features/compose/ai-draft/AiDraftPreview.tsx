import { Button } from '../../../ui/Button';
import { useAiDraft } from './ai-draft.store';
import { DraftRating } from './DraftRating';
import { statusLine } from './status-line';

/**
 * The draft as it streams in. It is a status region named "AI draft", busy while tokens arrive
 * so screen readers read it once it is complete rather than token by token.
 */
export function AiDraftPreview() {
  const status = useAiDraft((s) => s.status);
  const stream = useAiDraft((s) => s.stream);
  const problem = useAiDraft((s) => s.problem);
  const usageId = useAiDraft((s) => s.usageId);
  const { insert, discard } = useAiDraft.getState();
  if (status === 'idle') return null;
  const running = status === 'generating' || status === 'stopping';
  // Models often open with a line break; the preview starts at the first word.
  const text = stream.text.trimStart();
  // A failure before any text is said once, in the alert below, not also in an empty preview.
  const showPreview = status !== 'error' || text !== '';

  return (
    <div className="space-y-3">
      {showPreview && (
        <div
          role="status"
          aria-label="AI draft"
          aria-busy={running}
          className="rounded-lg border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-700 dark:bg-zinc-800/60"
        >
          <p className="mb-2 text-xs font-medium text-zinc-500 dark:text-zinc-400">{statusLine(status, stream)}</p>
          {text ? (
            <p className="max-h-72 overflow-y-auto text-sm leading-relaxed whitespace-pre-wrap text-zinc-900 dark:text-zinc-100">
              {text}
              {running && (
                <span
                  aria-hidden="true"
                  className="ml-0.5 inline-block h-4 w-1.5 animate-pulse bg-indigo-500 align-text-bottom"
                />
              )}
            </p>
          ) : (
            !problem && (
              <p className="text-sm text-zinc-500 dark:text-zinc-400">
                {running ? 'Waiting for the first words…' : 'No text.'}
              </p>
            )
          )}
        </div>
      )}
      {problem && (
        <div
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm dark:border-red-500/30 dark:bg-red-500/10"
        >
          <p className="font-medium text-red-800 dark:text-red-200">{problem.title}</p>
          {problem.detail && <p className="mt-1 text-red-700 dark:text-red-300">{problem.detail}</p>}
        </div>
      )}
      {!running && (
        <div className="flex flex-wrap items-center gap-2">
          {text && (
            <Button size="sm" variant="primary" onClick={insert}>
              Insert into post
            </Button>
          )}
          <Button size="sm" variant="ghost" onClick={discard}>
            Discard
          </Button>
        </div>
      )}
      {!running && usageId !== null && text && <DraftRating />}
    </div>
  );
}
