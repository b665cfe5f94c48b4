import { showToast } from '../../ui/toasts.store';
import { useLibrary } from './library.store';
import { errorMessage } from '../../ui/errors';
import { archivePosts, deletePosts, restorePosts, setStatuses } from './queries';
import { countLabel, undoArchive, undoDelete, type UndoPlan } from './selection';

/** Archives the selected posts, then offers an Undo that puts their previous statuses back. */
export async function archiveSelected(): Promise<void> {
  await runBulk('archive', async (ids) => {
    const plan = undoArchive(await archivePosts(ids));
    return { message: `Archived ${countLabel(ids.length)}`, plan };
  });
}

/** Moves the selected posts to the trash, then offers an Undo that restores them. */
export async function deleteSelected(): Promise<void> {
  await runBulk('delete', async (ids) => {
    const plan = undoDelete(await deletePosts(ids));
    return { message: `Deleted ${countLabel(ids.length)}`, plan };
  });
}

/** Reverses a bulk action exactly; the list refreshes through the posts:changed event. */
export async function runUndo(plan: UndoPlan): Promise<void> {
  try {
    if (plan.kind === 'restore-statuses') await setStatuses(plan.items);
    else await restorePosts(plan.ids);
    const count = plan.kind === 'restore-statuses' ? plan.items.length : plan.ids.length;
    showToast({ kind: 'success', message: `Restored ${countLabel(count)}` });
  } catch (error) {
    showToast({ kind: 'error', message: `Could not undo: ${errorMessage(error)}` });
  } finally {
    void useLibrary.getState().refresh();
  }
}

async function runBulk(
  verb: 'archive' | 'delete',
  action: (ids: string[]) => Promise<{ message: string; plan: UndoPlan | null }>,
): Promise<void> {
  const store = useLibrary.getState();
  const ids = [...store.selection];
  if (ids.length === 0 || store.busy) return;
  store.setBusy(true);
  try {
    const { message, plan } = await action(ids);
    store.clearSelection();
    showToast(
      plan
        ? { kind: 'success', message, action: { label: 'Undo', run: () => runUndo(plan) } }
        : { kind: 'info', message },
    );
  } catch (error) {
    showToast({ kind: 'error', message: `Could not ${verb} posts: ${errorMessage(error)}` });
  } finally {
    useLibrary.getState().setBusy(false);
    void useLibrary.getState().refresh();
  }
}
