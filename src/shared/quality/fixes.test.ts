import { describe, expect, it } from 'vitest';
import type { Platform } from '../domain/platform';
import { countText } from '../platforms/count';
import { applyAutoFix, hasAutoFix, keepHashtags, trimPart } from './fixes';
import { scorePost } from './score';

const LONG = 'I fed the starter at nine and it doubled by noon. '.repeat(8).trim();

interface FixRow {
  name: string;
  platform: Platform;
  text: string;
  findingId: string;
  /** What the fixed text must (not) contain. */
  contains?: string[];
  lacks?: string[];
}

const ROWS: FixRow[] = [
  {
    name: 'trims an X post at a sentence end',
    platform: 'x',
    text: `${LONG} What do you think?`,
    findingId: 'limit-length',
    lacks: ['What do you think?'],
  },
  {
    name: 'trims each over-long part of a thread',
    platform: 'x',
    text: `Why I bake. What would you do?\n---\n${LONG}\n---\nLast part. Tell me.`,
    findingId: 'limit-length',
    contains: ['Why I bake.', '\n---\n', 'Last part. Tell me.'],
  },
  {
    name: 'keeps the first 2 hashtags on X',
    platform: 'x',
    text: 'Why my rise doubled? Try it. #sourdough #bread #baking #food',
    findingId: 'hashtags-too-many',
    contains: ['Try it. #sourdough #bread'],
    lacks: ['baking', 'food'],
  },
  {
    name: 'an inline hashtag beyond the norm keeps its word',
    platform: 'threads',
    text: 'Why my #sourdough loaf rose with #baking steam. What would you try?',
    findingId: 'hashtags-too-many',
    contains: ['#sourdough', 'with baking steam'],
  },
  {
    name: 'moves a LinkedIn link to the end',
    platform: 'linkedin',
    text: 'New recipe: https://example.com/bread\n\nHow I bake every day.\n\n#baking #bread #food',
    findingId: 'link-first-line',
    contains: ['New recipe\n', 'https://example.com/bread\n\n#baking'],
  },
  {
    name: 'replaces an Instagram link with "link in bio"',
    platform: 'instagram',
    text: 'Why it rose. Recipe: https://example.com/loaf\n\n#sourdough #baking #bread',
    findingId: 'link-instagram',
    contains: ['Link in bio.\n\n#sourdough'],
    lacks: ['https://'],
  },
  {
    name: 'removes spammy phrases',
    platform: 'facebook',
    text: 'Click here for the recipe, it is 100% free and guaranteed to work.',
    findingId: 'spam-phrases',
    contains: ['For the recipe, it is free and to work.'],
  },
  {
    name: 'lowers shouting but keeps acronyms',
    platform: 'x',
    text: 'AMAZING bread with our SEO team. It is REALLY good.',
    findingId: 'spam-caps',
    contains: ['Amazing bread with our SEO team. It is really good.'],
  },
  {
    name: 'collapses exclamation marks',
    platform: 'instagram',
    text: 'It rose!!! Really?!! Yes!!',
    findingId: 'spam-exclamations',
    contains: ['It rose! Really? Yes!'],
  },
  {
    name: 'adds a CTA line before the hashtag block',
    platform: 'linkedin',
    text: 'How I bake every day.\n\n#baking #bread #food',
    findingId: 'cta-missing',
    contains: ["What's your experience with this? Share it in the comments.\n\n#baking"],
  },
  {
    name: 'keeps 30 hashtags on Instagram',
    platform: 'instagram',
    text: `Why it rose. Tell me in the comments.\n\n${Array.from({ length: 32 }, (_, i) => `#t${i}x`).join(' ')}`,
    findingId: 'limit-hashtags',
    contains: ['#t29x'],
    lacks: ['#t30x', '#t31x'],
  },
];

describe('automatic fixes (table)', () => {
  it.each(ROWS)('$name', (row) => {
    const before = scorePost({ text: row.text, platform: row.platform });
    expect(before.findings.map((f) => f.id)).toContain(row.findingId);
    expect(hasAutoFix(row.findingId)).toBe(true);
    const fixed = applyAutoFix(row.text, row.platform, row.findingId);
    const after = scorePost({ text: fixed, platform: row.platform });
    expect(after.findings.map((f) => f.id)).not.toContain(row.findingId);
    for (const part of row.contains ?? []) expect(fixed).toContain(part);
    for (const part of row.lacks ?? []) expect(fixed).not.toContain(part);
  });

  it('trims at a word boundary when no sentence ends late enough, and never splits an emoji', () => {
    const text = `${'word '.repeat(70)}👩‍👩‍👧‍👦`;
    const trimmed = trimPart('bluesky', text);
    expect(countText('bluesky', trimmed).over).toBe(false);
    expect(trimmed.endsWith('word…')).toBe(true);
  });

  it('has no automatic fix for AI-only findings', () => {
    expect(hasAutoFix('hook-weak')).toBe(false);
    expect(() => applyAutoFix('x', 'x', 'hook-weak')).toThrow(RangeError);
  });

  it('leaves numeric rankings alone when keeping hashtags', () => {
    expect(keepHashtags('We are #1 again #a #b', 1)).toBe('We are #1 again #a');
    expect(keepHashtags('Bake #bread with #rye flour', 1)).toBe('Bake #bread with rye flour');
  });
});
