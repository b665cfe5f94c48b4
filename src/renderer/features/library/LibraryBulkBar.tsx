import { Button } from '../../ui/Button';
import { archiveSelected, deleteSelected } from './bulk-actions';
import { useLibrary } from './library.store';
import { countLabel } from './selection';

/**
 * Always present (and sticky) so selecting a row never shifts the list under the pointer;
 * the actions are enabled once something is selected.
 */
export function LibraryBulkBar() {
  const count = useLibrary((state) => state.selection.size);
  const busy = useLibrary((state) => state.busy);
  const clearSelection = useLibrary((state) => state.clearSelection);
  const active = count > 0;
  return (
    <div
      role="toolbar"
      aria-label="Bulk actions"
      className={`sticky top-0 z-10 -mx-1 flex h-12 items-center gap-3 rounded-lg border px-4 backdrop-blur transition-colors ${
        active
          ? 'border-indigo-200 bg-indigo-50/95 dark:border-indigo-900 dark:bg-indigo-950/90'
          : 'border-transparent bg-zinc-50/90 dark:bg-zinc-950/90'
      }`}
    >
      <p
        aria-live="polite"
        className={`text-sm ${active ? 'font-medium text-indigo-900 dark:text-indigo-100' : 'text-zinc-500 dark:text-zinc-400'}`}
      >
        {active ? `${countLabel(count)} selected` : 'Select posts to archive or delete them'}
      </p>
      <div className="ml-auto flex items-center gap-2">
        {active && (
          <Button size="sm" variant="ghost" onClick={clearSelection} disabled={busy}>
            Clear selection
          </Button>
        )}
        <Button size="sm" onClick={() => void archiveSelected()} disabled={!active || busy}>
          Archive
        </Button>
        <Button size="sm" variant="danger" onClick={() => void deleteSelected()} disabled={!active || busy}>
          Delete
        </Button>
      </div>
    </div>
  );
}
