import { describe, expect, it } from 'vitest';
import { featureLabel, hookType, postFeatures, type PostForFeatures } from './post-features';

const base: PostForFeatures = {
  text: 'Ship small things every day.',
  publishedAt: '2025-03-12T14:30:00Z', // a Wednesday
  timezone: 'UTC',
  format: null,
  mediaCount: 0,
  hashtags: [],
};

describe('hookType', () => {
  it.each([
    ['How to write a hook in 5 minutes', 'how-to'],
    ["Here's how I grew to 10k", 'how-to'],
    ['Why do most threads flop?', 'question'],
    ['7 mistakes I made as a freelancer', 'number'],
    ['$10k in a month from one post', 'number'],
    ['I quit my job last spring.', 'story'],
    ['I’ve been writing daily for a year', 'story'],
    ['Last year I almost gave up', 'story'],
    ['Consistency beats talent.', 'statement'],
    ['If you post daily, read this', 'statement'], // "If" is not "I"
    ['  ', 'statement'],
  ])('%s → %s', (line, hook) => {
    expect(hookType(line)).toBe(hook);
  });
});

describe('postFeatures', () => {
  it('builds the indicator map for a plain weekday post', () => {
    expect(postFeatures(base)).toEqual({
      'length:short': 1,
      'hook:statement': 1,
      'hashtags:0': 1,
      'time:afternoon': 1,
    });
  });

  it.each([
    // length buckets, counted in characters: 99 short, 100 and 500 medium, 501 long
    [{ text: 'a'.repeat(99) }, 'length:short'],
    [{ text: 'a'.repeat(100) }, 'length:medium'],
    [{ text: 'a'.repeat(500) }, 'length:medium'],
    [{ text: 'a'.repeat(501) }, 'length:long'],
    [{ hashtags: ['a', 'b', 'c'] }, 'hashtags:1-3'],
    [{ hashtags: ['a', 'b', 'c', 'd'] }, 'hashtags:4+'],
    [{ mediaCount: 2 }, 'has:media'],
    [{ text: 'Read more at https://example.com' }, 'has:link'],
    [{ format: 'Listicle' }, 'format:listicle'],
    [{ format: 'Behind the scenes' }, 'format:behind-the-scenes'],
    [{ text: '\n\nWhat would you build?\nMore text' }, 'hook:question'],
    // 04:59 in the creator zone is still night; 05:00 morning; 12:00 afternoon; 17:00 evening; 22:00 night
    [{ publishedAt: '2025-03-12T04:59:00Z' }, 'time:night'],
    [{ publishedAt: '2025-03-12T05:00:00Z' }, 'time:morning'],
    [{ publishedAt: '2025-03-12T12:00:00Z' }, 'time:afternoon'],
    [{ publishedAt: '2025-03-12T17:00:00Z' }, 'time:evening'],
    [{ publishedAt: '2025-03-12T22:00:00Z' }, 'time:night'],
    // Sunday 2025-03-16
    [{ publishedAt: '2025-03-16T10:00:00Z' }, 'weekend'],
  ])('%o sets %s', (change, key) => {
    expect(postFeatures({ ...base, ...change })[key]).toBe(1);
  });

  it('reads the hour and weekday in the creator time zone', () => {
    // Monday 2025-03-17 03:00 UTC is Sunday 23:00 in Chicago (UTC−5 in March after DST starts)
    const f = postFeatures({ ...base, publishedAt: '2025-03-17T03:00:00Z', timezone: 'America/Chicago' });
    expect(f).toMatchObject({ 'time:night': 1, weekend: 1 });
    // and 09:00 in Tokyo is 00:00 UTC
    expect(postFeatures({ ...base, publishedAt: '2025-03-12T00:00:00Z', timezone: 'Asia/Tokyo' })).toMatchObject({
      'time:morning': 1,
    });
    expect(postFeatures({ ...base, publishedAt: '2025-03-12T00:00:00Z' })['time:morning']).toBeUndefined();
  });
});

describe('featureLabel', () => {
  it.each([
    ['hook:question', 'Opens with a question'],
    ['hashtags:4+', '4 or more hashtags'],
    ['time:night', 'Posted at night (22:00–5:00)'],
    ['format:behind-the-scenes', 'Behind the scenes format'],
    ['weekend', 'Posted on a weekend'],
    ['my-own-feature', 'my-own-feature'],
  ])('%s → %s', (key, label) => {
    expect(featureLabel(key)).toBe(label);
  });
});
