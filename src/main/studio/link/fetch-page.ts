import { extractPageText, type PageText, plainPageText } from './html-text';

/** Reads a web page as text for a prompt; throws a plain-language Error when it cannot. */
export type FetchPage = (url: string, signal?: AbortSignal) => Promise<PageText>;

export interface FetchPageOptions {
  timeoutMs?: number;
  /** Bytes read at most; a page's first part carries its title and opening paragraphs. */
  maxBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 8_000;
const DEFAULT_MAX_BYTES = 1_000_000;

/**
 * A page fetcher on Node's fetch (undici) with a timeout and a size cap: the body is read until
 * `maxBytes` and the rest is never downloaded. HTML and plain text only.
 */
export function createPageFetcher(options: FetchPageOptions = {}): FetchPage {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return async (url, signal) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await fetch(url, {
        signal: combined,
        redirect: 'follow',
        headers: { accept: 'text/html, text/plain;q=0.8', 'user-agent': 'Cadence (drafting from a link)' },
      });
    } catch (error) {
      if (timeout.aborted) {
        throw new Error(`the page did not answer within ${Math.round(timeoutMs / 1000)} seconds`, { cause: error });
      }
      throw new Error(`the page could not be reached (${error instanceof Error ? error.message : String(error)})`, {
        cause: error,
      });
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`the site answered ${response.status} ${response.statusText}`.trim());
    }
    const type = (response.headers.get('content-type') ?? '').toLowerCase();
    const isHtml = type.includes('html') || type === '';
    if (!isHtml && !type.startsWith('text/plain')) {
      await response.body?.cancel();
      throw new Error(`the link is not a web page (${type.split(';')[0]})`);
    }
    const text = await readCapped(response, maxBytes, () => timeout.aborted);
    return isHtml ? extractPageText(text) : plainPageText(text);
  };
}

async function readCapped(response: Response, maxBytes: number, timedOut: () => boolean): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch (error) {
    if (timedOut()) throw new Error('the page took too long to download', { cause: error });
    throw error;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const bytes = Buffer.concat(chunks).subarray(0, maxBytes);
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}
