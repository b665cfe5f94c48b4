import twitterTextModule from 'twitter-text';
import type { ParsedTweet, ParseTweetOptions, UrlWithIndices } from 'twitter-text';

/**
 * The parts of twitter-text 3.1.0 that Cadence uses, reached safely from both Node and the browser.
 *
 * twitter-text ships two builds and no `exports` map:
 * - `main` (dist/index.js) is CommonJS ending in `module.exports = exports.default`, so Node's ESM
 *   loader (Vitest, the Electron main bundle) hands the API object over as the default import; its
 *   named exports are invisible to Node (cjs-module-lexer sees only `__esModule` and `default`).
 * - `module` (dist/esm, a folder) is what Vite picks for the renderer: an ES build whose only
 *   export is `export default { ... }`. Named imports (`import { parseTweet }`) fail there.
 * So the default import is the one form that works everywhere. @types/twitter-text declares named
 * exports only; `esModuleInterop` lets TypeScript accept the default import. Some bundler interop
 * layers wrap a CommonJS module once more (`{ default: api }`), so the API is looked up defensively
 * and a missing API fails at load with a clear message instead of at the first keystroke.
 *
 * `configs` exists at runtime (twttr.configs.version1..3, defaults) but is not in the published
 * types, hence the local interface.
 */

/** twitter-text's weighted-length configuration (configs.version3 and friends). */
export interface TwitterTextConfig extends ParseTweetOptions {
  version: number;
  maxWeightedTweetLength: number;
  scale: number;
  defaultWeight: number;
  transformedURLLength: number;
  ranges: Array<{ start: number; end: number; weight: number }>;
}

interface TwitterTextApi {
  parseTweet(text: string, options?: ParseTweetOptions): ParsedTweet;
  extractUrlsWithIndices(text: string, options?: { extractUrlsWithoutProtocol: boolean }): UrlWithIndices[];
  configs: { version3: TwitterTextConfig };
}

function isApi(candidate: unknown): candidate is TwitterTextApi {
  if (typeof candidate !== 'object' || candidate === null) return false;
  const api = candidate as Partial<Record<keyof TwitterTextApi, unknown>>;
  return (
    typeof api.parseTweet === 'function' &&
    typeof api.extractUrlsWithIndices === 'function' &&
    typeof api.configs === 'object' &&
    api.configs !== null
  );
}

function resolveApi(moduleValue: unknown): TwitterTextApi {
  let candidate = moduleValue;
  // The API itself, or up to two interop wrappers around it.
  for (let depth = 0; depth < 3; depth++) {
    if (isApi(candidate)) return candidate;
    if (typeof candidate !== 'object' || candidate === null || !('default' in candidate)) break;
    candidate = (candidate as { default: unknown }).default;
  }
  throw new Error('twitter-text did not load: neither its default export nor its module has parseTweet');
}

const api = resolveApi(twitterTextModule);

const version3 = api.configs.version3;
if (version3.version !== 3 || version3.emojiParsingEnabled !== true) {
  throw new Error('twitter-text configs.version3 is not the v3 (emoji-discounted) configuration');
}

/** twitter-text's own v3 configuration: 280 weighted, emoji 2, URLs 23, CJK 2. */
export const TWITTER_V3_CONFIG: Readonly<TwitterTextConfig> = version3;

export function parseTweet(text: string, config: ParseTweetOptions): ParsedTweet {
  return api.parseTweet(text, config);
}

/** URLs as twitter-text finds them; `withoutProtocol: false` keeps only http(s)://… links. */
export function extractUrlsWithIndices(text: string, withoutProtocol: boolean): UrlWithIndices[] {
  return api.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: withoutProtocol });
}
