import { parse } from 'csv-parse/sync';
import { ContractError } from '../../shared/contract/errors';
import type { ImportFormat, ImportKind } from '../../shared/domain/imports';

/** One data row as read: cell values by column name, and the row number a person sees in the file. */
export interface RawRecord {
  row: number;
  cells: Record<string, unknown>;
  /** Set when the row could not be read cell by cell (a CSV row with too many cells). */
  problem?: string;
}

/** A table of rows from the file; a JSON { posts, accounts } file gives two. */
export interface Sheet {
  headers: string[];
  records: RawRecord[];
  /** The kind the file's structure says (JSON sections); otherwise decided from the headers. */
  kind?: ImportKind;
}

export interface ParsedFile {
  format: ImportFormat;
  sheets: Sheet[];
}

function invalid(message: string): ContractError {
  return new ContractError('VALIDATION_FAILED', message, { issues: [{ path: ['content'], message }] });
}

/** CSV or JSON, by the file's extension, else by its first character. */
export function detectFormat(fileName: string, content: string): ImportFormat {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (extension === 'json') return 'json';
  if (extension === 'csv' || extension === 'tsv') return 'csv';
  const first = content.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '[' || first === '{' ? 'json' : 'csv';
}

export function parseHistoryFile(fileName: string, content: string): ParsedFile {
  const format = detectFormat(fileName, content);
  return { format, sheets: format === 'json' ? parseJson(content) : [parseCsv(content)] };
}

/** The delimiter used in the header line (outside quotes): ";" (common in Europe), tab or ",". */
function detectDelimiter(content: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of content) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char] = (counts[char] ?? 0) + 1;
  }
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

function parseCsv(content: string): Sheet {
  const text = content.replace(/^\uFEFF/, '');
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      bom: true,
      trim: false,
    }) as string[][];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(`This CSV file could not be read (${reason}); nothing was imported`);
  }
  const [header, ...data] = rows;
  const headers = (header ?? []).map((h) => h.trim());
  if (headers.length === 0 || headers.every((h) => h === '')) {
    throw invalid('This CSV file has no header row; the first row must name the columns');
  }
  const records: RawRecord[] = [];
  data.forEach((cells, index) => {
    // Spreadsheet numbering: the header is row 1, so the first data row is row 2.
    const row = index + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    const record: RawRecord = { row, cells: Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])) };
    if (cells.length > headers.length && cells.slice(headers.length).some((cell) => cell.trim() !== '')) {
      record.problem = `has ${cells.length} cells but the header names ${headers.length} columns`;
    }
    records.push(record);
  });
  return { headers, records };
}

const JSON_SHAPE =
  'This JSON file has the wrong shape: expected an array of row objects or { "posts": [...], "accounts": [...] }; nothing was imported';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sheetOf(items: unknown, kind?: ImportKind): Sheet {
  if (!Array.isArray(items) || !items.every(isPlainObject)) throw invalid(JSON_SHAPE);
  const headers = [...new Set(items.flatMap((item) => Object.keys(item)))];
  const records = items.map((cells, index) => ({ row: index + 1, cells }));
  return kind ? { headers, records, kind } : { headers, records };
}

function parseJson(content: string): Sheet[] {
  let json: unknown;
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch {
    throw invalid('This file is not valid JSON; nothing was imported');
  }
  if (Array.isArray(json)) return [sheetOf(json)];
  if (!isPlainObject(json) || (json.posts === undefined && json.accounts === undefined)) throw invalid(JSON_SHAPE);
  const sheets: Sheet[] = [];
  if (json.posts !== undefined) sheets.push(sheetOf(json.posts, 'posts'));
  if (json.accounts !== undefined) sheets.push(sheetOf(json.accounts, 'account-metrics'));
  return sheets;
}
