import { Button } from '../../ui/Button';
import { useCompose } from './compose.store';

function sentence(text: string): string {
  return /[.!?]$/u.test(text) ? text : `${text}.`;
}

/** Someone else saved first: keep this text (overwrite) or load theirs. */
export function ConflictBanner() {
  const save = useCompose((s) => s.save);
  const resolve = useCompose((s) => s.resolveConflict);
  if (save.status !== 'conflict') return null;
  return (
    <div
      role="alert"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40"
    >
      <p className="font-semibold text-amber-900 dark:text-amber-100">This post was changed somewhere else</p>
      <p className="mt-1 text-amber-800 dark:text-amber-200">
        {sentence(save.message ?? 'A newer version was saved since you opened it')}
      </p>
      <p className="mt-1 text-amber-800 dark:text-amber-200">
        Your text is still here, and kept on this computer until you choose.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" variant="primary" onClick={() => void resolve('reload')}>
          Reload latest version
        </Button>
        <Button size="sm" onClick={() => void resolve('overwrite')}>
          Keep my version
        </Button>
      </div>
    </div>
  );
}

/** Text that was never saved came back from local storage. */
export function RecoveredBanner() {
  const recovered = useCompose((s) => s.recovered);
  const conflict = useCompose((s) => s.save.status === 'conflict');
  const dismiss = useCompose((s) => s.dismissRecovered);
  if (!recovered || conflict) return null;
  return (
    <div
      role="status"
      className="flex items-center justify-between gap-3 rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950/40 dark:text-sky-100"
    >
      <span>Unsaved text from your last session was restored and is being saved.</span>
      <Button size="sm" variant="ghost" onClick={dismiss}>
        Dismiss
      </Button>
    </div>
  );
}
