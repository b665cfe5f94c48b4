import type { Progress } from '../../../shared/contract/events';
import type { ImportField, ImportKind, ImportPreview, ImportReport, RowProblem } from '../../../shared/domain/imports';
import { plural } from './analytics-format';

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  posts: 'Past posts with their metrics',
  'account-metrics': 'Daily followers per account',
};

const FIELD_LABELS: Partial<Record<ImportField, string>> = {
  text: 'post text',
  published_at: 'published at',
  captured_at: 'captured at',
  external_id: 'post id on the platform',
  media_count: 'media count',
};

/** A Cadence field in words: "published at", "likes". */
export function fieldLabel(field: ImportField): string {
  return FIELD_LABELS[field] ?? field.replace(/_/gu, ' ');
}

/** The import button's text: "Import 200 rows" (only rows without problems are imported). */
export function importButtonText(preview: Pick<ImportPreview, 'validRows'>): string {
  return `Import ${plural(preview.validRows, 'row')}`;
}

/** "200 rows · 196 ready · 4 with problems". */
export function previewCounts(preview: Pick<ImportPreview, 'rowCount' | 'validRows' | 'invalidRows'>): string {
  const parts = [plural(preview.rowCount, 'row'), `${new Intl.NumberFormat().format(preview.validRows)} ready`];
  if (preview.invalidRows > 0) parts.push(`${new Intl.NumberFormat().format(preview.invalidRows)} with problems`);
  return parts.join(' · ');
}

/** The bar's value 0–100, or null while the total is unknown (an indeterminate bar). */
export function importPercent(progress: Progress | null): number | null {
  if (!progress) return null;
  if (typeof progress.percent === 'number') return Math.round(progress.percent);
  if (progress.total) return Math.round((progress.done / progress.total) * 100);
  return null;
}

/** "Importing rows: 120 of 200" from a progress event; "Starting…" before the first one. */
export function importProgressText(progress: Progress | null): string {
  if (!progress) return 'Starting…';
  const phase = progress.phase ? progress.phase.charAt(0).toUpperCase() + progress.phase.slice(1) : 'Working';
  const fmt = new Intl.NumberFormat();
  if (progress.total) return `${phase}: ${fmt.format(progress.done)} of ${fmt.format(progress.total)}`;
  return progress.done > 0 ? `${phase}: ${fmt.format(progress.done)}` : phase;
}

/** The import's outcome as one sentence for the toast and the report heading. */
export function reportSummary(report: ImportReport): string {
  const skipped = report.skipped.length;
  const added =
    report.kind === 'posts'
      ? `${plural(report.publicationsAdded, 'post')} added`
      : `${plural(report.accountDaysAdded, 'day')} of followers added`;
  const parts = [added];
  if (report.kind === 'posts' && report.publicationsUpdated > 0)
    parts.push(`${plural(report.publicationsUpdated, 'post')} updated`);
  if (report.duplicatesSkipped > 0) parts.push(`${plural(report.duplicatesSkipped, 'duplicate')} skipped`);
  if (skipped > 0) parts.push(`${plural(skipped, 'row')} not imported`);
  return parts.join(', ');
}

/** A row problem as one reason, naming its column unless the message already starts with it. */
export function problemText(problem: Pick<RowProblem, 'column' | 'message'>): string {
  const { column, message } = problem;
  return column && !message.toLowerCase().startsWith(column.toLowerCase()) ? `${column}: ${message}` : message;
}
