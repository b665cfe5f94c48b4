import { Link } from 'react-router';
import type { Platform } from '../../../shared/domain/platform';
import type { QueueItem } from '../../../shared/domain/planning';
import { Card } from '../../ui/Card';
import { PlatformBadge } from '../../ui/PlatformBadge';
import { PLATFORM_LABELS } from '../../ui/platforms';
import { clockLabel, dayLabel } from './calendar-dates';
import { groupByDay } from './queue-text';
import { QUEUE_DAYS, useQueue } from './queue.store';

/** Upcoming posts and free slots in time order, day by day. */
export function QueueList() {
  const queue = useQueue((state) => state.queue);
  const slotPlatforms = useQueue((state) => state.slots?.platforms);
  const filter = useQueue((state) => state.platformFilter);
  const setFilter = useQueue((state) => state.setPlatformFilter);
  if (!queue) return null;
  const days = groupByDay(queue.items);

  return (
    <Card
      title={`Queue · next ${QUEUE_DAYS} days`}
      actions={
        <select
          aria-label="Show the queue for"
          className="rounded-md border border-zinc-300 bg-transparent px-2 py-1 text-sm dark:border-zinc-700"
          value={filter}
          onChange={(event) => setFilter(event.target.value as Platform | 'all')}
        >
          <option value="all">All platforms</option>
          {(slotPlatforms ?? []).map(({ platform }) => (
            <option key={platform} value={platform}>
              {PLATFORM_LABELS[platform]}
            </option>
          ))}
        </select>
      }
    >
      {days.length === 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Nothing scheduled and no free slots in the next {QUEUE_DAYS} days. Add posting slots on the right.
        </p>
      )}
      <div className="flex flex-col gap-4">
        {days.map((group) => (
          <section key={group.day} aria-label={dayLabel(group.day, queue.timezone)}>
            <h3 className="mb-1.5 text-sm font-semibold text-zinc-900 dark:text-zinc-100">
              {dayLabel(group.day, queue.timezone)}
            </h3>
            <ol className="flex flex-col gap-1.5">
              {group.items.map((item) => (
                <QueueRow
                  key={`${item.kind}-${item.at}-${item.kind === 'post' ? item.post.id : item.slot.platform}`}
                  item={item}
                />
              ))}
            </ol>
          </section>
        ))}
      </div>
    </Card>
  );
}

function QueueRow({ item }: { item: QueueItem }) {
  const time = (
    <span className="w-20 shrink-0 text-sm whitespace-nowrap text-zinc-500 tabular-nums dark:text-zinc-400">
      {clockLabel(item.time)}
    </span>
  );
  if (item.kind === 'free') {
    return (
      <li className="flex items-start gap-3 rounded-md border border-dashed border-zinc-300 px-3 py-2 dark:border-zinc-700">
        {time}
        <div className="min-w-0 text-sm">
          <p className="text-zinc-700 dark:text-zinc-300">
            Free slot · <PlatformBadge platform={item.slot.platform} />
          </p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{item.slot.why}</p>
        </div>
      </li>
    );
  }
  const headline = item.post.title.trim() || item.post.excerpt.trim() || 'Untitled post';
  return (
    <li className="flex items-start gap-3 rounded-md border border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900">
      {time}
      <div className="min-w-0 flex-1 text-sm">
        <Link
          to={`/compose/${item.post.id}`}
          className="block truncate font-medium text-zinc-900 hover:text-indigo-600 dark:text-zinc-100 dark:hover:text-indigo-300"
        >
          {headline}
        </Link>
        {item.post.title.trim() !== '' && item.post.excerpt && (
          <p className="truncate text-zinc-500 dark:text-zinc-400">{item.post.excerpt}</p>
        )}
        <div className="mt-1 flex flex-wrap gap-1">
          {item.post.platforms.map((platform) => (
            <PlatformBadge key={platform} platform={platform} />
          ))}
        </div>
      </div>
    </li>
  );
}
