import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PLATFORMS } from '../domain/platform';
import { countAllPlatforms, countText } from './count';
import { PLATFORM_LIMITS } from './limits';
import { mastodonCountableText } from './mastodon';
import { TWITTER_V3_CONFIG } from './twitter-text';
import { parseXPost } from './x';

/*
 * This file sits under src/shared/, which tsconfig.web.json also type-checks without Node's types,
 * so Node's fs and env are reached through `process` (Node 22.3+ `getBuiltinModule`) with local
 * types instead of `import ... from 'node:fs'`.
 */
interface NodeFs {
  readFileSync(path: string | URL, encoding: 'utf8'): string;
}
interface NodeProcess {
  env: Record<string, string | undefined>;
  getBuiltinModule(id: 'node:fs'): NodeFs;
}
const nodeProcess = (globalThis as unknown as { process: NodeProcess }).process;

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}'; // 👨‍👩‍👧‍👦: 7 code points, 11 UTF-16 units, 25 bytes
const FLAG_JP = '\u{1F1EF}\u{1F1F5}'; // 🇯🇵: two regional indicators
const THUMBS_MEDIUM = '\u{1F44D}\u{1F3FD}'; // 👍🏽: emoji + skin-tone modifier
const E_COMBINING = 'e\u0301'; // "é" as e + COMBINING ACUTE ACCENT (NFD)
const CJK = '日本語';
const MATH_BOLD_B = '\u{1D401}'; // 𝐁, astral: 2 UTF-16 units
const LONG_URL = `https://example.com/${'a'.repeat(120)}?utm_source=cadence`;

// ---------------------------------------------------------------------------------------------
// X: twitter-text's own conformance file.
// ---------------------------------------------------------------------------------------------

/**
 * Sections of validate.yml run here, both with twitter-text's configs.version3 (the current rules:
 * emoji discounted to weight 2, URLs 23, CJK 2):
 * - WeightedTweetsWithDiscountedEmojiCounterTest: the v3 weighted-length cases.
 * - UnicodeDirectionalMarkerCounterTest: directional marks / invalid characters; twitter-text runs it
 *   with v3 too.
 * Not run: WeightedTweetsCounterTest is the v2 section (emoji NOT discounted: 👨‍👩‍👧‍👦 weighs 2 per
 * code point, so "H🐱☺👨‍👩‍👧‍👦" is 16 there and 7 under v3); X no longer counts that way. The other
 * sections (tweets, usernames, lists, hashtags, urls, urls_without_protocol) hold no weighted lengths;
 * `tweets` validates against the old 140-character v1 rules.
 */
const V3_SECTIONS = ['WeightedTweetsWithDiscountedEmojiCounterTest', 'UnicodeDirectionalMarkerCounterTest'] as const;

const weightedCaseSchema = z.object({
  description: z.string(),
  text: z.string(),
  expected: z.object({
    weightedLength: z.number(),
    valid: z.boolean().optional(),
    permillage: z.number().optional(),
    displayRangeStart: z.number().optional(),
    displayRangeEnd: z.number().optional(),
    validRangeStart: z.number().optional(),
    validRangeEnd: z.number().optional(),
  }),
});
type WeightedCase = z.infer<typeof weightedCaseSchema>;

/** CADENCE_CONFORMANCE_DIR, when set, is the folder that holds twitter-text/validate.yml. */
function conformanceFile(): string | URL {
  const dir = nodeProcess.env['CADENCE_CONFORMANCE_DIR'];
  if (dir !== undefined && dir !== '') return `${dir.replace(/\/+$/, '')}/twitter-text/validate.yml`;
  return new URL('../../../../shared/conformance/twitter-text/validate.yml', import.meta.url);
}

function displayPath(file: string | URL): string {
  return typeof file === 'string' ? file : decodeURIComponent(file.pathname);
}

type Loaded =
  { ok: true; sections: Record<(typeof V3_SECTIONS)[number], WeightedCase[]> } | { ok: false; error: Error };

function loadConformance(): Loaded {
  const file = conformanceFile();
  const where = displayPath(file);
  let source: string;
  try {
    source = nodeProcess.getBuiltinModule('node:fs').readFileSync(file, 'utf8');
  } catch (cause) {
    const hint = 'set CADENCE_CONFORMANCE_DIR to the folder holding twitter-text/validate.yml';
    return {
      ok: false,
      error: new Error(`twitter-text conformance file not readable at ${where} (${hint})`, { cause }),
    };
  }
  try {
    const tests = z.object({ tests: z.record(z.string(), z.unknown()) }).parse(parseYaml(source)).tests;
    // A section that is missing, empty or malformed fails the run: no case may silently vanish.
    const section = (name: string): WeightedCase[] =>
      z
        .array(weightedCaseSchema)
        .min(1)
        .parse(tests[name], { error: () => `section ${name} is missing, empty or malformed` });
    return {
      ok: true,
      sections: {
        WeightedTweetsWithDiscountedEmojiCounterTest: section('WeightedTweetsWithDiscountedEmojiCounterTest'),
        UnicodeDirectionalMarkerCounterTest: section('UnicodeDirectionalMarkerCounterTest'),
      },
    };
  } catch (cause) {
    return { ok: false, error: new Error(`twitter-text conformance file at ${where} is not usable`, { cause }) };
  }
}

const conformance = loadConformance();

describe('X weighted length: twitter-text conformance (validate.yml)', () => {
  if (!conformance.ok) {
    it('loads the conformance file', () => {
      throw conformance.error;
    });
    return;
  }
  for (const sectionName of V3_SECTIONS) {
    describe(sectionName, () => {
      conformance.sections[sectionName].forEach((testCase, index) => {
        it(`${index + 1}. ${testCase.description}`, () => {
          const parsed = parseXPost(testCase.text);
          const actual: Record<string, unknown> = {};
          for (const key of Object.keys(testCase.expected)) actual[key] = parsed[key as keyof typeof parsed];
          expect(actual).toEqual(testCase.expected);

          const counted = countText('x', testCase.text);
          expect(counted.count).toBe(testCase.expected.weightedLength);
          expect(counted.over).toBe(testCase.expected.weightedLength > 280);
        });
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The data file.
// ---------------------------------------------------------------------------------------------

describe('platform limits data', () => {
  it('has every platform, each with a source', () => {
    expect(Object.keys(PLATFORM_LIMITS).sort()).toEqual([...PLATFORMS].sort());
    for (const platform of PLATFORMS) expect(PLATFORM_LIMITS[platform].source.length).toBeGreaterThan(40);
  });

  it('holds the documented limits', () => {
    const primary = Object.fromEntries(PLATFORMS.map((p) => [p, countText(p, '').limit]));
    expect(primary).toEqual({
      x: 280,
      linkedin: 3000,
      instagram: 2200,
      facebook: 63206,
      youtube: 5000,
      tiktok: 2200,
      threads: 500,
      bluesky: 300,
      mastodon: 500,
    });
    expect(countText('youtube', '', { field: 'title' }).limit).toBe(100);
    expect(countText('instagram', '').hashtagLimit).toBe(30);
    expect(countText('bluesky', '').byteLimit).toBe(3000);
    expect(countText('threads', '').linkLimit).toBe(5);
  });

  it("agrees with twitter-text's v3 configuration for X", () => {
    expect(TWITTER_V3_CONFIG.maxWeightedTweetLength).toBe(PLATFORM_LIMITS.x.fields['post']?.limit);
    expect(TWITTER_V3_CONFIG.transformedURLLength).toBe(23);
  });
});

// ---------------------------------------------------------------------------------------------
// Tricky inputs, platform by platform.
// ---------------------------------------------------------------------------------------------

describe('countText: X', () => {
  it.each([
    ['ZWJ family', FAMILY, 2],
    ['flag', FLAG_JP, 2],
    ['skin tone', THUMBS_MEDIUM, 2],
    ['CJK (weight 2 each)', CJK, 6],
    ['combining mark, NFC-normalised to one Latin letter', E_COMBINING, 1],
    ['long URL (23)', LONG_URL, 23],
    ['URL without protocol (23)', 'see example.com', 4 + 23],
  ])('%s', (_name, text, expected) => {
    expect(countText('x', text).count).toBe(expected);
  });

  it('is over past 280 weighted, and a limit override applies (Premium)', () => {
    expect(countText('x', 'a'.repeat(280))).toMatchObject({ count: 280, remaining: 0, over: false });
    expect(countText('x', 'a'.repeat(281))).toMatchObject({ count: 281, remaining: -1, over: true });
    expect(countText('x', '日'.repeat(141))).toMatchObject({ count: 282, over: true });
    expect(countText('x', 'a'.repeat(281), { limit: 25_000 })).toMatchObject({ limit: 25_000, over: false });
  });
});

describe('countText: Bluesky (graphemes)', () => {
  it.each([
    ['ZWJ family', FAMILY, 1],
    ['flag', FLAG_JP, 1],
    ['skin tone', THUMBS_MEDIUM, 1],
    ['combining mark', E_COMBINING, 1],
    ['CJK', CJK, 3],
    ['Hangul jamo (one syllable)', '\u1100\u1161\u11A8', 1],
    ['URL counts in full', LONG_URL, LONG_URL.length],
  ])('%s', (_name, text, expected) => {
    expect(countText('bluesky', text).count).toBe(expected);
  });

  it('is over at 301 graphemes', () => {
    expect(countText('bluesky', E_COMBINING.repeat(300))).toMatchObject({ count: 300, over: false });
    expect(countText('bluesky', E_COMBINING.repeat(301))).toMatchObject({ count: 301, over: true });
  });

  it('is over past 3000 UTF-8 bytes even under 300 graphemes', () => {
    const result = countText('bluesky', FAMILY.repeat(121)); // 121 graphemes, 3025 bytes
    expect(result).toMatchObject({ count: 121, remaining: 179, bytes: 3025, byteLimit: 3000, over: true });
    expect(countText('bluesky', FAMILY.repeat(120))).toMatchObject({ bytes: 3000, over: false });
  });
});

describe('countText: Mastodon', () => {
  it('counts any URL as 23, long or short', () => {
    expect(countText('mastodon', LONG_URL).count).toBe(23);
    expect(countText('mastodon', 'http://a.co').count).toBe(23);
    expect(countText('mastodon', `read ${LONG_URL} and ${LONG_URL}`).count).toBe(5 + 23 + 5 + 23);
  });

  it('leaves links without a protocol as typed (the server only shortens http(s) links)', () => {
    expect(countText('mastodon', 'example.com').count).toBe(11);
  });

  it('counts a remote mention @user@domain as @user', () => {
    expect(mastodonCountableText('hi @alice@mastodon.social!')).toBe('hi @alice!');
    expect(countText('mastodon', '@alice@mastodon.social').count).toBe(6);
    expect(countText('mastodon', '@bob.smith@sub.example-host.org thanks').count).toBe('@bob.smith thanks'.length);
  });

  it('counts local mentions and e-mail addresses as typed', () => {
    expect(countText('mastodon', '@alice').count).toBe(6);
    expect(countText('mastodon', 'bob@example.com').count).toBe(15);
  });

  it('lets a URL win over a mention inside it', () => {
    const url = 'https://example.com/@alice@mastodon.social';
    expect(mastodonCountableText(`see ${url}`)).toBe(`see ${'x'.repeat(23)}`);
  });

  it('counts graphemes otherwise, as the server does', () => {
    expect(countText('mastodon', FAMILY).count).toBe(1);
    expect(countText('mastodon', FLAG_JP + THUMBS_MEDIUM + E_COMBINING).count).toBe(3);
    expect(countText('mastodon', CJK).count).toBe(3);
  });

  it('counts blank text as empty, as the server does', () => {
    expect(countText('mastodon', '  \n\t ').count).toBe(0);
  });

  it("takes a server's own limit", () => {
    const text = 'a'.repeat(600);
    expect(countText('mastodon', text)).toMatchObject({ limit: 500, over: true });
    expect(countText('mastodon', text, { limit: 1000 })).toMatchObject({ limit: 1000, remaining: 400, over: false });
  });
});

describe('countText: Threads (emoji count their UTF-8 bytes)', () => {
  it.each([
    ['plain text', 'hello', 5],
    ['single emoji (4 bytes)', '\u{1F606}', 4],
    ['ZWJ family (25 bytes)', FAMILY, 25],
    ['flag (8 bytes)', FLAG_JP, 8],
    ['skin tone (8 bytes)', THUMBS_MEDIUM, 8],
    ['BMP emoji ☺ (3 bytes)', '\u263A', 3],
    ['CJK', CJK, 3],
    ['combining mark', E_COMBINING, 2],
    ['URL counts in full', LONG_URL, LONG_URL.length],
  ])('%s', (_name, text, expected) => {
    expect(countText('threads', text).count).toBe(expected);
  });

  it('allows 5 distinct links, not 6', () => {
    const links = (n: number): string => Array.from({ length: n }, (_, i) => `https://example.com/${i}`).join(' ');
    expect(countText('threads', links(5))).toMatchObject({ links: 5, linkLimit: 5, over: false });
    expect(countText('threads', links(6))).toMatchObject({ links: 6, over: true });
    expect(countText('threads', `${links(5)} https://example.com/0 www.example.org`).links).toBe(6);
    expect(countText('threads', `${links(1)} https://example.com/0`).links).toBe(1);
  });
});

describe('countText: Instagram', () => {
  const hashtags = (n: number): string => Array.from({ length: n }, (_, i) => `#tag${i}`).join(' ');

  it('allows 30 hashtags and is over at 31 even with room left', () => {
    expect(countText('instagram', hashtags(30))).toMatchObject({ hashtags: 30, hashtagLimit: 30, over: false });
    const over = countText('instagram', hashtags(31));
    expect(over).toMatchObject({ hashtags: 31, over: true });
    expect(over.remaining).toBeGreaterThan(0);
  });

  it('recognises hashtags as Instagram does', () => {
    expect(countText('instagram', '#2024 #café #日本 #under_score').hashtags).toBe(4);
    expect(countText('instagram', 'https://example.com/page#section c#sharp ## #').hashtags).toBe(0);
    expect(countText('instagram', 'one #a two #a').hashtags).toBe(2);
  });

  it('counts @mentions against 20, not e-mail addresses', () => {
    const mentions = (n: number): string => Array.from({ length: n }, (_, i) => `@user.${i}`).join(' ');
    expect(countText('instagram', mentions(20))).toMatchObject({ mentions: 20, mentionLimit: 20, over: false });
    expect(countText('instagram', mentions(21)).over).toBe(true);
    expect(countText('instagram', 'mail me@example.com').mentions).toBe(0);
  });

  it('counts the caption in UTF-16 units', () => {
    expect(countText('instagram', FAMILY).count).toBe(11);
    expect(countText('instagram', 'x'.repeat(2201))).toMatchObject({ remaining: -1, over: true });
  });
});

describe('countText: UTF-16 platforms (LinkedIn, Facebook, TikTok, YouTube title)', () => {
  const cases: Array<[string, string, number]> = [
    ['ZWJ family', FAMILY, 11],
    ['flag', FLAG_JP, 4],
    ['skin tone', THUMBS_MEDIUM, 4],
    ['combining mark', E_COMBINING, 2],
    ['CJK', CJK, 3],
    ['math bold letter', MATH_BOLD_B, 2],
    ['URL counts in full', LONG_URL, LONG_URL.length],
  ];
  for (const platform of ['linkedin', 'facebook', 'tiktok'] as const) {
    it.each(cases)(`${platform}: %s`, (_name, text, expected) => {
      expect(countText(platform, text).count).toBe(expected);
    });
  }
  it.each(cases)('youtube title: %s', (_name, text, expected) => {
    expect(countText('youtube', text, { field: 'title' }).count).toBe(expected);
  });

  it('is over one past the limit', () => {
    expect(countText('linkedin', 'a'.repeat(3000)).over).toBe(false);
    expect(countText('linkedin', 'a'.repeat(3001)).over).toBe(true);
    expect(countText('tiktok', '😀'.repeat(1100)).over).toBe(false);
    expect(countText('tiktok', '😀'.repeat(1100) + 'a').over).toBe(true);
    expect(countText('youtube', 'a'.repeat(101), { field: 'title' })).toMatchObject({ field: 'title', over: true });
  });
});

describe('countText: YouTube description (UTF-8 bytes)', () => {
  it.each([
    ['ASCII', 'hello', 5],
    ['combining mark', E_COMBINING, 3],
    ['precomposed é', '\u00E9', 2],
    ['CJK', CJK, 9],
    ['ZWJ family', FAMILY, 25],
    ['lone surrogate (sent as U+FFFD)', '\uD800', 3],
  ])('%s', (_name, text, expected) => {
    expect(countText('youtube', text)).toMatchObject({ field: 'description', count: expected });
  });

  it('fits fewer than 5000 non-Latin characters', () => {
    expect(countText('youtube', '日'.repeat(1667)).over).toBe(true);
    expect(countText('youtube', '日'.repeat(1666)).over).toBe(false);
  });

  it('rejects an unknown field and a bad limit', () => {
    expect(() => countText('youtube', 'x', { field: 'tags' })).toThrow(/no text field "tags"/);
    expect(() => countText('x', 'x', { limit: 0 })).toThrow(RangeError);
  });
});

describe('countAllPlatforms', () => {
  it('measures every platform at once, honouring overrides', () => {
    const text = `Launch day ${FAMILY} ${LONG_URL} @alice@mastodon.social`;
    const all = countAllPlatforms(text, { mastodon: 1000 });
    expect(Object.keys(all).sort()).toEqual([...PLATFORMS].sort());
    for (const platform of PLATFORMS) {
      const result = all[platform];
      expect(result.platform).toBe(platform);
      expect(result.remaining).toBe(result.limit - result.count);
    }
    expect(all.x.count).toBe(11 + 2 + 1 + 23 + 1 + 22);
    expect(all.mastodon).toMatchObject({ limit: 1000, count: 11 + 1 + 1 + 23 + 1 + 6 });
    expect(all.bluesky.count).toBe(11 + 1 + 1 + LONG_URL.length + 1 + 22);
    expect(all.youtube.field).toBe('description');
  });

  it('reports nothing over for empty text', () => {
    const all = countAllPlatforms('');
    for (const platform of PLATFORMS) expect(all[platform]).toMatchObject({ count: 0, over: false });
  });
});
