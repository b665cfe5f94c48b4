/**
 * Transcripts arrive from Whisper ("Hey Cadence, um, post it now.") and pocketsphinx ("post it now"):
 * both are folded to the same lower-case, accent-free, punctuation-free form before any matching.
 */

/** Lower case, accents folded (so Whisper's "publícalo" and a bare "publicalo" match), no punctuation, single spaces. */
export function normalizePhrase(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      // "9 a.m." and "9 A.M." keep their meaning once the dots go.
      .replace(/\b([ap])\s?\.\s?m\b\.?/g, '$1m')
      .replace(/['’`´]/g, '')
      .replace(/&/g, ' and ')
      // Keep "9:30" and "2.5" as times/numbers; every other symbol is a word break.
      .replace(/(\d)[:.](\d)/g, '$1\uE000$2')
      .replace(/[^\p{L}\p{N}\uE000]+/gu, ' ')
      .replace(/\uE000/g, ':')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Wake words and politeness said before the command itself. */
const LEADING = [
  'hey cadence',
  'hi cadence',
  'ok cadence',
  'okay cadence',
  'oye cadence',
  'hola cadence',
  'cadence',
  'can you',
  'could you',
  'would you',
  'will you',
  'i want you to',
  'i want to',
  'i would like to',
  'id like to',
  'i need you to',
  'i need to',
  'lets',
  'go ahead and',
  'please',
  'just',
  'now',
  'so',
  'ok',
  'okay',
  'alright',
  'puedes',
  'podrias',
  'quiero que',
  'me gustaria',
  'por favor',
  'oye',
  'bueno',
  'vale',
];

/** Hesitations and politeness anywhere in the utterance, never meaningful in a command. */
const FILLER_WORDS = new Set([
  'um',
  'umm',
  'uh',
  'uhm',
  'uhh',
  'erm',
  'er',
  'hmm',
  'hm',
  'mm',
  'mhm',
  'ah',
  'eh',
  'em',
  'please',
  'porfa',
]);

/**
 * The command words only: wake words and politeness removed at the start, hesitations and "please"
 * anywhere. Leading words are only dropped while something is left ("okay" alone stays a yes).
 */
export function stripFillers(normalized: string): string {
  let words = normalized
    .split(' ')
    .filter((w) => w !== '' && !FILLER_WORDS.has(w))
    .join(' ')
    .replace(/\bpor favor\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let changed = true;
  while (changed) {
    changed = false;
    for (const lead of LEADING) {
      if (words.startsWith(`${lead} `)) {
        words = words.slice(lead.length + 1);
        changed = true;
      }
    }
  }
  // A trailing "cadence" ("post it now, Cadence") is an address, not part of the command.
  return words.replace(/\s+cadence$/, '');
}

/** The utterance's words as said: case and accents kept, punctuation gone (for topics shown back). */
function displayTokens(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/\b([ap])\s?\.\s?m\b\.?/gi, '$1m')
    .replace(/['’`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/(\d)[:.](\d)/g, '$1\uE000$2')
    .replace(/[^\p{L}\p{M}\p{N}\uE000]+/gu, ' ')
    .replace(/\uE000/g, ':')
    .split(' ')
    .filter((w) => w !== '');
}

/**
 * The words of `span` (a stretch of the normalised utterance) as they were said in `original`:
 * "rutinas de manana" → "rutinas de mañana", "ai ethics" → "AI ethics". Falls back to `span`.
 */
export function originalWording(span: string, original: string): string {
  const wanted = span.split(' ').filter((w) => w !== '');
  const shown = displayTokens(original);
  const folded = shown.map((w) => normalizePhrase(w));
  for (let start = folded.length - wanted.length; start >= 0; start--) {
    if (wanted.every((w, i) => folded[start + i] === w)) return shown.slice(start, start + wanted.length).join(' ');
  }
  return span;
}
