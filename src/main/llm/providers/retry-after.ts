/**
 * How long a rate-limited provider asks us to wait, read from the headers of its 429 answer.
 * Order of trust: `retry-after-ms` (OpenAI), `retry-after` (seconds or an HTTP date, RFC 9110), then
 * the provider's own reset headers for whichever limit is exhausted.
 */

const DURATION_PART = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };

/** `retry-after`: delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string, now: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** OpenAI and Groq reset durations such as `120ms`, `7.66s`, `6m0s`, `1h2m3.5s`. */
export function parseResetDuration(value: string): number | undefined {
  const trimmed = value.trim();
  const parts = [...trimmed.matchAll(DURATION_PART)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) return undefined;
  return Math.round(parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * (UNIT_MS[unit ?? 's'] ?? 0), 0));
}

/** Anthropic's `anthropic-ratelimit-*-reset` values are RFC 3339 instants. */
function parseResetInstant(value: string, now: number): number | undefined {
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait implied by reset headers: the latest reset among exhausted limits (remaining 0), or, when
 * no header says which limit tripped, the latest reset of any limit.
 */
function fromResetHeaders(headers: Headers, now: number): number | undefined {
  const exhausted: number[] = [];
  const all: number[] = [];
  for (const [name, value] of headers) {
    const openAi = /^x-ratelimit-reset-(.+)$/.exec(name);
    const anthropic = /^anthropic-ratelimit-(.+)-reset$/.exec(name);
    const limit = openAi?.[1] ?? anthropic?.[1];
    if (limit === undefined) continue;
    const ms = openAi ? parseResetDuration(value) : parseResetInstant(value, now);
    if (ms === undefined) continue;
    all.push(ms);
    const remaining = openAi
      ? headers.get(`x-ratelimit-remaining-${limit}`)
      : headers.get(`anthropic-ratelimit-${limit}-remaining`);
    if (remaining?.trim() === '0') exhausted.push(ms);
  }
  const chosen = exhausted.length > 0 ? exhausted : all;
  return chosen.length > 0 ? Math.max(...chosen) : undefined;
}

export function retryAfterMsFromHeaders(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.round(Number(ms));
  const retryAfter = headers.get('retry-after');
  const parsed = retryAfter === null ? undefined : parseRetryAfter(retryAfter, now);
  return parsed ?? fromResetHeaders(headers, now);
}
