/**
 * A platform response body: its JSON, else the raw text (an HTML error page from a proxy is still
 * worth showing), else null when empty.
 */
export function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A JSON header value (Meta's usage headers); null when absent or not JSON. */
export function parseJsonHeader<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
