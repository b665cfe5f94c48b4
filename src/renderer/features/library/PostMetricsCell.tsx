import { PLATFORM_LABELS } from '../../../shared/domain/platform';
import { useLibrary } from './library.store';
import { metricsCell } from './post-metrics-cell';

/** A published post's latest engagements, rate and exposure per platform; "—" while loading or when none. */
export function PostMetricsCell({ postId }: { postId: string }) {
  const metrics = useLibrary((state) => state.metrics[postId]);
  const cell = metricsCell(metrics);
  if (cell.lines.length === 0) {
    return (
      <span className="text-sm text-zinc-400 dark:text-zinc-500">
        <span aria-hidden="true">—</span>
        <span className="sr-only">{metrics === undefined ? 'Metrics loading' : cell.label}</span>
      </span>
    );
  }
  return (
    <ul aria-label={cell.label} className="space-y-0.5 tabular-nums">
      {cell.lines.map((line, i) => (
        <li key={`${line.platform}-${i}`} className="truncate" title={line.spoken}>
          <span className="font-medium text-zinc-700 dark:text-zinc-300">{PLATFORM_LABELS[line.platform]}</span>{' '}
          {line.text}
        </li>
      ))}
    </ul>
  );
}
