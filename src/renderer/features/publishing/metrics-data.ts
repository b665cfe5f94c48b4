import type { MetricCounts, MetricSnapshot, PostMetrics } from '../../../shared/domain/analytics';
import type { Platform } from '../../../shared/domain/platform';

/** The counts shown for a publication, in this order, with their labels. */
export const METRIC_LABELS: readonly { key: keyof MetricCounts; label: string }[] = [
  { key: 'impressions', label: 'Impressions' },
  { key: 'views', label: 'Views' },
  { key: 'reach', label: 'Reach' },
  { key: 'likes', label: 'Likes' },
  { key: 'comments', label: 'Comments' },
  { key: 'shares', label: 'Shares' },
  { key: 'saves', label: 'Saves' },
  { key: 'clicks', label: 'Clicks' },
];

export interface PublicationCounts {
  platform: Platform;
  url: string | null;
  metricsAt: string | null;
  /** Only the counts the platform gave (a null count is "not given", never zero). */
  counts: { label: string; value: number }[];
  snapshots: MetricSnapshot[];
}

/** Latest counts per publication, without the counts a platform does not report. */
export function publicationCounts(metrics: PostMetrics): PublicationCounts[] {
  return metrics.publications.map((p) => ({
    platform: p.publication.platform,
    url: p.publication.url,
    metricsAt: p.metricsAt,
    counts: METRIC_LABELS.flatMap(({ key, label }) => {
      const value = p.publication[key];
      return value === null ? [] : [{ label, value }];
    }),
    snapshots: p.snapshots,
  }));
}

/** Engagements over time as an SVG polyline's points in a width × height box (empty below two snapshots). */
export function sparklinePoints(snapshots: readonly MetricSnapshot[], width: number, height: number): string {
  if (snapshots.length < 2) return '';
  const values = snapshots.map((s) => s.engagements);
  const max = Math.max(...values);
  const min = Math.min(...values);
  const span = max - min || 1;
  return values
    .map((value, i) => {
      const x = (i / (values.length - 1)) * width;
      const y = height - ((value - min) / span) * height;
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
