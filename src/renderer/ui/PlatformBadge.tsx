import type { Platform } from '../../shared/domain/platform';
import { PLATFORM_DOT_CLASS, PLATFORM_LABELS } from './platforms';

/** A small pill with the platform's colour dot and display name. */
export function PlatformBadge({ platform, className = '' }: { platform: Platform; className?: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full border border-zinc-200 bg-white px-2 py-0.5 text-xs font-medium text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 ${className}`}
    >
      <span aria-hidden="true" className={`size-1.5 rounded-full ${PLATFORM_DOT_CLASS[platform]}`} />
      {PLATFORM_LABELS[platform]}
    </span>
  );
}
