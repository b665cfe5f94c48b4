import { describe, expect, it } from 'vitest';
import { planSlots, slotLabel } from './draft-slots';

const ids = () => {
  let n = 0;
  return () => `id-${(n += 1)}`;
};

describe('planning the draft cards', () => {
  it('makes one card per platform, in the usual order, named for the platform', () => {
    const slots = planSlots(['bluesky', 'x', 'linkedin'], 1, ids());
    expect(slots.map((s) => [s.label, s.requestId])).toEqual([
      ['Draft for X', 'id-1'],
      ['Draft for LinkedIn', 'id-2'],
      ['Draft for Bluesky', 'id-3'],
    ]);
    expect(slots[0]).toMatchObject({ key: 'x:A', variant: 'A', variantLabel: null });
  });

  it('names variants A, B… when there are several, and caps their number', () => {
    const slots = planSlots(['linkedin'], 2, ids());
    expect(slots.map((s) => s.label)).toEqual(['Draft for LinkedIn (variant A)', 'Draft for LinkedIn (variant B)']);
    expect(planSlots(['x'], 9, ids())).toHaveLength(3);
    expect(planSlots(['x'], 0, ids())).toHaveLength(1);
    expect(planSlots([], 2, ids())).toEqual([]);
  });

  it('spells the parts of a label', () => {
    expect(slotLabel('youtube', null)).toBe('Draft for YouTube');
  });
});
