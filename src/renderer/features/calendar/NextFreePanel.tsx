import { Card } from '../../ui/Card';
import { formatDateTime } from '../../ui/format';
import { PLATFORM_LABELS } from '../../ui/platforms';
import { useQueue } from './queue.store';

/** The next free slot of each platform, with why it was chosen. */
export function NextFreePanel() {
  const nextFree = useQueue((state) => state.nextFree);
  const timeZone = useQueue((state) => state.slots?.timezone);
  if (nextFree.length === 0) return null;
  return (
    <Card title="Next free slot">
      <ul className="flex flex-col gap-2 text-sm">
        {nextFree.map(({ platform, slot, error }) => (
          <li key={platform}>
            <span className="font-medium text-zinc-900 dark:text-zinc-100">{PLATFORM_LABELS[platform]}: </span>
            {slot ? (
              <>
                <time dateTime={slot.at}>{formatDateTime(slot.at, timeZone)}</time>
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">{slot.why}</span>
              </>
            ) : (
              <span className="text-zinc-600 dark:text-zinc-400">{error ?? 'none found'}</span>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
