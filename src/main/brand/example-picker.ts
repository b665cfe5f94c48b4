import type { VoiceExample, VoiceGuide } from '../../shared/domain/brand';
import type { Platform } from '../../shared/domain/platform';
import { STOP_WORDS, wordsOf } from './stop-words';
import type { VoicePost } from './voice-analysis';
import type { VoiceRepository } from './voice.repository';

/**
 * Semantic neighbours of a text among the creator's posts, best first (the search domain's
 * `similarPosts`, when an embeddings model is available). May throw, or return null or nothing;
 * lexical search takes over then.
 */
export type SimilarPostsFn = (text: string, k: number) => Promise<ReadonlyArray<{ postId: string }> | null>;

/** Search terms taken from the text: its rarest words in the creator's own posts. */
const DISTINCTIVE_TERMS = 8;
/** An example is quoted up to this many characters, to keep prompts bounded. */
const EXAMPLE_MAX_CHARS = 1500;

/** Words folded as the FTS5 unicode61 tokenizer (remove_diacritics 2) folds them. */
function foldedTerms(text: string): string[] {
  const words = wordsOf(text.normalize('NFC'))
    .flatMap((word) => word.split("'"))
    .filter((word) => word.length >= 3 && !STOP_WORDS.has(word))
    .map((word) => word.normalize('NFD').replace(/\p{M}/gu, ''));
  return [...new Set(words)];
}

function toExample(post: VoicePost): VoiceExample {
  const text = post.body.length > EXAMPLE_MAX_CHARS ? `${post.body.slice(0, EXAMPLE_MAX_CHARS).trimEnd()}…` : post.body;
  return { postId: post.id, text };
}

/** Posts for the platform first (keeping each group's order), others after; the same text never twice. */
function choose(
  candidates: readonly VoicePost[],
  text: string,
  platform: Platform | undefined,
  k: number,
): VoicePost[] {
  const own = text.trim();
  const seen = new Set<string>();
  const usable = candidates.filter((post) => {
    const body = post.body.trim();
    if (body === own || seen.has(body)) return false;
    seen.add(body);
    return true;
  });
  if (platform === undefined) return usable.slice(0, k);
  const onPlatform = usable.filter((post) => post.platforms.includes(platform));
  const others = usable.filter((post) => !post.platforms.includes(platform));
  return [...onPlatform, ...others].slice(0, k);
}

/**
 * Picks the creator's posts most like `text`: by embeddings when `similar` is given and answers,
 * else by bm25 over the text's most distinctive words (those fewest of the creator's posts hold),
 * else the newest posts. Published (or imported) posts are preferred when there are enough.
 */
export async function pickExamples(
  repository: VoiceRepository,
  similar: SimilarPostsFn | undefined,
  request: { text: string; platform?: Platform; k: number; publishedOnly: boolean },
): Promise<{ examples: VoiceExample[]; method: VoiceGuide['method'] }> {
  const { text, platform, k, publishedOnly } = request;
  const pool = k * 4;
  if (similar !== undefined) {
    try {
      const neighbours = await similar(text, pool);
      const posts = choose(await repository.byIds((neighbours ?? []).map((n) => n.postId)), text, platform, k);
      if (posts.length > 0) return { examples: posts.map(toExample), method: 'semantic' };
    } catch {
      // No embeddings model right now: lexical search below is the documented fallback.
    }
  }

  const terms = foldedTerms(text);
  const counts = await repository.termDocumentCounts(terms);
  const distinctive = terms
    .filter((term) => (counts.get(term) ?? 0) > 0)
    .sort((a, b) => counts.get(a)! - counts.get(b)! || a.localeCompare(b))
    .slice(0, DISTINCTIVE_TERMS);
  if (distinctive.length > 0) {
    const query = distinctive.map((term) => `"${term}"`).join(' OR ');
    const posts = choose(await repository.search(query, pool, publishedOnly), text, platform, k);
    if (posts.length > 0) return { examples: posts.map(toExample), method: 'lexical' };
  }

  const recent = choose(await repository.recent(pool, publishedOnly), text, platform, k);
  return { examples: recent.map(toExample), method: recent.length > 0 ? 'recent' : 'none' };
}
