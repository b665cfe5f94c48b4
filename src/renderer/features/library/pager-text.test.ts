import { describe, expect, it } from 'vitest';
import { hasNextPage, pagerText } from './pager-text';

describe('pagerText', () => {
  it('counts exactly when it can', () => {
    expect(pagerText(1, 50, 1234, { totalCapped: false, order: 'updated' })).toBe('1–50 of 1,234 posts');
  });
  it('says when a common word matched more than was counted', () => {
    expect(pagerText(51, 50, 1000, { totalCapped: true, order: 'newest' })).toBe(
      '51–100 of 1,000+ matches, newest first',
    );
  });
  it('handles an empty page', () => {
    expect(pagerText(1, 0, 0, { totalCapped: false, order: 'relevance' })).toBe('0 posts');
  });
});

describe('hasNextPage', () => {
  it('follows the total, or full pages when the total is capped', () => {
    expect(hasNextPage(0, 50, 50, 120, false)).toBe(true);
    expect(hasNextPage(2, 50, 20, 120, false)).toBe(false);
    expect(hasNextPage(25, 50, 50, 1000, true)).toBe(true);
    expect(hasNextPage(25, 50, 12, 1000, true)).toBe(false);
  });
});
