import { formatDateTime } from '../../ui/format';
import { useCompose } from './compose.store';
import { saveStatusText, saveStatusTone, type SaveTone } from './saveStatusText';

const TONE: Record<SaveTone, { text: string; dot: string }> = {
  muted: { text: 'text-zinc-500 dark:text-zinc-400', dot: 'bg-zinc-300 dark:bg-zinc-600' },
  busy: { text: 'text-zinc-600 dark:text-zinc-300', dot: 'bg-amber-400 animate-pulse' },
  ok: { text: 'text-emerald-700 dark:text-emerald-400', dot: 'bg-emerald-500' },
  bad: { text: 'text-red-700 dark:text-red-400', dot: 'bg-red-500' },
};

/** "Saving… / Saved / Save failed — retrying", announced politely to screen readers. */
export function SaveStatus() {
  const save = useCompose((s) => s.save);
  const hasPost = useCompose((s) => s.postId !== null);
  const tone = TONE[saveStatusTone(save)];
  const title =
    save.status === 'retrying' && save.message
      ? save.message
      : save.savedAt
        ? `Last saved ${formatDateTime(save.savedAt)}`
        : undefined;
  return (
    <p className={`flex items-center gap-2 text-sm ${tone.text}`} title={title}>
      <span aria-hidden="true" className={`size-2 rounded-full ${tone.dot}`} />
      <span role="status" aria-live="polite" data-testid="save-status">
        {saveStatusText(save, hasPost)}
      </span>
    </p>
  );
}
