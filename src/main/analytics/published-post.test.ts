import { describe, expect, it } from 'vitest';
import type { PublicationQueryRow } from './analytics.queries';
import { toPublishedPost } from './published-post';

function row(body: string, id = 1): PublicationQueryRow {
  return {
    id,
    post_id: `post-${id}`,
    platform: 'x',
    account_id: null,
    handle: null,
    published_at: '2026-06-01T10:00:00.000Z',
    url: null,
    format: null,
    media_count: 0,
    metrics_at: null,
    title: 'T',
    body,
    followers_at: null,
    impressions: 100,
    reach: null,
    views: null,
    likes: 5,
    comments: 0,
    shares: 0,
    saves: null,
    clicks: null,
  };
}

describe('toPublishedPost (excerpt and hashtags kept per body text)', () => {
  it('follows an edited body at once, and hands each row its own hashtag list', () => {
    const first = toPublishedPost(row('Crumb shot #Sourdough #bread  and more'));
    const again = toPublishedPost(row('Crumb shot #Sourdough #bread  and more', 2));
    expect(first.hashtags).toEqual(['sourdough', 'bread']);
    expect(first.excerpt).toBe('Crumb shot #Sourdough #bread and more');
    expect(again.hashtags).toEqual(first.hashtags);
    expect(again.hashtags).not.toBe(first.hashtags);
    first.hashtags.push('mutated');
    expect(toPublishedPost(row('Crumb shot #Sourdough #bread  and more')).hashtags).toEqual(['sourdough', 'bread']);

    const edited = toPublishedPost(row('Crumb shot #rye'));
    expect(edited.hashtags).toEqual(['rye']);
    expect(edited.excerpt).toBe('Crumb shot #rye');
  });
});
