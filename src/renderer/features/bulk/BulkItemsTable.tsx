import { Link } from 'react-router';
import type { BulkItem } from '../../../shared/domain/bulk';
import { formatDateTime } from '../../ui/format';
import { PlatformBadge } from '../../ui/PlatformBadge';
import { FORMAT_LABELS, ITEM_STATUS_CLASS, ITEM_STATUS_LABELS } from './bulk-text';

const TH = 'py-2 pr-3 text-left text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400';

/** Every item of a started job: its status, why it failed, and a link to the post it made. */
export function BulkItemsTable({ items, timeZone }: { items: BulkItem[]; timeZone: string }) {
  if (items.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] border-collapse text-sm">
        <caption className="sr-only">Posts in this job</caption>
        <thead className="border-b border-zinc-200 dark:border-zinc-800">
          <tr>
            <th scope="col" className={TH}>
              Topic
            </th>
            <th scope="col" className={`${TH} w-28`}>
              Platform
            </th>
            <th scope="col" className={`${TH} w-44`}>
              Planned for
            </th>
            <th scope="col" className={`${TH} w-44`}>
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className="border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800">
              <td className="py-2 pr-3">
                <p className="text-zinc-900 dark:text-zinc-100">{item.topic}</p>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">{FORMAT_LABELS[item.format]}</p>
                {item.error && (
                  <p className="mt-1 text-sm text-red-700 dark:text-red-400">
                    {item.error}
                    {item.attempts > 1 && ` (after ${item.attempts} attempts)`}
                  </p>
                )}
              </td>
              <td className="py-2 pr-3">
                <PlatformBadge platform={item.platform} />
              </td>
              <td className="py-2 pr-3 text-zinc-600 dark:text-zinc-400">
                <time dateTime={item.dueAt}>{formatDateTime(item.dueAt, timeZone)}</time>
              </td>
              <td className="py-2 pr-3">
                <span
                  className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${ITEM_STATUS_CLASS[item.status]}`}
                >
                  {ITEM_STATUS_LABELS[item.status]}
                </span>
                {item.postId && (
                  <Link
                    to={`/compose/${item.postId}`}
                    className="ml-2 text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-300"
                  >
                    Open post<span className="sr-only">: {item.topic}</span>
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
