import { describe, expect, it } from 'vitest';
import { MAX_TAG_LENGTH, formatTags, parseTags } from './tags';

describe('parseTags', () => {
  it('splits on commas and any whitespace, dropping empties', () => {
    expect(parseTags(' launch, video\ttips\n, ,').tags).toEqual(['launch', 'video', 'tips']);
  });

  it('strips leading # and removes duplicates ignoring case, keeping the first spelling', () => {
    expect(parseTags('#Launch launch ##LAUNCH video').tags).toEqual(['Launch', 'video']);
  });

  it('leaves out tags that are too long and says so', () => {
    const parsed = parseTags(`ok ${'x'.repeat(MAX_TAG_LENGTH + 1)}`);
    expect(parsed.tags).toEqual(['ok']);
    expect(parsed.problem).toContain(`${MAX_TAG_LENGTH} characters`);
  });

  it('keeps at most 50 tags', () => {
    const parsed = parseTags(Array.from({ length: 60 }, (_, i) => `t${i}`).join(' '));
    expect(parsed.tags).toHaveLength(50);
    expect(parsed.problem).toContain('At most 50');
  });

  it('has no problem for an empty input', () => {
    expect(parseTags('')).toEqual({ tags: [], problem: null });
  });

  it('round-trips through formatTags', () => {
    expect(parseTags(formatTags(['a', 'b-c', 'Ünï'])).tags).toEqual(['a', 'b-c', 'Ünï']);
  });
});
