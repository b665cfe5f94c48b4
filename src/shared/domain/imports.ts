import { z } from 'zod';
import { platformSchema } from './platform';

/** What a history file holds: posts with their metrics, or daily follower counts per account. */
export const IMPORT_KINDS = ['posts', 'account-metrics'] as const;
export const importKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof importKindSchema>;

export const IMPORT_FORMATS = ['csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The fields Cadence reads from a history file; each file column maps to at most one. */
export const IMPORT_FIELDS = [
  'text',
  'title',
  'platform',
  'published_at',
  'date',
  'captured_at',
  'account',
  'url',
  'external_id',
  'impressions',
  'reach',
  'views',
  'likes',
  'comments',
  'shares',
  'saves',
  'clicks',
  'format',
  'media_count',
  'followers',
  'tags',
] as const;
export const importFieldSchema = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof importFieldSchema>;

/**
 * One problem with one row. `row` is the number a person finds in the file: for CSV the
 * spreadsheet row (the header is row 1, the first data row is row 2); for JSON the 1-based
 * position in its array. `message` is plain text without the row prefix, e.g.
 * "published_at 'yesterday' is not a date".
 */
export const rowProblemSchema = z.object({
  row: z.number().int().positive(),
  column: z.string().optional(),
  message: z.string(),
});
export type RowProblem = z.infer<typeof rowProblemSchema>;

/** How the file's columns were understood. */
export const columnMappingSchema = z.object({
  mapped: z.array(z.object({ column: z.string(), field: importFieldSchema })),
  unrecognised: z.array(z.string()),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** What an import would do, shown before anything is written. */
export const importPreviewSchema = z.object({
  format: z.enum(IMPORT_FORMATS),
  kind: importKindSchema,
  columns: columnMappingSchema,
  rowCount: z.number().int().nonnegative(),
  validRows: z.number().int().nonnegative(),
  invalidRows: z.number().int().nonnegative(),
  /** The first problems found (at most 20); the import reports all of them. */
  problems: z.array(rowProblemSchema),
  /** Earliest and latest date among valid rows, null without any: ISO instants for posts, YYYY-MM-DD days for account metrics. */
  dateRange: z.object({ from: z.string(), to: z.string() }).nullable(),
  platforms: z.array(platformSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** What an import wrote. Re-importing the same file adds nothing: its rows count as duplicates. */
export const importReportSchema = z.object({
  kind: importKindSchema,
  rowsRead: z.number().int().nonnegative(),
  postsAdded: z.number().int().nonnegative(),
  publicationsAdded: z.number().int().nonnegative(),
  /** Publications already here that got newer metric values (a new snapshot). */
  publicationsUpdated: z.number().int().nonnegative(),
  snapshotsAdded: z.number().int().nonnegative(),
  accountsAdded: z.number().int().nonnegative(),
  accountDaysAdded: z.number().int().nonnegative(),
  /** Every row that was not imported, with why ("published_at 'yesterday' is not a date"). */
  skipped: z.array(z.object({ row: z.number().int().positive(), reason: z.string() })),
  /** Rows already imported before (same publication, same metric values). */
  duplicatesSkipped: z.number().int().nonnegative(),
});
export type ImportReport = z.infer<typeof importReportSchema>;
