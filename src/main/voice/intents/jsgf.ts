import { PAGE_SYNONYMS_FOR_GRAMMAR } from './jsgf-pages';
import type { VoiceLanguage } from '../../../shared/domain/voice';
import { spokenPlatformNames } from './platforms';

export interface JsgfOptions {
  /** Words the topic slot may contain (from the creator's posts and ideas, plus DEFAULT_TOPIC_WORDS). */
  topicWords: string[];
  /** True when the recognizer's dictionary has the word; other words are left out so the grammar loads. */
  isKnownWord(word: string): boolean;
}

/**
 * The spoken command rules, as JSGF alternatives. `<name>` refers to another rule, `[x]` is
 * optional, `(a | b)` groups; literal words are checked against the dictionary and an alternative
 * with an unknown word is dropped (a rule left with none becomes <VOID>). Mirrors phrases-en.ts.
 */
const RULES: Record<string, string[]> = {
  // No wake words or "please" here: every optional word widens the search and costs accuracy
  // (push-to-talk needs no wake word).
  command: [
    '<draft> | <shorten> | <schedule> | <publish> | <delete> | <analytics> | <goal> | <navigate> | <read> | <help> | <answer>',
  ],
  it: ['it', 'this', 'that', 'the post', 'this post', 'the draft', 'my post'],
  noun: ['post', 'draft', 'thread', 'tweet'],
  draft: [
    '[create | write | make | draft | new | start] [a | an] [new] [<platform>] <noun> [(for | on) <platform>] about <topic> [(for | on) <platform>]',
  ],
  shorten: [
    'make <it> [a bit | a little | much] (shorter | more concise)',
    'shorten <it>',
    'trim <it>',
    'cut <it> down',
  ],
  // Only "schedule": "post it … at nine" competes with "post it now" and loses it.
  schedule: ['schedule <it> [for] <when>'],
  when: [
    '[<day>] at <hour> [<minutes>] [<meridiem>]',
    '[<day>] at noon',
    'in (<count> hours | <count> minutes | an hour | half an hour)',
  ],
  day: ['today', 'tomorrow', 'tonight', '[next | on | this] <weekday>'],
  weekday: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  hour: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
  minutes: ['fifteen', 'thirty', 'forty five', "o'clock"],
  meridiem: ['a.m.', 'p.m.', 'in the morning', 'in the afternoon', 'in the evening'],
  count: ['two', 'three', 'four', 'five', 'six', 'ten', 'twelve', 'twenty', 'thirty', 'forty five'],
  publish: ['(post | publish | send) <it> [now | right now]', '(post | publish) now', 'go live'],
  delete: ['(delete | remove | trash | discard) <it>'],
  analytics: [
    'what did my last post do',
    'how did my last post (do | perform)',
    'how is my last post doing',
    'stats for my last post',
  ],
  goal: ['how am i doing on my goal', 'how is my goal going', 'am i on track'],
  navigate: ['(open | go to | show me | take me to | show) [the | my] <page>'],
  read: ['read <it> [back | to me]', 'read back', 'what does it say'],
  help: ['help', 'what can i say', 'what can you do'],
  answer: [
    'yes',
    'yeah',
    'yep',
    'sure',
    'okay',
    'go ahead',
    'do it',
    'confirm',
    'no',
    'nope',
    'cancel',
    'never mind',
    'stop',
  ],
};

const SYMBOL = /^(?:<[a-z-]+>|\[|\]|\(|\)|\||\+)$/;

function literalWords(alternative: string): string[] {
  return alternative
    .replace(/([[\]()|+])/g, ' $1 ')
    .split(/\s+/)
    .filter((t) => t !== '' && !SYMBOL.test(t));
}

/** JSGF words are bare tokens: keep letters, apostrophes and dots ("o'clock", "a.m."). */
function cleanWord(word: string): string | null {
  const w = word.toLowerCase().trim();
  return /^[a-z][a-z'.]*$/.test(w) ? w : null;
}

/**
 * A `#JSGF V1.0;` grammar of the English commands, for pocketsphinx: what phrases-en.ts understands,
 * with platforms as spoken ("linked in", "blue sky"), times in words ("tomorrow at nine") and a topic
 * slot of one or more `topicWords`. Every word passes `isKnownWord`, so the grammar always loads.
 * Spanish has no pocketsphinx model here: asking for it gives the English grammar (pocketsphinx is
 * English-only in Cadence; Whisper handles Spanish).
 */
export function commandJsgf(language: VoiceLanguage, options: JsgfOptions): string {
  void language;
  const known = (alternative: string): boolean => literalWords(alternative).every((w) => options.isKnownWord(w));
  const platforms = spokenPlatformNames().flatMap((p) => p.phrases);
  // Words under 4 letters ("ai", "tea", "art") get inserted into nearly any utterance: left out.
  const topic = [...new Set(options.topicWords.map(cleanWord).filter((w): w is string => w !== null))].filter(
    (w) => w.length >= 4 && options.isKnownWord(w),
  );
  const rules: Record<string, string[]> = {
    ...RULES,
    platform: platforms,
    page: PAGE_SYNONYMS_FOR_GRAMMAR,
    // 1–4 words: an unbounded loop lets topic words swallow the rest of the command.
    topic: ['<topic-word> [<topic-word>] [<topic-word>] [<topic-word>]'],
    'topic-word': topic,
  };
  const lines = ['#JSGF V1.0;', '', 'grammar cadence;', ''];
  for (const [name, alternatives] of Object.entries(rules)) {
    const kept = [...new Set(alternatives.filter(known))];
    const body = kept.length > 0 ? kept.join(' | ') : '<VOID>';
    lines.push(`${name === 'command' ? 'public ' : ''}<${name}> = ${body};`);
  }
  return `${lines.join('\n')}\n`;
}
