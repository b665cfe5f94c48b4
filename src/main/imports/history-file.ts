import { ContractError } from '../../shared/contract/errors';
import type { ColumnMapping, ImportFormat, ImportKind, RowProblem } from '../../shared/domain/imports';
import { mapColumns, type ResolvedColumns } from './column-mapping';
import { parseHistoryFile, type Sheet } from './file-parser';
import {
  type AccountDayRow,
  type PostRow,
  type RowContext,
  validateAccountRow,
  validatePostRow,
} from './row-validator';

/** A history file read and checked, nothing written yet. */
export interface HistoryFile {
  format: ImportFormat;
  kind: ImportKind;
  columns: ColumnMapping;
  rowCount: number;
  posts: PostRow[];
  accountDays: AccountDayRow[];
  /** Every problem, in file order; a row may have several. */
  problems: RowProblem[];
}

function invalid(message: string): ContractError {
  return new ContractError('VALIDATION_FAILED', message, { issues: [{ path: ['content'], message }] });
}

/** The columns a kind cannot do without, and how to name them to the creator. */
function assertRequiredColumns(columns: ResolvedColumns, label: string): void {
  const required: [keyof ResolvedColumns['columnOf'], string][] =
    columns.kind === 'posts'
      ? [
          ['platform', 'platform or network'],
          ['published_at', 'published_at, date, posted_at or time'],
        ]
      : [
          ['platform', 'platform or network'],
          ['date', 'date'],
        ];
  for (const [field, names] of required) {
    if (columns.columnOf[field] === undefined) {
      throw invalid(`${label} has no ${String(field)} column (name it ${names}); nothing was imported`);
    }
  }
}

function resolveSheet(sheet: Sheet, label: string): ResolvedColumns {
  const columns = mapColumns(sheet.headers, sheet.kind);
  if (!columns) {
    throw invalid(
      `${label} has no column for the post text (name it text, body, content, post or caption) and no followers column; nothing was imported`,
    );
  }
  if (columns.kind === 'posts' && columns.columnOf.text === undefined) {
    throw invalid(
      `${label} has no column for the post text (name it text, body, content, post or caption); nothing was imported`,
    );
  }
  assertRequiredColumns(columns, label);
  return columns;
}

/**
 * Parses and validates a whole file. Problems with the file itself (unreadable, wrong shape,
 * missing required columns) throw VALIDATION_FAILED; problems with single rows are collected.
 */
export function readHistoryFile(
  fileName: string,
  content: string,
  options: { timeZone: string; now: string },
): HistoryFile {
  const parsed = parseHistoryFile(fileName, content);
  const result: HistoryFile = {
    format: parsed.format,
    kind: 'posts',
    columns: { mapped: [], unrecognised: [] },
    rowCount: 0,
    posts: [],
    accountDays: [],
    problems: [],
  };
  const sectioned = parsed.sheets.length > 1;
  const kinds = new Set<ImportKind>();
  for (const sheet of parsed.sheets) {
    // Only a JSON { posts, accounts } file gives sheets a kind of their own.
    const label = sheet.kind ? `The "${sheet.kind === 'posts' ? 'posts' : 'accounts'}" list of this file` : 'This file';
    const columns = resolveSheet(sheet, label);
    kinds.add(columns.kind);
    result.columns.mapped.push(
      ...columns.mapping.mapped.filter((m) => !result.columns.mapped.some((x) => x.column === m.column)),
    );
    result.columns.unrecognised.push(
      ...columns.mapping.unrecognised.filter((c) => !result.columns.unrecognised.includes(c)),
    );
    result.rowCount += sheet.records.length;
    const context: RowContext = { columns, ...options };
    // In a { posts, accounts } file both lists count from 1, so account problems say which list.
    const prefix = sectioned && columns.kind === 'account-metrics' ? 'in accounts: ' : '';
    for (const record of sheet.records) {
      const checked = columns.kind === 'posts' ? validatePostRow(record, context) : validateAccountRow(record, context);
      if (!checked.ok) result.problems.push(...checked.problems.map((p) => ({ ...p, message: prefix + p.message })));
      else if (columns.kind === 'posts') result.posts.push(checked.value as PostRow);
      else result.accountDays.push(checked.value as AccountDayRow);
    }
  }
  result.kind = kinds.has('posts') ? 'posts' : 'account-metrics';
  return result;
}

/** The problems grouped per row, as the import report lists skipped rows. */
export function skippedRows(problems: RowProblem[]): { row: number; reason: string }[] {
  const byRow = new Map<string, { row: number; reasons: string[] }>();
  for (const problem of problems) {
    const key = `${problem.row}:${problem.message.startsWith('in accounts: ') ? 'a' : 'p'}`;
    const entry = byRow.get(key) ?? { row: problem.row, reasons: [] };
    entry.reasons.push(problem.message);
    byRow.set(key, entry);
  }
  return [...byRow.values()].map(({ row, reasons }) => ({ row, reason: reasons.join('; ') }));
}
