export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Candidate {
  id: string;
  rect: Box;
}

const center = (box: Box) => ({ x: box.left + box.width / 2, y: box.top + box.height / 2 });

/**
 * The drop target a keyboard drag moves to: the nearest one whose centre lies in the arrow's
 * direction, preferring targets in the same row (or column). Returns null at the edge.
 */
export function nextTarget(from: Box, key: ArrowKey, candidates: Candidate[]): Candidate | null {
  const origin = center(from);
  let best: Candidate | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const c = center(candidate.rect);
    const dx = c.x - origin.x;
    const dy = c.y - origin.y;
    const [along, across] = key === 'ArrowLeft' || key === 'ArrowRight' ? [dx, dy] : [dy, dx];
    const forward = key === 'ArrowRight' || key === 'ArrowDown' ? along : -along;
    if (forward <= 1) continue;
    // Staying in line matters more than distance, so Right never jumps to the next week's row.
    const score = forward + Math.abs(across) * 4;
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}

/** Top-left coordinates that centre a box of `size` on `target`. */
export function centredOn(target: Box, size: { width: number; height: number }): { x: number; y: number } {
  const c = center(target);
  return { x: c.x - size.width / 2, y: c.y - size.height / 2 };
}
