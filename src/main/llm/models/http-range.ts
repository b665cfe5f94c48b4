import { ModelDownloadError } from './download-error';

/** What a response means for a download that already holds `offset` bytes. */
export type RangeOutcome =
  /** Append the body after the bytes we have. */
  | { kind: 'append'; total: number | null }
  /** The server sent the whole file (it ignored Range, or the file changed): start over. */
  | { kind: 'restart'; total: number | null }
  /** We already have every byte. */
  | { kind: 'complete'; total: number }
  /** The answer does not fit what we hold (a range we did not ask for): drop it and ask afresh. */
  | { kind: 'discard'; reason: string };

/** Parses `bytes 100-199/1000` (or `bytes 100-199/*`, or `bytes *\/1000` on a 416). */
export function parseContentRange(header: string | null): { start: number | null; total: number | null } | null {
  const match = /^bytes (?:(\d+)-\d+|\*)\/(\d+|\*)$/.exec(header?.trim() ?? '');
  if (!match) return null;
  return {
    start: match[1] === undefined ? null : Number(match[1]),
    total: match[2] === '*' || match[2] === undefined ? null : Number(match[2]),
  };
}

/**
 * Interprets the status of a (possibly ranged) GET. 206 is only trusted when its Content-Range
 * starts exactly where our partial file ends; a 200 is a whole fresh copy (the server ignored
 * Range, or If-Range found the file changed).
 */
export function classifyResponse(response: Response, offset: number, url: string): RangeOutcome {
  const length = response.headers.get('content-length');
  if (response.status === 206) {
    const header = response.headers.get('content-range');
    const range = parseContentRange(header);
    if (!range || range.start !== offset) return { kind: 'discard', reason: `Content-Range ${header ?? 'missing'}` };
    return { kind: 'append', total: range.total };
  }
  if (response.status === 416 && offset > 0) {
    const total = parseContentRange(response.headers.get('content-range'))?.total ?? null;
    if (total === offset) return { kind: 'complete', total };
    return { kind: 'discard', reason: `HTTP 416 with ${offset} bytes held` };
  }
  if (response.ok) return { kind: 'restart', total: length === null ? null : Number(length) };
  if (response.status === 404 || response.status === 410) {
    throw new ModelDownloadError('not_found', `The model file is not at ${url} (HTTP ${response.status})`, {
      status: response.status,
    });
  }
  const reason = response.statusText ? ` ${response.statusText}` : '';
  throw new ModelDownloadError('http', `The download server answered HTTP ${response.status}${reason} for ${url}`, {
    status: response.status,
  });
}
