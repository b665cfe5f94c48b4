import { useMemo } from 'react';
import type { Platform } from '../../../../shared/domain/platform';
import { PLATFORM_LABELS } from '../../../ui/platforms';
import { countParts } from './thread-counts';

/**
 * The length of each thread part (split on `---` lines) against the platform's limit, counted
 * the platform's way; a part over the limit is marked. One line for a single post.
 */
export function PartCounts({ platform, body }: { platform: Platform; body: string }) {
  const result = useMemo(() => countParts(platform, body), [platform, body]);
  return (
    <ol
      aria-label={`${PLATFORM_LABELS[platform]} length${result.parts.length > 1 ? ' per part' : ''}`}
      className="flex flex-wrap gap-1.5"
    >
      {result.parts.map((part) => (
        <li
          key={part.index}
          aria-label={part.label}
          data-over={part.over || undefined}
          className={`rounded-md px-2 py-0.5 text-xs tabular-nums ${
            part.over
              ? 'bg-red-100 font-semibold text-red-800 ring-1 ring-red-400 dark:bg-red-500/15 dark:text-red-200 dark:ring-red-500/60'
              : 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400'
          }`}
        >
          {result.parts.length > 1 && <span className="mr-1 text-zinc-400 dark:text-zinc-500">{part.index}.</span>}
          {part.count.toLocaleString()}/{part.limit.toLocaleString()}
        </li>
      ))}
    </ol>
  );
}
