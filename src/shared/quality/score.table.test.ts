import { describe, expect, it } from 'vitest';
import type { Platform } from '../domain/platform';
import type { DuplicateCandidate } from './context';
import { scorePost } from './score';

/** Simple, readable sentences (reading ease ~80) to build posts of a given size. */
const SENTENCES = [
  'I fed the starter at nine and it doubled by noon.',
  'The dough felt soft and a bit sticky in my hands.',
  'Cold water slows the rise, so plan your day around it.',
  'My first loaves were flat, and that is fine.',
  'Salt goes in after the rest, not before.',
  'A warm kitchen makes the whole thing faster.',
];
function prose(chars: number): string {
  let text = '';
  for (let i = 0; text.length < chars; i += 1) text += `${SENTENCES[i % SENTENCES.length]} `;
  return text.trim();
}
/** A LinkedIn post in the sweet spot, with a hook, a CTA and 3 hashtags. */
const LINKEDIN_GOOD = `3 things I learned baking bread every day for a year.\n\n${prose(1350)}\n\nWhat would you add? Tell me in the comments.\n\n#baking #sourdough #bread`;
const INSTAGRAM_GOOD =
  'Why my loaf finally rose: a warmer kitchen.\n\nSave this for your next bake and tell me what you try first.\n\n#sourdough #baking #bread';
const X_GOOD = '3 habits that doubled my sourdough rise this winter. Which one would you try first? #sourdough';

const EARLIER: DuplicateCandidate[] = [
  {
    postId: 'p-1',
    title: 'Starter notes',
    text: 'I fed the starter at nine and it doubled by noon. The dough felt soft and a bit sticky in my hands. What do you think?',
  },
];

interface Row {
  name: string;
  platform: Platform;
  text: string;
  /** Exactly these finding ids, in any order ([] = the row must produce no finding). */
  expected: string[];
  candidates?: DuplicateCandidate[];
  /** A check that must be reported as skipped. */
  skipped?: string;
}

const ROWS: Row[] = [
  // Clean posts: no finding at all.
  { name: 'clean X post', platform: 'x', text: X_GOOD, expected: [] },
  { name: 'clean LinkedIn post', platform: 'linkedin', text: LINKEDIN_GOOD, expected: [] },
  { name: 'clean Instagram caption', platform: 'instagram', text: INSTAGRAM_GOOD, expected: [] },
  {
    name: 'clean Facebook post',
    platform: 'facebook',
    text: 'How warm is your kitchen? Mine rises at 24 °C. Tell me yours!',
    expected: [],
  },
  {
    name: 'clean Bluesky post with a link (links are fine there)',
    platform: 'bluesky',
    text: 'Why my loaf finally rose: a warmer kitchen and a slower starter. Full notes at https://example.com/bread. What would you try?',
    expected: [],
  },
  {
    name: 'clean X post with a link in the first line (fine on X)',
    platform: 'x',
    text: 'https://example.com/bread 3 habits that doubled my rise this winter. Which would you try first?',
    expected: [],
  },
  {
    name: 'clean post unchanged by a non-duplicate earlier post',
    platform: 'x',
    text: X_GOOD,
    candidates: EARLIER,
    expected: [],
  },
  {
    name: 'CJK post: readability skipped, no finding',
    platform: 'threads',
    text: '毎日パンを焼いて分かったこと3つ。\n\n一番大事なのは温度でした。あなたならどれを試しますか？',
    expected: [],
    skipped: 'readability',
  },
  {
    name: 'acronyms are not shouting',
    platform: 'x',
    text: 'How our SaaS cut HTML email bounces by 40% with one SEO fix. What would you try first?',
    expected: [],
  },

  // Limit (errors).
  {
    name: 'X post over 280',
    platform: 'x',
    text: `How I bake. ${prose(300)} What do you think?`,
    expected: ['limit-length'],
  },
  {
    name: 'Bluesky over 300 graphemes',
    platform: 'bluesky',
    text: `How I bake. ${prose(320)} What do you think?`,
    expected: ['limit-length'],
  },
  {
    name: 'X thread with one part over the limit (others fine)',
    platform: 'x',
    text: `${X_GOOD}\n---\n${prose(300)}\n---\nWhat would you try first?`,
    expected: ['limit-length'],
  },
  {
    name: 'Instagram caption with 31 hashtags: over the limit and over the norm',
    platform: 'instagram',
    text: `${INSTAGRAM_GOOD}\n\n${Array.from({ length: 28 }, (_, i) => `#tag${i}x`).join(' ')}`,
    expected: ['limit-hashtags', 'hashtags-too-many', 'length-long'],
  },
  {
    name: 'Threads post with 6 links',
    platform: 'threads',
    text: `Why these 6 bakeries? ${Array.from({ length: 6 }, (_, i) => `https://b${i}.example.com`).join(' ')} Which is yours?`,
    expected: ['limit-links'],
  },
  {
    name: 'Instagram caption with 21 mentions',
    platform: 'instagram',
    text: `${INSTAGRAM_GOOD}\n\nThanks ${Array.from({ length: 21 }, (_, i) => `@baker${i}`).join(' ')}`,
    expected: ['limit-mentions', 'length-long'],
  },

  // Length vs sweet spot.
  { name: 'X post too short', platform: 'x', text: 'Why bread? Tell me.', expected: ['length-short'] },
  {
    name: 'X post longer than the sweet spot',
    platform: 'x',
    text: `3 habits for a better rise. ${prose(150)} Which one would you try?`,
    expected: ['length-long'],
  },
  {
    name: 'LinkedIn post too short',
    platform: 'linkedin',
    text: 'How I bake bread every day.\n\nWhat would you try first? #baking #bread #sourdough',
    expected: ['length-short'],
  },
  {
    name: 'Facebook post too long',
    platform: 'facebook',
    text: `3 reasons to bake today. ${prose(200)} Tell me yours.`,
    expected: ['length-long'],
  },

  // Readability.
  {
    name: 'hard-to-read LinkedIn post',
    platform: 'linkedin',
    text: `Why organisational interdependencies matter.\n\n${'Institutional fermentation methodologies systematically necessitate comprehensive understanding of microbiological interdependencies, particularly considering temperature-dependent proliferation characteristics. '.repeat(8)}\n\nWhat do you think? #baking #science #bread`,
    expected: ['readability'],
  },

  // Hook.
  {
    name: 'weak opener on LinkedIn',
    platform: 'linkedin',
    text: LINKEDIN_GOOD.replace(
      '3 things I learned baking bread every day for a year.',
      'In this post I talk about bread.',
    ),
    expected: ['hook-weak'],
  },
  {
    name: 'weak opener on X',
    platform: 'x',
    text: 'Hey guys, here is my loaf from this morning with a crackly crust. Which would you try first?',
    expected: ['hook-weak'],
  },
  {
    name: 'no hook on Instagram',
    platform: 'instagram',
    text: INSTAGRAM_GOOD.replace(
      'Why my loaf finally rose: a warmer kitchen.',
      'A loaf from this morning, with a crust.',
    ),
    expected: ['hook-missing'],
  },

  // CTA.
  {
    name: 'no CTA on X',
    platform: 'x',
    text: '3 habits that doubled my sourdough rise this winter, and the one I dropped. #sourdough',
    expected: ['cta-missing'],
  },
  {
    name: 'no CTA on Instagram',
    platform: 'instagram',
    text: 'Why my loaf finally rose: a warmer kitchen and a slower starter made the crumb open.\n\n#sourdough #baking #bread',
    expected: ['cta-missing'],
  },

  // Hashtags vs norm.
  {
    name: 'X with 4 hashtags',
    platform: 'x',
    text: 'Why my rise doubled this winter? Try it. #sourdough #bread #baking #food',
    expected: ['hashtags-too-many'],
  },
  {
    name: 'LinkedIn with no hashtags',
    platform: 'linkedin',
    text: LINKEDIN_GOOD.replace('\n\n#baking #sourdough #bread', ''),
    expected: ['hashtags-none'],
  },
  {
    name: 'Instagram with no hashtags',
    platform: 'instagram',
    text: INSTAGRAM_GOOD.replace('\n\n#sourdough #baking #bread', ' It works.'),
    expected: ['hashtags-none'],
  },
  {
    name: 'Threads with 2 tags (one topic tag per post)',
    platform: 'threads',
    text: 'Why my loaf finally rose: a warmer kitchen and a slower starter. What would you try first? #sourdough #baking',
    expected: ['hashtags-too-many'],
  },

  // Links.
  {
    name: 'LinkedIn link in the first line',
    platform: 'linkedin',
    text: LINKEDIN_GOOD.replace('for a year.', 'for a year: https://example.com/bread'),
    expected: ['link-first-line'],
  },
  {
    name: 'LinkedIn link at the end is fine',
    platform: 'linkedin',
    text: `${LINKEDIN_GOOD}\n\nhttps://example.com/bread`,
    expected: [],
  },
  {
    name: 'any link on Instagram',
    platform: 'instagram',
    text: INSTAGRAM_GOOD.replace(
      'tell me what you try first.',
      'tell me what you try first. Recipe: www.example.com/loaf',
    ),
    expected: ['link-instagram'],
  },

  // Spam.
  {
    name: 'spammy phrases on Facebook',
    platform: 'facebook',
    text: 'Why wait? Click here for the recipe, it is 100% free! Tell me what you bake.',
    expected: ['spam-phrases'],
  },
  {
    name: 'shouting on X',
    platform: 'x',
    text: 'Why my loaf finally rose this winter: a WARMER kitchen, really. Which would you try first?',
    expected: ['spam-caps'],
  },
  {
    name: 'exclamation marks on Instagram',
    platform: 'instagram',
    text: INSTAGRAM_GOOD.replace('a warmer kitchen.', 'a warmer kitchen!!!'),
    expected: ['spam-exclamations'],
  },
  {
    name: 'guaranteed on LinkedIn',
    platform: 'linkedin',
    text: LINKEDIN_GOOD.replace('My first loaves were flat, and that is fine.', 'Results guaranteed.'),
    expected: ['spam-phrases'],
  },

  // Duplicate.
  {
    name: 'near-duplicate of an earlier post',
    platform: 'x',
    text: 'I fed the starter at nine and it doubled by noon. The dough felt soft and a bit sticky in my hands! What do you think?',
    candidates: EARLIER,
    expected: ['duplicate', 'length-long'],
  },
  {
    name: 'duplicate check skipped without candidates',
    platform: 'x',
    text: X_GOOD,
    expected: [],
    skipped: 'duplicate',
  },
];

describe('quality checks (table)', () => {
  it('has at least 30 rows', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ROWS)('$name', (row) => {
    const report = scorePost({
      text: row.text,
      platform: row.platform,
      ...(row.candidates ? { duplicateCandidates: row.candidates } : {}),
    });
    expect(report.findings.map((f) => f.id).sort()).toEqual([...row.expected].sort());
    const penalties = report.findings.reduce((sum, f) => sum + f.penalty, 0);
    expect(report.score).toBe(Math.max(0, 100 - penalties));
    if (row.skipped) expect(report.skipped.map((s) => s.check)).toContain(row.skipped);
  });
});
