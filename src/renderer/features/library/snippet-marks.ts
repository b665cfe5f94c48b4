import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../../shared/contract/posts';

/** The marks the search puts around matched words, from the contract. */
export const MARK_OPEN = SNIPPET_OPEN;
export const MARK_CLOSE = SNIPPET_CLOSE;

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/**
 * Splits a search snippet into plain and matched parts, so matches render as <mark> elements
 * (never through innerHTML). Unbalanced or stray marks are dropped rather than shown.
 */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  let text = '';
  const flush = () => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
    text = '';
  };
  for (const char of snippet) {
    if (char === MARK_OPEN || char === MARK_CLOSE) {
      flush();
      marked = char === MARK_OPEN;
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}

/** The snippet as plain text, for titles and accessible names. */
export function snippetText(snippet: string): string {
  return snippet.replaceAll(MARK_OPEN, '').replaceAll(MARK_CLOSE, '');
}

/**
 * Marks where the searched words start a word in `text` (the server's snippet covers the body
 * only, so titles are highlighted here). Each word matches as a prefix, case-insensitively.
 */
export function markQuery(text: string, query: string): SnippetPart[] {
  const words = query
    .split(/[\s"]+/u)
    .map((word) => word.replace(/[^\p{L}\p{N}\p{M}_#@'-]/gu, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\-]/gu, '\\$&'));
  if (words.length === 0 || !text) return text ? [{ text, marked: false }] : [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})`, 'giu');
  return parseSnippet(text.replace(pattern, (match) => `${MARK_OPEN}${match}${MARK_CLOSE}`));
}
