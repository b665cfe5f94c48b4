import { useId } from 'react';
import { useStore } from 'zustand';
import type { Platform } from '../../../../shared/domain/platform';
import { Button } from '../../../ui/Button';
import { hashtagEntry, useHashtags } from './hashtags.store';
import type { PostEditor } from './post-editor';
import { qualityKey } from './quality.store';

/** Recommended hashtags for the post on one platform, each with why it was suggested; click to add. */
export function HashtagsPanel({ editor, platform }: { editor: PostEditor; platform: Platform }) {
  const postId = useStore(editor, (s) => s.postId);
  const hasText = useStore(editor, (s) => s.draft.body.trim() !== '');
  const entry = useHashtags((s) => hashtagEntry(s, qualityKey(postId, platform)));
  const headingId = useId();
  const rec = entry.recommendation;

  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h4 id={headingId} className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          Hashtags
        </h4>
        <Button
          size="sm"
          variant="ghost"
          disabled={entry.loading || !hasText}
          onClick={() => void useHashtags.getState().suggest(editor, platform)}
        >
          {entry.loading ? 'Looking…' : rec ? 'Suggest again' : 'Suggest hashtags'}
        </Button>
      </div>
      {rec && (
        <>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {rec.inText.length} in the text · usual {rec.norm.min}–{rec.norm.max} · room for {rec.room} more
          </p>
          {rec.suggestions.length > 0 ? (
            <ul aria-label="Suggested hashtags" className="space-y-1.5">
              {rec.suggestions.map((s) => (
                <li key={s.tag} className="flex flex-wrap items-baseline gap-2 text-sm">
                  <Button
                    size="sm"
                    variant="secondary"
                    aria-label={`Add #${s.tag}`}
                    disabled={rec.room === 0}
                    onClick={() => useHashtags.getState().add(editor, platform, s.tag)}
                  >
                    #{s.tag}
                  </Button>
                  <span className="min-w-0 flex-1 text-xs text-zinc-500 dark:text-zinc-400">
                    {s.reasons.join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">No more suggestions for this text.</p>
          )}
          {rec.notes.length > 0 && (
            <ul className="list-disc pl-5 text-xs text-zinc-400 dark:text-zinc-500">
              {rec.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {entry.error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {entry.error}
        </p>
      )}
    </section>
  );
}
