import { z } from 'zod';
import type { ImportField, RowProblem } from '../../shared/domain/imports';
import type { Platform } from '../../shared/domain/platform';
import type { MetricValues } from '../analytics/analytics.repository';
import { cellText, type Parsed, parseCount, parseDay, parseInstant, parseTags } from './cell-values';
import type { ResolvedColumns } from './column-mapping';
import type { RawRecord } from './file-parser';
import { platformFromName } from './platform-names';

/** A post row ready to write. */
export interface PostRow {
  row: number;
  text: string;
  title: string | null;
  platform: Platform;
  publishedAt: string;
  capturedAt: string | null;
  /** The handle without "@", lower case; '' when the file names no account. */
  account: string;
  url: string | null;
  externalId: string | null;
  metrics: MetricValues;
  format: string | null;
  mediaCount: number;
  followers: number | null;
  tags: string[];
}

/** A day of an account's followers/impressions, ready to write. */
export interface AccountDayRow {
  row: number;
  platform: Platform;
  account: string;
  date: string;
  followers: number | null;
  impressions: number | null;
  capturedAt: string | null;
}

export interface RowContext {
  columns: ResolvedColumns;
  timeZone: string;
  now: string;
}

/** A zod schema for one cell, from a parser that returns a plain message on failure. */
function cell<T>(parse: (value: unknown) => Parsed<T>) {
  return z.unknown().transform((value, ctx): T => {
    const parsed = parse(value);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  });
}

function optionalText(max: number, column: string) {
  return cell((value): Parsed<string | null> => {
    const text = cellText(value);
    if (text !== null && text.length > max) return { ok: false, message: `${column} is longer than ${max} characters` };
    return { ok: true, value: text };
  });
}

function platformCell(column: string) {
  return cell((value): Parsed<Platform> => {
    const text = cellText(value);
    if (text === null) return { ok: false, message: `${column} is missing` };
    const platform = platformFromName(text);
    return platform
      ? { ok: true, value: platform }
      : { ok: false, message: `${column} '${text}' is not a platform Cadence knows` };
  });
}

function pastInstant(column: string, context: RowContext) {
  return cell((value): Parsed<string> => {
    const parsed = parseInstant(value, column, context.timeZone);
    if (parsed.ok && parsed.value > context.now)
      return { ok: false, message: `${column} '${cellText(value)}' is in the future` };
    return parsed;
  });
}

function accountCell() {
  return cell((value): Parsed<string> => ({
    ok: true,
    value: (cellText(value) ?? '').replace(/^@+/, '').toLowerCase(),
  }));
}

const METRIC_FIELDS = ['impressions', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks'] as const;

/** One schema per file and kind: building zod objects costs more than checking a row. */
const schemas = new WeakMap<RowContext, Map<ImportField[], z.ZodType>>();
function shapeFor(context: RowContext, fields: ImportField[]): z.ZodType {
  const perContext = schemas.get(context) ?? new Map<ImportField[], z.ZodType>();
  schemas.set(context, perContext);
  const known = perContext.get(fields);
  if (known) return known;
  const schema = buildShape(context, fields);
  perContext.set(fields, schema);
  return schema;
}

/** The cell schemas for the columns present; a field without a column reads as empty. */
function buildShape(context: RowContext, fields: ImportField[]) {
  const name = (field: ImportField) => context.columns.columnOf[field] ?? field;
  const count = (field: ImportField) => cell((value) => parseCount(value, name(field)));
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    if (field === 'platform') shape[field] = platformCell(name(field));
    else if (field === 'published_at') shape[field] = pastInstant(name(field), context);
    else if (field === 'captured_at')
      shape[field] = cell((v): Parsed<string | null> =>
        cellText(v) === null ? { ok: true, value: null } : parseInstant(v, name(field), context.timeZone),
      );
    else if (field === 'date') shape[field] = cell((v) => parseDay(v, name(field), context.timeZone));
    else if (field === 'account') shape[field] = accountCell();
    else if (field === 'text')
      shape[field] = cell((v): Parsed<string> => {
        const text = typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : '';
        return text ? { ok: true, value: text } : { ok: false, message: `${name(field)} is empty` };
      });
    else if (field === 'title') shape[field] = optionalText(200, name(field));
    else if (field === 'url') shape[field] = optionalText(2000, name(field));
    else if (field === 'external_id') shape[field] = optionalText(200, name(field));
    else if (field === 'format') shape[field] = optionalText(40, name(field));
    else if (field === 'tags') shape[field] = z.unknown();
    else shape[field] = count(field);
  }
  return z.object(shape);
}

const POST_FIELDS: ImportField[] = [
  'text',
  'title',
  'platform',
  'published_at',
  'captured_at',
  'account',
  'url',
  'external_id',
  ...METRIC_FIELDS,
  'format',
  'media_count',
  'followers',
  'tags',
];
const ACCOUNT_FIELDS: ImportField[] = ['platform', 'account', 'date', 'followers', 'impressions', 'captured_at'];

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: RowProblem[] };

function inputOf(record: RawRecord, context: RowContext, fields: ImportField[]): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((field) => {
      const column = context.columns.columnOf[field];
      return [field, column === undefined ? undefined : record.cells[column]];
    }),
  );
}

function problemsOf(error: z.ZodError, record: RawRecord, context: RowContext): RowProblem[] {
  return error.issues.map((issue) => {
    const column = context.columns.columnOf[issue.path[0] as ImportField];
    return column === undefined
      ? { row: record.row, message: issue.message }
      : { row: record.row, column, message: issue.message };
  });
}

/** Reads one post row; every problem in it is reported, each with its column. */
export function validatePostRow(record: RawRecord, context: RowContext): Validated<PostRow> {
  if (record.problem) return { ok: false, problems: [{ row: record.row, message: record.problem }] };
  const parsed = shapeFor(context, POST_FIELDS).safeParse(inputOf(record, context, POST_FIELDS));
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error, record, context) };
  const v = parsed.data as Record<string, unknown>;
  const text = v.text as string;
  const metrics: MetricValues = {};
  for (const field of METRIC_FIELDS)
    if (v[field] !== null && v[field] !== undefined) metrics[field] = v[field] as number;
  return {
    ok: true,
    value: {
      row: record.row,
      text,
      title: (v.title as string | null) ?? null,
      platform: v.platform as Platform,
      publishedAt: v.published_at as string,
      capturedAt: (v.captured_at as string | null) ?? null,
      account: v.account as string,
      url: (v.url as string | null) ?? null,
      externalId: (v.external_id as string | null) ?? null,
      metrics,
      format: (v.format as string | null)?.toLowerCase() ?? null,
      mediaCount: (v.media_count as number | null) ?? 0,
      followers: (v.followers as number | null) ?? null,
      tags: parseTags(v.tags, text),
    },
  };
}

/** Reads one account-metrics row: a day and at least one of followers or impressions. */
export function validateAccountRow(record: RawRecord, context: RowContext): Validated<AccountDayRow> {
  if (record.problem) return { ok: false, problems: [{ row: record.row, message: record.problem }] };
  const parsed = shapeFor(context, ACCOUNT_FIELDS).safeParse(inputOf(record, context, ACCOUNT_FIELDS));
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error, record, context) };
  const v = parsed.data as Record<string, unknown>;
  const followers = (v.followers as number | null) ?? null;
  const impressions = (v.impressions as number | null) ?? null;
  if (followers === null && impressions === null) {
    return { ok: false, problems: [{ row: record.row, message: 'has neither followers nor impressions' }] };
  }
  return {
    ok: true,
    value: {
      row: record.row,
      platform: v.platform as Platform,
      account: v.account as string,
      date: v.date as string,
      followers,
      impressions,
      capturedAt: (v.captured_at as string | null) ?? null,
    },
  };
}
