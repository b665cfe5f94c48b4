import type { HashtagRecommendation, RecommendHashtagsInput } from '../../shared/contract/hashtags';
import type { Platform } from '../../shared/domain/platform';
import { PLATFORM_LIMITS } from '../../shared/platforms/limits';
import { sweetSpotOf } from '../../shared/quality/sweet-spots';
import { hashtagsOf, proseOf, wordsOf } from '../../shared/quality/text-features';
import type { AnalyticsService } from '../analytics/analytics.service';
import type { DomainDeps } from '../domain-deps';
import { tagHistory } from './hashtag-history';
import { STOPWORDS } from './stopwords';

/** Instagram's hard cap when the limits file gives none. */
const DEFAULT_HASHTAG_LIMIT = 30;
/** Fewer posts than this on the platform: the history of every platform is used. */
const MIN_PLATFORM_HISTORY = 3;
const MAX_KEY_WORDS = 8;

interface Candidate {
  score: number;
  reasons: { weight: number; text: string }[];
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;
/** A word as a tag: lower case, letters, digits and _ only. */
const asTag = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{M}\p{N}_]/gu, '');

/**
 * Hashtag suggestions, each with its reasons, from four sources: the creator's history (tags on
 * their best posts, via AnalyticsService.publishedPosts), the text (its words and distinctive
 * words), the niche from the profile, and trend rows in hashtag_trends when there are any.
 */
export class HashtagsService {
  constructor(
    private readonly deps: DomainDeps,
    private readonly analytics: AnalyticsService,
  ) {}

  async recommend(input: RecommendHashtagsInput): Promise<HashtagRecommendation> {
    const { platform, text } = input;
    const name = PLATFORM_LIMITS[platform].displayName;
    const all = hashtagsOf(text);
    const inText = [...new Set(all)];
    const norm = sweetSpotOf(platform).hashtags;
    const room = this.roomFor(platform, all.length, inText.length);
    const notes: string[] = [];
    const base = { platform, inText, norm, room };
    if (room === 0) {
      notes.push(`This post already has ${all.length} hashtags; ${norm.max} is the most that works on ${name}.`);
      return { ...base, suggestions: [], notes };
    }

    const candidates = new Map<string, Candidate>();
    const add = (tag: string, weight: number, reason: string) => {
      if (tag.length < 2 || /^\d+$/u.test(tag)) return;
      let c = candidates.get(tag);
      if (!c) candidates.set(tag, (c = { score: 0, reasons: [] }));
      c.score += weight;
      if (!c.reasons.some((r) => r.text === reason)) c.reasons.push({ weight, text: reason });
    };

    const words = wordsOf(proseOf(text))
      .map(asTag)
      .filter((w) => w.length > 0);
    const textTags = new Map<string, string>(); // tag form → the word(s) as written
    for (let i = 0; i < words.length; i += 1) {
      textTags.set(words[i]!, words[i]!);
      if (i + 1 < words.length) textTags.set(words[i]! + words[i + 1]!, `${words[i]} ${words[i + 1]}`);
    }

    await this.fromHistory(platform, input.postId, add, notes);
    this.fromText(words, add);
    const nicheWords = await this.fromNiche(add);
    await this.fromTrends(platform, textTags, nicheWords, candidates, add, notes);

    // A suggested tag that the text itself talks about gets a boost, with the word it matched.
    for (const tag of candidates.keys()) {
      const word = textTags.get(tag);
      if (word !== undefined) add(tag, 3, `matches '${word}' in your text`);
    }

    const suggestions = [...candidates]
      .filter(([tag]) => !inText.includes(tag))
      .map(([tag, c]) => ({
        tag,
        score: Math.round(c.score * 100) / 100,
        reasons: c.reasons.sort((a, b) => b.weight - a.weight).map((r) => r.text),
      }))
      .sort((a, b) => b.score - a.score || a.tag.localeCompare(b.tag))
      .slice(0, room);
    if (suggestions.length === 0)
      notes.push('Nothing to suggest yet: write a little more, or set your niche in the profile.');
    return { ...base, suggestions, notes };
  }

  /** Instagram: up to its hard limit minus the tags already there; elsewhere up to the norm. */
  private roomFor(platform: Platform, occurrences: number, distinct: number): number {
    if (platform === 'instagram') {
      const field = PLATFORM_LIMITS.instagram.fields[PLATFORM_LIMITS.instagram.primaryField];
      return Math.max(0, (field?.hashtagLimit ?? DEFAULT_HASHTAG_LIMIT) - occurrences);
    }
    return Math.max(0, sweetSpotOf(platform).hashtags.max - distinct);
  }

  private async fromHistory(
    platform: Platform,
    postId: string | undefined,
    add: (tag: string, weight: number, reason: string) => void,
    notes: string[],
  ): Promise<void> {
    const name = PLATFORM_LIMITS[platform].displayName;
    const own = (await this.analytics.publishedPosts({ platforms: [platform] })).filter((p) => p.postId !== postId);
    let posts = own;
    let where = `${name} `;
    if (own.length < MIN_PLATFORM_HISTORY) {
      posts = (await this.analytics.publishedPosts()).filter((p) => p.postId !== postId);
      where = '';
      if (posts.length > 0) notes.push(`Few published ${name} posts yet: your history on every platform was used.`);
    }
    if (posts.length === 0) {
      notes.push('No published posts with results yet: suggestions come from this text and your niche.');
      return;
    }
    const { tags, bestCount } = tagHistory(posts);
    for (const t of tags) {
      if (t.bestUses > 0) {
        const avg = t.averageBestRate === null ? '' : ` (avg ${percent(t.averageBestRate)} engagement)`;
        add(
          t.tag,
          2 + 2 * (t.bestUses / Math.max(1, bestCount)) + t.bestUses * 0.5,
          `used on ${t.bestUses} of your ${bestCount} best ${where}posts${avg}`,
        );
      } else {
        const avg = t.averageRate === null ? '' : ` (avg ${percent(t.averageRate)} engagement)`;
        add(t.tag, 0.5 + 0.1 * t.uses, `used on ${t.uses} of your ${where}posts${avg}`);
      }
    }
  }

  /** Distinctive words of the text: 5+ letters, not a common word, the most repeated and longest first. */
  private fromText(words: string[], add: (tag: string, weight: number, reason: string) => void): void {
    const counts = new Map<string, number>();
    for (const w of words) {
      if (w.length < 5 || STOPWORDS.has(w) || /\d/u.test(w)) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).slice(0, MAX_KEY_WORDS);
    for (const [word, count] of ranked) add(word, 1 + 0.5 * (count - 1), `a key word in your text ('${word}')`);
  }

  /** The niche's words (and the niche as one tag when it is 2–3 words); returns them for trend matching. */
  private async fromNiche(add: (tag: string, weight: number, reason: string) => void): Promise<string[]> {
    const niche = (await this.deps.profile.get())?.niche?.trim();
    if (!niche) return [];
    const parts = wordsOf(niche)
      .map(asTag)
      .filter((w) => w.length >= 3 && !STOPWORDS.has(w));
    const tags = [...parts];
    if (parts.length >= 2 && parts.length <= 3) tags.push(parts.join(''));
    for (const tag of tags) add(tag, 1.5, `your niche: ${niche}`);
    return parts;
  }

  /**
   * Trend rows for the platform, newest per tag, only where they relate to this post (a tag already
   * suggested, or one containing a word of the text or niche): a trending tag off topic is spam.
   */
  private async fromTrends(
    platform: Platform,
    textTags: Map<string, string>,
    nicheWords: string[],
    candidates: Map<string, Candidate>,
    add: (tag: string, weight: number, reason: string) => void,
    notes: string[],
  ): Promise<void> {
    const name = PLATFORM_LIMITS[platform].displayName;
    const rows = await this.deps.database.db
      .selectFrom('hashtag_trends')
      .select(['tag', 'score', 'source', 'observed_at'])
      .where('platform', '=', platform)
      .orderBy('observed_at', 'desc')
      .execute();
    if (rows.length === 0) {
      notes.push(`No trend data for ${name}: trends are left out.`);
      return;
    }
    const top = Math.max(...rows.map((r) => r.score), Number.MIN_VALUE);
    const topics = [...textTags.keys(), ...nicheWords].filter((w) => w.length >= 4);
    const seen = new Set<string>();
    let used = 0;
    for (const row of rows) {
      const tag = asTag(row.tag.replace(/^#/u, ''));
      if (seen.has(tag)) continue;
      seen.add(tag);
      const related = candidates.has(tag) || topics.some((w) => tag.includes(w));
      if (!related) continue;
      used += 1;
      add(tag, 1 + row.score / top, `trending on ${name} (source ${row.source}, ${row.observed_at.slice(0, 10)})`);
    }
    if (used === 0) notes.push(`The trend data for ${name} has nothing related to this post.`);
  }
}
