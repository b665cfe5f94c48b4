import { Link } from 'react-router';
import { useStore } from 'zustand';
import type { DraftStatus } from '../../../shared/domain/studio';
import { Button, buttonClass } from '../../ui/Button';
import { inputClass } from '../../ui/controls';
import { PLATFORM_DOT_CLASS } from '../../ui/platforms';
import { saveStatusText } from '../compose/saveStatusText';
import type { DraftCardStore } from './draft-card.store';
import { StreamingTextarea } from './StreamingTextarea';
import { PostTools } from './tools/PostTools';

const GENERATION_TEXT: Record<DraftStatus, string> = {
  queued: 'Waiting its turn…',
  streaming: 'Writing…',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Stopped',
};

/**
 * One draft: a region named "Draft for X" (or "… (variant A)") with the text streaming in and
 * editable all along, saved like Compose saves, and the post tools under it.
 */
export function DraftCard({ card }: { card: DraftCardStore }) {
  const slot = useStore(card, (s) => s.slot);
  const body = useStore(card, (s) => s.draft.body);
  const generation = useStore(card, (s) => s.generation);
  const shapedOffer = useStore(card, (s) => s.shapedOffer);
  const warnings = useStore(card, (s) => s.warnings);
  const error = useStore(card, (s) => s.error);
  const postId = useStore(card, (s) => s.postId);
  const save = useStore(card, (s) => s.save);
  const loadProblem = useStore(card, (s) => (s.load.status === 'error' ? s.load.message : null));
  const streaming = generation === 'streaming' || generation === 'queued';

  return (
    <section
      aria-label={slot.label}
      aria-busy={streaming}
      className="flex flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="flex items-center gap-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">
          <span aria-hidden="true" className={`size-2 rounded-full ${PLATFORM_DOT_CLASS[slot.platform]}`} />
          {slot.label.replace(/^Draft for /u, '')}
        </h3>
        <p className="flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
          <span className={streaming ? 'animate-pulse text-indigo-600 dark:text-indigo-400' : ''}>
            {GENERATION_TEXT[generation]}
          </span>
          {postId && <span aria-hidden="true">·</span>}
          {postId && <span>{saveStatusText(save, true)}</span>}
        </p>
      </header>
      <StreamingTextarea
        aria-label="Post text"
        className={`${inputClass} min-h-48 resize-y leading-relaxed`}
        placeholder={streaming ? 'Waiting for the first words…' : ''}
        value={body}
        onChange={(value) => card.getState().edit({ body: value })}
      />
      {shapedOffer !== null && (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950/40 dark:text-sky-100">
          <span>A version shaped for this platform is ready; your edits were kept.</span>
          <Button size="sm" onClick={() => card.getState().applyShaping()}>
            Apply platform shaping
          </Button>
        </div>
      )}
      {warnings.length > 0 && (
        <ul
          aria-label="Shaping notes"
          className="list-disc space-y-0.5 pl-5 text-xs text-amber-700 dark:text-amber-400"
        >
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {(error ?? loadProblem) && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error ?? loadProblem}
        </p>
      )}
      {postId && <PostTools editor={card} platform={slot.platform} name={slot.label} writing={streaming} />}
      {postId && (
        <Link to={`/compose/${postId}`} className={buttonClass('ghost', 'sm', 'self-start')}>
          Open in Compose
        </Link>
      )}
    </section>
  );
}
