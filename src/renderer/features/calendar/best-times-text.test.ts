import { describe, expect, it } from 'vitest';
import { slotLabel, slotSourceText } from './best-times-text';

describe('best-time slot text', () => {
  it.each([
    [{ weekday: 0, hour: 9 }, 'Monday 09:00'],
    [{ weekday: 6, hour: 18 }, 'Sunday 18:00'],
    [{ weekday: 3, hour: 0 }, 'Thursday 00:00'],
  ])('labels %o as %s', (slot, label) => expect(slotLabel(slot)).toBe(label));

  it.each([
    [{ source: 'default' as const, posts: 0 }, 'published studies'],
    [{ source: 'yours' as const, posts: 1 }, 'from your posts · 1 post'],
    [{ source: 'blended' as const, posts: 4 }, 'your posts and published studies · 4 posts'],
  ])('says where %o comes from', (slot, text) => expect(slotSourceText(slot)).toBe(text));
});
