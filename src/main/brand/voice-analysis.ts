import type { Platform } from '../../shared/domain/platform';
import type { VoiceCues, VoiceFields } from '../../shared/domain/brand';
import { hashtagsIn } from '../../shared/platforms/shape/hashtags';
import { graphemes } from '../../shared/platforms/graphemes';
import { sentences } from '../../shared/platforms/shape/segments';
import { signaturePhrases } from './signature-phrases';
import { wordsOf } from './stop-words';

/** One of the creator's posts as learning reads it. */
export interface VoicePost {
  id: string;
  body: string;
  platforms: Platform[];
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const FIRST_PERSON = new Set([
  'i',
  'me',
  'my',
  'mine',
  'myself',
  "i'm",
  "i've",
  "i'll",
  "i'd",
  'we',
  'us',
  'our',
  'ours',
  "we're",
  "we've",
]);
const CONTRACTION = /^[\p{L}]+'(?:s|t|re|ve|ll|d|m)$/u;
const CASUAL_WORDS = new Set([
  'lol',
  'omg',
  'gonna',
  'wanna',
  'kinda',
  'btw',
  'tbh',
  'yeah',
  'hey',
  'awesome',
  'super',
  'gotta',
]);

/** Tone thresholds: each cue past its mark earns a tone word (simple, explainable lexical cues). */
const TONE_RULES: ReadonlyArray<{ word: string; applies: (cues: VoiceCues, casual: number) => boolean }> = [
  { word: 'enthusiastic', applies: (cues) => cues.exclamationRate >= 0.3 },
  { word: 'calm', applies: (cues) => cues.exclamationRate < 0.05 },
  { word: 'conversational', applies: (cues) => cues.questionRate >= 0.3 },
  { word: 'personal', applies: (cues) => cues.firstPersonRate >= 0.04 },
  { word: 'impersonal', applies: (cues) => cues.firstPersonRate < 0.01 },
  { word: 'casual', applies: (cues, casual) => cues.contractionRate >= 0.02 || casual >= 0.01 },
  {
    word: 'formal',
    applies: (cues, casual) => cues.contractionRate < 0.005 && casual === 0 && cues.averageWordLength >= 5,
  },
  { word: 'punchy', applies: (cues) => cues.averageSentenceWords > 0 && cues.averageSentenceWords <= 10 },
  { word: 'detailed', applies: (cues) => cues.averageSentenceWords >= 22 },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

function round(value: number, places = 3): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** Most frequent first (ties: first seen), at most `limit`. */
function favourites(items: readonly string[], limit: number): string[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts]
    .sort(([, a], [, b]) => b - a)
    .slice(0, limit)
    .map(([item]) => item);
}

function measureCues(posts: readonly VoicePost[]): { cues: VoiceCues; casualRate: number } {
  let words = 0;
  let firstPerson = 0;
  let contractions = 0;
  let casual = 0;
  let letters = 0;
  let sentenceCount = 0;
  for (const post of posts) {
    const postWords = wordsOf(post.body);
    words += postWords.length;
    for (const word of postWords) {
      if (FIRST_PERSON.has(word)) firstPerson++;
      if (CONTRACTION.test(word)) contractions++;
      if (CASUAL_WORDS.has(word)) casual++;
      letters += word.length;
    }
    sentenceCount += sentences(post.body).filter((sentence) => wordsOf(sentence).length > 0).length;
  }
  const share = (test: (body: string) => boolean): number =>
    round(posts.filter((post) => test(post.body)).length / posts.length);
  const perWord = (count: number): number => (words === 0 ? 0 : round(count / words));
  return {
    cues: {
      exclamationRate: share((body) => /[!！]/u.test(body)),
      questionRate: share((body) => /[?？]/u.test(body)),
      firstPersonRate: perWord(firstPerson),
      contractionRate: perWord(contractions),
      averageSentenceWords: sentenceCount === 0 ? 0 : round(words / sentenceCount, 1),
      averageWordLength: words === 0 ? 0 : round(letters / words, 2),
    },
    casualRate: perWord(casual),
  };
}

/** The voice a set of posts shows (notes left empty: only the creator writes those). */
export function analyseVoice(posts: readonly VoicePost[]): { fields: VoiceFields; cues: VoiceCues } {
  const { cues, casualRate } = measureCues(posts);
  const tone = TONE_RULES.filter((rule) => rule.applies(cues, casualRate)).map((rule) => rule.word);

  const lengths = new Map<Platform, number[]>();
  for (const post of posts) {
    for (const platform of post.platforms) lengths.set(platform, [...(lengths.get(platform) ?? []), post.body.length]);
  }
  const typicalLength = [...lengths]
    .map(([platform, values]) => ({ platform, medianChars: median(values), posts: values.length }))
    .sort((a, b) => b.posts - a.posts || a.platform.localeCompare(b.platform));

  const emoji = posts.flatMap((post) => [...graphemes(post.body)].filter((g) => EMOJI.test(g)));
  const tags = posts.flatMap((post) => hashtagsIn(post.body).map((tag) => tag.toLocaleLowerCase()));

  return {
    cues,
    fields: {
      tone,
      typicalLength,
      emoji: { perPost: round(emoji.length / posts.length, 2), favourites: favourites(emoji, 5) },
      hashtags: { perPost: round(tags.length / posts.length, 2), favourites: favourites(tags, 10) },
      signaturePhrases: signaturePhrases(posts.map((post) => post.body)),
      notes: '',
    },
  };
}
