import { describe, expect, it } from 'vitest';
import { centredOn, nextTarget, type Candidate } from './keyboard-coordinates';

/** A 3×2 grid of 100×80 cells, ids "r<row>c<col>". */
const grid: Candidate[] = [0, 1].flatMap((row) =>
  [0, 1, 2].map((col) => ({ id: `r${row}c${col}`, rect: { left: col * 100, top: row * 80, width: 100, height: 80 } })),
);
const card = (left: number, top: number) => ({ left, top, width: 60, height: 20 });

describe('nextTarget', () => {
  it('moves one cell in the arrow direction', () => {
    const inFirst = card(20, 30);
    expect(nextTarget(inFirst, 'ArrowRight', grid)?.id).toBe('r0c1');
    expect(nextTarget(inFirst, 'ArrowDown', grid)?.id).toBe('r1c0');
  });

  it('stays in the row rather than jumping diagonally', () => {
    expect(nextTarget(card(120, 30), 'ArrowLeft', grid)?.id).toBe('r0c0');
    expect(nextTarget(card(220, 110), 'ArrowUp', grid)?.id).toBe('r0c2');
  });

  it('returns null at the edge', () => {
    expect(nextTarget(card(220, 30), 'ArrowRight', grid)).toBeNull();
    expect(nextTarget(card(20, 30), 'ArrowUp', grid)).toBeNull();
  });

  it('centres the dragged card on the target', () => {
    expect(centredOn({ left: 100, top: 80, width: 100, height: 80 }, { width: 60, height: 20 })).toEqual({
      x: 120,
      y: 110,
    });
  });
});
