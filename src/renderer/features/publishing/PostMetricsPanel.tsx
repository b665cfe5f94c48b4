import { PLATFORM_LABELS } from '../../../shared/domain/platform';
import { formatDateTime, formatNumber } from '../../ui/format';
import { publicationCounts, sparklinePoints } from './metrics-data';
import { usePostPublishing } from './post-publishing.store';

const SPARK_W = 120;
const SPARK_H = 24;

/** The post's metrics per platform: the latest counts and engagements over the snapshots. */
export function PostMetricsPanel() {
  const metrics = usePostPublishing((s) => s.metrics);
  const publications = metrics ? publicationCounts(metrics) : [];
  if (publications.length === 0) {
    return (
      <p className="text-sm text-zinc-500 dark:text-zinc-400">No metrics yet: they appear once the post is out.</p>
    );
  }
  return (
    <div className="space-y-4">
      {publications.map((p, i) => {
        const name = PLATFORM_LABELS[p.platform];
        const points = sparklinePoints(p.snapshots, SPARK_W, SPARK_H);
        return (
          <div key={`${p.platform}-${i}`} className="space-y-2">
            <h4 className="text-sm font-semibold">{name}</h4>
            {p.counts.length === 0 ? (
              <p className="text-sm text-zinc-500 dark:text-zinc-400">Waiting for the first numbers from {name}.</p>
            ) : (
              <dl aria-label={`${name} metrics`} className="grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
                {p.counts.map((c) => (
                  <div key={c.label} className="flex justify-between gap-2">
                    <dt className="text-zinc-600 dark:text-zinc-400">{c.label}</dt>
                    <dd className="font-medium tabular-nums">{formatNumber(c.value)}</dd>
                  </div>
                ))}
              </dl>
            )}
            {points && (
              <svg
                role="img"
                aria-label={`${name} engagements over ${p.snapshots.length} snapshots`}
                width={SPARK_W}
                height={SPARK_H}
                className="overflow-visible text-indigo-500"
              >
                <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
              </svg>
            )}
            {p.metricsAt && (
              <p className="text-xs text-zinc-500 dark:text-zinc-400">Updated {formatDateTime(p.metricsAt)}</p>
            )}
          </div>
        );
      })}
    </div>
  );
}
