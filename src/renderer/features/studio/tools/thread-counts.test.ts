import { describe, expect, it } from 'vitest';
import { countParts } from './thread-counts';

describe('per-part counts', () => {
  it('counts each thread part with the platform’s counter and flags the long one', () => {
    const long = 'a'.repeat(290);
    const result = countParts('x', `Hook line\n---\n${long}\n\n---\n\nThe end`);
    expect(result.threaded).toBe(true);
    expect(result.parts.map((p) => [p.count, p.over])).toEqual([
      [9, false],
      [290, true],
      [7, false],
    ]);
    expect(result.parts[1]!.label).toBe('Part 2 of 3: 290 of 280, over the limit');
    expect(result.over).toBe(true);
  });

  it('weighs URLs and emoji the way X does', () => {
    const result = countParts('x', 'See https://example.com/a/very/long/path/that/goes/on 🎉');
    expect(result.parts[0]!.count).toBe(4 + 23 + 1 + 2);
  });

  it('counts a non-thread platform whole, separators included', () => {
    const result = countParts('linkedin', 'One\n---\nTwo');
    expect(result.threaded).toBe(false);
    expect(result.parts).toHaveLength(1);
    expect(result.parts[0]).toMatchObject({ count: 11, label: 'LinkedIn: 11 of 3000' });
  });

  it('shows one empty part for an empty body', () => {
    expect(countParts('bluesky', '').parts).toEqual([
      { index: 1, count: 0, limit: 300, over: false, label: 'Bluesky: 0 of 300' },
    ]);
  });
});
