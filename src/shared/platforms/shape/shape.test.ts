import { describe, expect, it } from 'vitest';
import type { Platform } from '../../domain/platform';
import { countText } from '../count';
import { graphemes } from '../graphemes';
import { splitThread } from '../thread';
import { utf8ByteLength } from '../text-units';
import { shapeForPlatform } from './shape';
import { youtubeTagsLength } from './youtube';

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}'; // 👨‍👩‍👧‍👦
const THUMBS_MEDIUM = '\u{1F44D}\u{1F3FD}'; // 👍🏽
const LONG_URL = `https://example.com/${'a'.repeat(150)}?utm_source=cadence`;
const NUMBERING = /\n\n(\d+)\/(\d+)$/u;

/** Words as written, for checking nothing was cut inside a word. */
const words = (text: string): string[] => text.split(/\s+/u).filter((w) => w.length > 0);
const sentence = (n: number): string => `Sentence number ${n} says something useful about shipping.`;
const withoutNumbering = (part: string): string => part.replace(NUMBERING, '');

function expectEveryPartFits(platform: Platform, parts: string[], limit?: number): void {
  for (const part of parts) expect(countText(platform, part, { limit }).over, part).toBe(false);
}

describe('shapeForPlatform: empty text', () => {
  it.each(['x', 'linkedin', 'instagram', 'facebook', 'youtube', 'tiktok', 'threads', 'bluesky', 'mastodon'] as const)(
    '%s gives no parts',
    (platform) => {
      expect(shapeForPlatform(platform, '  \n ')).toEqual({ text: '', parts: [], warnings: [] });
    },
  );
});

describe('shapeForPlatform: X threads', () => {
  const cases: Array<{ name: string; text: string; parts: number }> = [
    { name: 'exactly 280 weighted: one post, no number', text: 'a'.repeat(280), parts: 1 },
    { name: '140 CJK characters (weight 2 each) = 280: one post', text: '日'.repeat(140), parts: 1 },
    { name: 'a long URL counts 23, so it fits', text: `${'word '.repeat(50)}${LONG_URL}`, parts: 1 },
    { name: '281 weighted: two posts', text: `${'a'.repeat(140)} ${'b'.repeat(140)}`, parts: 2 },
    {
      name: 'twelve sentences: a numbered thread',
      text: Array.from({ length: 12 }, (_, i) => sentence(i)).join(' '),
      parts: 3,
    },
  ];
  it.each(cases)('$name', ({ text, parts }) => {
    const result = shapeForPlatform('x', text);
    expect(result.parts).toHaveLength(parts);
    expect(result.warnings).toEqual([]);
    expectEveryPartFits('x', result.parts);
    expect(splitThread(result.text)).toEqual(result.parts);
    if (parts === 1) expect(result.parts[0]).not.toMatch(NUMBERING);
    else result.parts.forEach((part, i) => expect(part).toMatch(new RegExp(`\\n\\n${i + 1}/${parts}$`, 'u')));
  });

  it('splits between sentences, not inside them', () => {
    const text = Array.from({ length: 12 }, (_, i) => sentence(i)).join(' ');
    const { parts } = shapeForPlatform('x', text);
    for (const part of parts) expect(withoutNumbering(part)).toMatch(/^Sentence number \d+ .*shipping\.$/u);
    expect(parts.map(withoutNumbering).join(' ')).toBe(text);
  });

  it('cuts a sentence longer than a post at word boundaries', () => {
    const text = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const { parts } = shapeForPlatform('x', text);
    expect(parts.length).toBeGreaterThan(1);
    expectEveryPartFits('x', parts);
    expect(parts.flatMap((part) => words(withoutNumbering(part)))).toEqual(words(text));
  });

  it('never cuts inside a URL, even where the URL straddles the limit', () => {
    const text = `${'lorem ipsum dolor sit amet '.repeat(9)}${LONG_URL} and more text after the link. ${'tail words '.repeat(20)}`;
    const { parts } = shapeForPlatform('x', text);
    expect(parts.length).toBeGreaterThan(1);
    expectEveryPartFits('x', parts);
    expect(parts.filter((part) => part.includes(LONG_URL))).toHaveLength(1);
  });

  it('keeps ZWJ families and skin tones whole', () => {
    const text = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? FAMILY : THUMBS_MEDIUM)).join(' ');
    const { parts } = shapeForPlatform('x', text);
    expect(parts.length).toBeGreaterThan(1);
    expectEveryPartFits('x', parts);
    const emoji = parts.flatMap((part) => words(withoutNumbering(part)));
    expect(emoji).toHaveLength(100);
    expect(emoji.every((e) => e === FAMILY || e === THUMBS_MEDIUM)).toBe(true);
  });

  it('splits CJK at its sentence ends (。), weighing each character 2', () => {
    const cjkSentence = '今日は新しい機能を公開しました。';
    const text = cjkSentence.repeat(20);
    const { parts } = shapeForPlatform('x', text);
    expect(parts.length).toBeGreaterThan(1);
    expectEveryPartFits('x', parts);
    for (const part of parts) expect(withoutNumbering(part).endsWith('。')).toBe(true);
    expect(parts.map(withoutNumbering).join('')).toBe(text);
  });

  it('cuts a CJK run with no punctuation at word boundaries, losing nothing', () => {
    const text = '日本語の文章を書きます'.repeat(30);
    const { parts } = shapeForPlatform('x', text);
    expectEveryPartFits('x', parts);
    expect(parts.map(withoutNumbering).join('')).toBe(text);
  });

  it('reserves room for a two-digit number', () => {
    const text = Array.from({ length: 60 }, (_, i) => sentence(i)).join(' ');
    const { parts } = shapeForPlatform('x', text);
    expect(parts.length).toBeGreaterThanOrEqual(10);
    expectEveryPartFits('x', parts);
    expect(parts.at(-1)).toMatch(new RegExp(`\\n\\n${parts.length}/${parts.length}$`, 'u'));
  });

  it('keeps the creator’s own parts and only splits the long one', () => {
    const text = `Short opener.\n---\n${Array.from({ length: 8 }, (_, i) => sentence(i)).join(' ')}\n---\nShort closer.`;
    const { parts } = shapeForPlatform('x', text);
    expect(withoutNumbering(parts[0]!)).toBe('Short opener.');
    expect(withoutNumbering(parts.at(-1)!)).toBe('Short closer.');
    expect(parts.length).toBeGreaterThan(3);
  });

  it('is idempotent: shaping a shaped thread changes nothing', () => {
    const text = Array.from({ length: 15 }, (_, i) => sentence(i)).join(' ');
    const once = shapeForPlatform('x', text);
    expect(shapeForPlatform('x', once.text)).toEqual(once);
  });

  it('takes an account limit (Premium) and can leave numbering off', () => {
    const text = Array.from({ length: 15 }, (_, i) => sentence(i)).join(' ');
    expect(shapeForPlatform('x', text, { limit: 25_000 }).parts).toHaveLength(1);
    expect(shapeForPlatform('x', text, { numbered: false }).parts.every((p) => !NUMBERING.test(p))).toBe(true);
  });

  it('adds extra hashtags to the last post without repeating ones in the text', () => {
    const { parts } = shapeForPlatform('x', 'Shipping today #buildinpublic', { hashtags: ['BuildInPublic', '#indie'] });
    expect(parts).toEqual(['Shipping today #buildinpublic\n\n#indie']);
  });
});

describe('shapeForPlatform: Bluesky, Mastodon, Threads', () => {
  it('Bluesky: 300 graphemes exactly is one post, 301 is a thread', () => {
    expect(shapeForPlatform('bluesky', 'é'.repeat(300)).parts).toHaveLength(1);
    const over = shapeForPlatform('bluesky', `${'word '.repeat(60)}end`);
    expect(over.parts).toHaveLength(2);
    expectEveryPartFits('bluesky', over.parts);
    expect(over.parts[0]).not.toMatch(NUMBERING);
  });

  it('Bluesky: ZWJ emoji hit the 3000-byte cap before 300 graphemes', () => {
    const text = Array.from({ length: 200 }, () => FAMILY).join(' ');
    const { parts } = shapeForPlatform('bluesky', text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(utf8ByteLength(part)).toBeLessThanOrEqual(3000);
    expect([...graphemes(parts.join(' '))].filter((g) => g === FAMILY)).toHaveLength(200);
  });

  it('Bluesky: a link longer than a post stays whole, with a warning', () => {
    const url = `https://example.com/${'b'.repeat(320)}`;
    const { parts, warnings } = shapeForPlatform('bluesky', `Read this: ${url} today.`);
    expect(parts.filter((part) => part.includes(url))).toHaveLength(1);
    expect(warnings).toEqual([expect.stringMatching(/still over Bluesky's limit/u)]);
  });

  it('Mastodon: every URL counts 23, so long links fit', () => {
    const text = `${'a'.repeat(470)} ${LONG_URL}`;
    expect(countText('mastodon', text).count).toBe(494);
    expect(shapeForPlatform('mastodon', text).parts).toHaveLength(1);
  });

  it("Mastodon: a thread past 500, and a server's own limit", () => {
    const text = Array.from({ length: 20 }, (_, i) => sentence(i)).join(' ');
    const { parts } = shapeForPlatform('mastodon', text);
    expect(parts.length).toBe(3);
    expectEveryPartFits('mastodon', parts);
    expect(shapeForPlatform('mastodon', text, { limit: 5000 }).parts).toHaveLength(1);
  });

  it('Threads: emoji count their bytes, so 125 emoji (500) fit and 126 (504) do not', () => {
    expect(shapeForPlatform('threads', '😆'.repeat(125)).parts).toHaveLength(1);
    const { parts } = shapeForPlatform('threads', '😆'.repeat(126));
    expect(parts).toHaveLength(2);
    expectEveryPartFits('threads', parts);
    expect(parts.join('')).toBe('😆'.repeat(126));
  });
});

describe('shapeForPlatform: LinkedIn', () => {
  it('puts the hook alone on the first line, then paragraphs of one or two short sentences', () => {
    const text =
      'Most creators quit in month three. Here is why. Growth is slow at first. Then it compounds. Keep going.';
    expect(shapeForPlatform('linkedin', text).text).toBe(
      'Most creators quit in month three.\n\nHere is why. Growth is slow at first.\n\nThen it compounds. Keep going.',
    );
  });

  it('keeps a list the creator wrote line by line', () => {
    const text = 'Three lessons.\n\n- Ship weekly\n- Ask for replies\n- Reuse your best posts';
    expect(shapeForPlatform('linkedin', text).text).toBe(text);
  });

  it('shortens past 3000 at a word, with a warning; 3000 exactly is left alone', () => {
    const exact = 'a'.repeat(3000);
    expect(shapeForPlatform('linkedin', exact)).toEqual({ text: exact, parts: [exact], warnings: [] });
    const long = `Hook line.\n\n${'Longer words here. '.repeat(200)}`;
    const result = shapeForPlatform('linkedin', long);
    expect(result.text.length).toBeLessThanOrEqual(3000);
    expect(result.text.endsWith('…')).toBe(true);
    expect(result.warnings).toEqual([expect.stringMatching(/LinkedIn's limit of 3000/u)]);
  });

  it('joins thread parts into one post', () => {
    expect(shapeForPlatform('linkedin', 'First.\n---\nSecond.').text).toBe('First.\n\nSecond.');
  });
});

describe('shapeForPlatform: Instagram', () => {
  const tags = (n: number, prefix = 'tag'): string => Array.from({ length: n }, (_, i) => `#${prefix}${i}`).join(' ');

  it('gathers hashtag lines at the end and keeps tags inside sentences', () => {
    const text = '#morning #coffee\nMy #slowliving routine.\n\nSecond paragraph.';
    expect(shapeForPlatform('instagram', text).text).toBe(
      'My #slowliving routine.\n\nSecond paragraph.\n\n#morning #coffee',
    );
  });

  it('keeps 30 hashtags and drops the rest with a warning', () => {
    const result = shapeForPlatform('instagram', `A caption.\n${tags(35)}`);
    expect(countText('instagram', result.text).hashtags).toBe(30);
    expect(result.text.endsWith('#tag29')).toBe(true);
    expect(result.warnings).toEqual([expect.stringMatching(/allows 30 hashtags; 5 were dropped: #tag30/u)]);
  });

  it('counts tags used in sentences toward the 30', () => {
    const result = shapeForPlatform('instagram', `Loving ${tags(10, 'in')} today.`, { hashtags: tags(25).split(' ') });
    expect(countText('instagram', result.text).hashtags).toBe(30);
    expect(result.warnings).toHaveLength(1);
  });

  it('keeps the caption within 2200, dropping end tags first', () => {
    const result = shapeForPlatform('instagram', `${'x'.repeat(2190)}\n${tags(5)}`);
    expect(countText('instagram', result.text).over).toBe(false);
    expect(result.text.startsWith('x'.repeat(2190))).toBe(true);
    expect(result.warnings).toEqual([expect.stringMatching(/hashtags were dropped/u)]);
  });
});

describe('shapeForPlatform: YouTube', () => {
  it('takes the title from the first line and the tags from the hashtags', () => {
    const result = shapeForPlatform(
      'youtube',
      'How I edit videos fast #editing\nThe full workflow.\n#premiere #workflow',
    );
    expect(result.title).toBe('How I edit videos fast');
    expect(result.text).toBe('The full workflow.\n#premiere #workflow');
    expect(result.tags).toEqual(['editing', 'premiere', 'workflow']);
  });

  it('keeps the title within 100 characters and the description within 5000 bytes', () => {
    const title = `${'Title words '.repeat(12)}end`;
    const description = '日本語の説明文です。'.repeat(200); // 6000 bytes
    const result = shapeForPlatform('youtube', `${title}\n${description}`);
    expect(result.title!.length).toBeLessThanOrEqual(100);
    expect(utf8ByteLength(result.text)).toBeLessThanOrEqual(5000);
    expect(result.warnings).toEqual([
      expect.stringMatching(/title was over YouTube's limit of 100/u),
      expect.stringMatching(/description was over YouTube's limit of 5000/u),
    ]);
  });

  it('keeps tags within 500 characters in all', () => {
    const many = Array.from({ length: 40 }, (_, i) => `#tagnumber${String(i).padStart(3, '0')}`).join(' ');
    const result = shapeForPlatform('youtube', `Video\n${many}`, { title: 'Given title' });
    expect(result.title).toBe('Given title');
    expect(youtubeTagsLength(result.tags!)).toBeLessThanOrEqual(500);
    expect(result.tags!.length).toBe(38);
    expect(result.warnings).toEqual([expect.stringMatching(/2 tags were left out/u)]);
  });

  it('removes < and > that YouTube refuses', () => {
    const result = shapeForPlatform('youtube', 'A <b>title</b>\nBody > all');
    expect(result.title).toBe('A btitle/b');
    expect(result.text).toBe('Body  all');
    expect(result.warnings).toHaveLength(2);
  });
});

describe('shapeForPlatform: TikTok and Facebook', () => {
  it.each([
    ['tiktok', 2200],
    ['facebook', 63206],
  ] as const)('%s: at the limit stays, one over is shortened', (platform, limit) => {
    expect(shapeForPlatform(platform, 'a'.repeat(limit)).warnings).toEqual([]);
    const over = shapeForPlatform(platform, `${'word '.repeat(limit / 5)}tail`);
    expect(countText(platform, over.text).over).toBe(false);
    expect(over.warnings).toHaveLength(1);
  });

  it('leaves a caption as written, with extra hashtags at the end', () => {
    expect(shapeForPlatform('tiktok', 'Day 3 of learning guitar', { hashtags: ['guitar', 'not a tag'] })).toEqual({
      text: 'Day 3 of learning guitar\n\n#guitar',
      parts: ['Day 3 of learning guitar\n\n#guitar'],
      warnings: ['"not a tag" is not a hashtag (letters, digits and _ only) and was left out.'],
    });
  });
});
