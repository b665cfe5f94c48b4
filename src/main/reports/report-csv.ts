import { stringify } from 'csv-stringify/sync';
import { isCountMetric, type ReportModel } from './report-model';

/** Characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/u;

/**
 * A text cell a spreadsheet will show as text: one starting like a formula gets a leading single
 * quote, so a post titled "=HYPERLINK(…)" cannot run when the file is opened.
 */
export function csvSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The report as one CSV table: a row per publication in the range (oldest first) with the
 * chosen counters and the engagement rate in percent. Empty cells mean the platform did not
 * report that count. Starts with a UTF-8 BOM so spreadsheets read accents and emoji correctly.
 */
export function renderReportCsv(model: ReportModel): string {
  const counters = model.metrics.filter(isCountMetric);
  const header = [
    `published_at (${model.timezone})`,
    'platform',
    'account',
    'title',
    'format',
    'url',
    ...counters,
    'engagement_rate_percent',
  ];
  const rows = model.posts.map((post) => [
    post.publishedLocal,
    post.platform,
    csvSafe(post.accountHandle ?? ''),
    csvSafe(post.title),
    csvSafe(post.format ?? ''),
    csvSafe(post.url ?? ''),
    ...counters.map((m) => post.counts[m] ?? ''),
    post.engagementRate === null ? '' : Number((post.engagementRate * 100).toFixed(4)),
  ]);
  return stringify([header, ...rows], { bom: true, record_delimiter: 'windows' });
}
