import { useEffect } from 'react';
import { getClient } from '../../client/client';
import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Spinner';
import { GapsPanel } from './GapsPanel';
import { NextFreePanel } from './NextFreePanel';
import { QueueList } from './QueueList';
import { useQueue } from './queue.store';
import { SlotEditor } from './SlotEditor';

const CHANGE_DEBOUNCE_MS = 200;

/** The Queue tab: what goes out next and where the free slots are, like Typefully's queue. */
export function QueueView() {
  const refresh = useQueue((state) => state.refresh);
  const load = useQueue((state) => state.load);
  const error = useQueue((state) => state.error);

  useEffect(() => {
    void refresh();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), CHANGE_DEBOUNCE_MS);
    };
    const offPosts = getClient().on('posts:changed', later);
    const offProfile = getClient().on('profile:changed', later);
    return () => {
      offPosts();
      offProfile();
      clearTimeout(timer);
    };
  }, [refresh]);

  if (load === 'loading') return <Spinner label="Loading the queue…" />;
  if (load === 'error') {
    return (
      <div
        role="alert"
        className="rounded-xl border border-red-200 bg-red-50 p-6 text-sm dark:border-red-900 dark:bg-red-950/40"
      >
        <p className="font-medium text-red-800 dark:text-red-200">Could not load the queue</p>
        <p className="mt-1 text-red-700 dark:text-red-300">{error}</p>
        <Button size="sm" className="mt-3" onClick={() => void refresh()}>
          Try again
        </Button>
      </div>
    );
  }
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="flex min-w-0 flex-col gap-4">
        <GapsPanel />
        <QueueList />
      </div>
      <div className="flex flex-col gap-4">
        <NextFreePanel />
        <SlotEditor />
      </div>
    </div>
  );
}
