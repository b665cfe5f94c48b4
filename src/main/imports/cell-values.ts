import { TZDate } from '@date-fns/tz';

/** A cell's text, or null when empty. Numbers from JSON become their decimal text. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : text;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A count: a whole number ≥ 0, with optional thousands separators ("1,234", "1 234", "1'234").
 * Empty means "not given" (null).
 */
export function parseCount(value: unknown, column: string): Parsed<number | null> {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, message: `${column} '${value}' is not a number` };
    if (value < 0) return { ok: false, message: `${column} '${value}' is negative` };
    if (!Number.isInteger(value)) return { ok: false, message: `${column} '${value}' is not a whole number` };
    return { ok: true, value };
  }
  const text = cellText(value);
  if (text === null) return { ok: true, value: null };
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  // One separator between groups of three: "1,234", "1 234", "1'234", and "1.000" (European
  // grouping; counts are whole numbers, so it means a thousand, never one).
  const grouped = /^[-+]?\d{1,3}([,.'_\s\u00a0\u202f])\d{3}(\1\d{3})*$/u.test(text);
  const compact = grouped ? text.replace(/[,.'_\s\u00a0\u202f]/gu, '') : text;
  if (!/^[-+]?\d+(\.\d+)?$/.test(compact)) return { ok: false, message: `${column} '${shown}' is not a number` };
  const number = Number(compact);
  if (number < 0) return { ok: false, message: `${column} '${shown}' is negative` };
  if (!Number.isInteger(number)) return { ok: false, message: `${column} '${shown}' is not a whole number` };
  if (!Number.isSafeInteger(number)) return { ok: false, message: `${column} '${shown}' is too large` };
  return { ok: true, value: number };
}

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?$/;

/**
 * A moment as an ISO instant (UTC). ISO with an offset is taken as is; "YYYY-MM-DD HH:mm" (or a
 * bare date, read as midnight) is wall-clock time in `timeZone` (the creator's, else UTC).
 */
export function parseInstant(value: unknown, column: string, timeZone: string): Parsed<string> {
  const text = cellText(value);
  if (text === null) return { ok: false, message: `${column} is missing` };
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const notADate = {
    ok: false as const,
    message: `${column} '${shown}' is not a date (use YYYY-MM-DD HH:mm or ISO 8601)`,
  };
  if (WITH_OFFSET.test(text)) {
    const ms = Date.parse(text.replace(' ', 'T'));
    return Number.isNaN(ms) ? notADate : { ok: true, value: new Date(ms).toISOString() };
  }
  const match = LOCAL.exec(text);
  if (!match) return notADate;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const local = new TZDate(year!, month! - 1, day!, hour!, minute!, second!, timeZone);
  // Reject dates the calendar does not have (2026-02-30, 25:00) rather than rolling them over.
  if (
    local.getFullYear() !== year ||
    local.getMonth() !== month! - 1 ||
    local.getDate() !== day ||
    hour! > 23 ||
    minute! > 59 ||
    second! > 59
  ) {
    return notADate;
  }
  return { ok: true, value: new Date(local.getTime()).toISOString() };
}

/** A calendar day YYYY-MM-DD: given as such, or the day of an instant in `timeZone`. */
export function parseDay(value: unknown, column: string, timeZone: string): Parsed<string> {
  const text = cellText(value);
  if (text !== null && /^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const instant = parseInstant(text, column, 'UTC');
    return instant.ok ? { ok: true, value: text } : instant;
  }
  const instant = parseInstant(value, column, timeZone);
  if (!instant.ok) return instant;
  return { ok: true, value: localDay(instant.value, timeZone) };
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(iso: string, timeZone: string): string {
  const local = new TZDate(new Date(iso).getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

const TAG = /^[\p{L}\p{N}_]{1,50}$/u;
export const MAX_TAGS = 50;

/** Hashtags from a tags cell ("#a, b c" or a JSON array), else from #words in the text. */
export function parseTags(value: unknown, text: string): string[] {
  const fromCell = Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : (cellText(value)?.split(/[\s,;|]+/u) ?? []);
  const candidates = fromCell.length > 0 ? fromCell : [...text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => m[1] ?? '');
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const tag = candidate.trim().replace(/^#+/u, '');
    const key = tag.toLocaleLowerCase();
    if (!TAG.test(tag) || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
    if (tags.length === MAX_TAGS) break;
  }
  return tags;
}
