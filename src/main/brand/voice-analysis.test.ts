import { describe, expect, it } from 'vitest';
import type { Platform } from '../../shared/domain/platform';
import { signaturePhrases } from './signature-phrases';
import { analyseVoice, type VoicePost } from './voice-analysis';
import { voiceInstructions } from './voice-instructions';

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
const posts = (bodies: string[], platforms: Platform[] = ['x']): VoicePost[] =>
  bodies.map((body, i) => ({ id: `p${i}`, body, platforms }));

describe('analyseVoice: tone words from lexical cues', () => {
  const cases: Array<{ name: string; bodies: string[]; has: string[]; hasNot: string[] }> = [
    {
      name: 'exclamations, questions, first person, contractions, short sentences',
      bodies: Array.from({ length: 5 }, (_, i) => `I'm so happy! We shipped it ${i}. Did you try it? I can't wait!`),
      has: ['enthusiastic', 'conversational', 'personal', 'casual', 'punchy'],
      hasNot: ['calm', 'formal', 'impersonal'],
    },
    {
      name: 'long words, no contractions, no first person, long sentences',
      bodies: Array.from(
        { length: 5 },
        (_, i) =>
          `Organisations implementing comprehensive documentation strategies consistently demonstrate measurable improvements regarding operational efficiency, institutional knowledge retention, onboarding effectiveness and interdepartmental collaboration across distributed international teams ${i}.`,
      ),
      has: ['calm', 'impersonal', 'formal', 'detailed'],
      hasNot: ['enthusiastic', 'casual', 'personal', 'punchy'],
    },
  ];
  it.each(cases)('$name', ({ bodies, has, hasNot }) => {
    const { fields } = analyseVoice(posts(bodies));
    for (const word of has) expect(fields.tone).toContain(word);
    for (const word of hasNot) expect(fields.tone).not.toContain(word);
  });
});

describe('analyseVoice: habits', () => {
  it('takes the median length per platform', () => {
    const voice = analyseVoice([
      ...posts(['a'.repeat(100), 'a'.repeat(200), 'a'.repeat(900)], ['x']),
      ...posts(['b'.repeat(1000), 'b'.repeat(2000)], ['linkedin', 'x']),
    ]);
    expect(voice.fields.typicalLength).toEqual([
      { platform: 'x', medianChars: 900, posts: 5 },
      { platform: 'linkedin', medianChars: 1500, posts: 2 },
    ]);
  });

  it('counts emoji as graphemes (a ZWJ family is one) and finds the favourites', () => {
    const voice = analyseVoice(posts([`Hi ${FAMILY}🚀🚀`, 'Launch 🚀', 'Plain', `${FAMILY} again`, 'Nothing']));
    expect(voice.fields.emoji).toEqual({ perPost: 1, favourites: ['🚀', FAMILY] });
  });

  it('counts hashtags per post and ranks favourites case-insensitively', () => {
    const voice = analyseVoice(posts(['#Build #ship', '#build', 'none', '#build #growth', 'none']));
    expect(voice.fields.hashtags).toEqual({ perPost: 1, favourites: ['#build', '#ship', '#growth'] });
  });
});

describe('signaturePhrases', () => {
  it.each([
    {
      name: 'a phrase in three posts is a signature, in two is not',
      texts: ['Ship it fast today.', 'Ship it fast, always.', 'We ship it fast.', 'Keep going now.', 'Keep going now!'],
      expected: ['ship it fast'],
    },
    {
      name: 'stop-word-only phrases are left out',
      texts: ['It is what it is.', 'And it is so.', 'Because it is.', 'It is.'],
      expected: [],
    },
    {
      name: 'counts posts, not repeats inside one post',
      texts: ['Build in public. Build in public. Build in public.', 'Other words', 'More words'],
      expected: [],
    },
    {
      name: 'never crosses punctuation, and ignores links and hashtags',
      texts: [
        'Done. Next step https://a.co/x #growth hacks',
        'Done. Next step #growth hacks',
        'Done. Next step #growth hacks',
      ],
      expected: ['next step'],
    },
    {
      name: 'the longer phrase wins when it appears as often',
      texts: ['See you next week', 'see you next week!', 'So, see you next week.', 'Bye now'],
      expected: ['see you next week'],
    },
    {
      name: 'a shorter phrase used in more posts stays beside the longer one',
      texts: ['See you next week', 'see you next week!', 'So, see you next week.', 'See you soon'],
      expected: ['see you', 'see you next week'],
    },
  ])('$name', ({ texts, expected }) => {
    expect(signaturePhrases(texts)).toEqual(expected);
  });
});

describe('voiceInstructions', () => {
  it('describes the voice in plain sentences, for the platform asked', () => {
    const text = voiceInstructions(
      {
        tone: ['enthusiastic', 'personal'],
        typicalLength: [
          { platform: 'x', medianChars: 180, posts: 10 },
          { platform: 'linkedin', medianChars: 1200, posts: 4 },
        ],
        emoji: { perPost: 1.5, favourites: ['🚀', '✨'] },
        hashtags: { perPost: 0, favourites: [] },
        signaturePhrases: ['build in public'],
        notes: 'Never use the word "synergy".',
      },
      'linkedin',
    );
    expect(text).toBe(
      'Write in the creator\'s voice: enthusiastic and personal. Their LinkedIn posts are typically about 1200 characters long. They use about 1.5 emoji per post, most often 🚀 ✨. They do not use hashtags. Phrases they often use (only where one fits naturally): "build in public". In the creator\'s own words: Never use the word "synergy".',
    );
  });
});
