import { describe, expect, it } from 'vitest';
import { abCandidates } from './ab-pairs';

describe('A/B candidates', () => {
  it('pairs variants A and B of a platform once both posts exist', () => {
    expect(
      abCandidates([
        { platform: 'linkedin', variant: 'A', postId: 'a' },
        { platform: 'linkedin', variant: 'B', postId: 'b' },
        { platform: 'linkedin', variant: 'C', postId: 'c' },
        { platform: 'x', variant: 'A', postId: 'x' },
        { platform: 'bluesky', variant: 'A', postId: 'ba' },
        { platform: 'bluesky', variant: 'B', postId: null },
      ]),
    ).toEqual([{ platform: 'linkedin', postA: 'a', postB: 'b' }]);
  });
});
