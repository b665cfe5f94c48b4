/**
 * Token count estimate for providers without a counting endpoint (OpenAI, Groq, Meta, Perplexity).
 *
 * No tokenizer package is installed, so this uses OpenAI's published rule of thumb: one token is
 * about four characters of English text. CJK ideographs, kana and hangul are counted as one token
 * each, since BPE vocabularies rarely merge them. Expect ±25% on English prose; use it for budgets
 * and "will this fit" checks, never for billing (billing uses the usage the API returns).
 */

const DENSE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function estimateTokens(text: string): number {
  let dense = 0;
  let other = 0;
  for (const char of text) {
    if (DENSE_SCRIPT.test(char)) dense += 1;
    else other += 1;
  }
  return dense + Math.ceil(other / 4);
}
