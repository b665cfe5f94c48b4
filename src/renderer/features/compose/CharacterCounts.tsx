import { useMemo } from 'react';
import { isThread } from '../../../shared/platforms/thread';
import { PLATFORM_DOT_CLASS } from '../../ui/platforms';
import { PartCounts } from '../studio/tools/PartCounts';
import { THREAD_PLATFORMS } from '../studio/tools/thread-counts';
import { useCompose } from './compose.store';
import { countRows, describeRemaining, type CountRow } from './counts';

/** Live length of the post against each selected platform's limit, measured the platform's way. */
export function CharacterCounts() {
  const title = useCompose((s) => s.draft.title);
  const body = useCompose((s) => s.draft.body);
  const platforms = useCompose((s) => s.draft.platforms);
  const rows = useMemo(() => countRows({ title, body }, platforms), [title, body, platforms]);

  return (
    <section aria-labelledby="compose-counts-title" className="space-y-3">
      <h3 id="compose-counts-title" className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        Length by platform
      </h3>
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Pick platforms above to see their limits.</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((row) => (
            <CountLine key={row.key} row={row} body={body} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One platform's length; a thread (parts split on `---`) also shows each part against the limit. */
function CountLine({ row, body }: { row: CountRow; body: string }) {
  const showParts = THREAD_PLATFORMS.includes(row.platform) && isThread(body);
  const ratio = Math.min(1, row.count / row.limit);
  const bar = row.over ? 'bg-red-500' : ratio > 0.9 ? 'bg-amber-500' : 'bg-indigo-500';
  return (
    <li
      data-platform={row.platform}
      aria-label={`${row.label}: ${row.count} of ${row.limit}${row.over ? ', over the limit' : ''}`}
    >
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="flex items-center gap-1.5 font-medium text-zinc-700 dark:text-zinc-300">
          <span aria-hidden="true" className={`size-1.5 rounded-full ${PLATFORM_DOT_CLASS[row.platform]}`} />
          {row.label}
          <span className="font-normal text-zinc-400 dark:text-zinc-500">{row.field.toLowerCase()}</span>
        </span>
        <span
          className={`tabular-nums ${row.over ? 'font-semibold text-red-600 dark:text-red-400' : 'text-zinc-600 dark:text-zinc-400'}`}
        >
          {row.count.toLocaleString()}/{row.limit.toLocaleString()}
        </span>
      </div>
      <div aria-hidden="true" className="mt-1 h-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
        <div className={`h-full rounded-full ${bar}`} style={{ width: `${ratio * 100}%` }} />
      </div>
      <p className={`mt-1 text-xs ${row.over ? 'text-red-600 dark:text-red-400' : 'text-zinc-500 dark:text-zinc-400'}`}>
        {describeRemaining(row)}
        {row.problems.length > 0 && ` · ${row.problems.join(' · ')}`}
      </p>
      {showParts && (
        <div className="mt-1.5">
          <PartCounts platform={row.platform} body={body} />
        </div>
      )}
    </li>
  );
}
