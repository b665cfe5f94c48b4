import { describe, expect, it } from 'vitest';
import { type PullLine, PullProgressTracker } from './ollama.pull-progress';

const MB = 1_000_000;

/** Feeds lines at given times (ms) to a tracker on a hand-moved clock. */
function feed(lines: Array<[number, PullLine]>) {
  let now = 0;
  const tracker = new PullProgressTracker('job', () => now, 5_000);
  return lines.map(([at, line]) => {
    now = at;
    return tracker.update(line);
  });
}

const layer = (digest: string, total: number, completed?: number): PullLine => ({
  status: `pulling ${digest}`,
  digest: `sha256:${digest}`,
  total,
  completed,
});

describe('PullProgressTracker', () => {
  it.each([
    ['pulling manifest', undefined, 'manifest'],
    ['pulling 6a0746a1ec1a', 'sha256:6a07', 'downloading'],
    ['verifying sha256 digest', undefined, 'verifying'],
    ['writing manifest', undefined, 'writing'],
    ['removing any unused layers', undefined, 'writing'],
    ['success', undefined, 'done'],
  ])('status %j → phase %s', (status, digest, phase) => {
    const [progress] = feed([[0, { status, digest, total: digest ? 10 : undefined }]]);
    expect(progress?.phase).toBe(phase);
  });

  it('sums layers into bytes, treats a missing `completed` as 0, and ends at 100 %', () => {
    const events = feed([
      [0, { status: 'pulling manifest' }],
      [100, layer('aaa', 4 * MB)],
      [1100, layer('aaa', 4 * MB, 2 * MB)],
      [2100, layer('aaa', 4 * MB, 4 * MB)],
      [2200, layer('bbb', 1 * MB, 1 * MB)],
      [2300, { status: 'verifying sha256 digest' }],
      [2400, { status: 'success' }],
    ]);
    expect(events.map((e) => [e.done, e.total])).toEqual([
      [0, null],
      [0, 4 * MB],
      [2 * MB, 4 * MB],
      [4 * MB, 4 * MB],
      [5 * MB, 5 * MB],
      [5 * MB, 5 * MB],
      [5 * MB, 5 * MB],
    ]);
    expect(events.at(-1)).toMatchObject({ phase: 'done', percent: 100, etaMs: 0, cancellable: false });
    expect(events[0]).toMatchObject({ jobId: 'job', cancellable: true, percent: null });
  });

  it('never moves the percentage back when a new layer grows the total', () => {
    const events = feed([
      [0, layer('aaa', 1 * MB, 1 * MB)],
      [100, layer('bbb', 3 * MB, 0)],
      [200, layer('bbb', 3 * MB, 2 * MB)],
    ]);
    expect(events.map((e) => e.percent)).toEqual([100, 100, 100]);
  });

  it('measures speed over the window only, so resumed bytes do not inflate it', () => {
    const events = feed([
      [0, layer('aaa', 10 * MB, 6 * MB)], // resumed: 6 MB were already there
      [1000, layer('aaa', 10 * MB, 7 * MB)],
      [2000, layer('aaa', 10 * MB, 8 * MB)],
    ]);
    expect(events[0]?.bytesPerSecond).toBeNull();
    expect(events[1]).toMatchObject({ bytesPerSecond: 1 * MB, etaMs: 3000 });
    expect(events[2]).toMatchObject({ bytesPerSecond: 1 * MB, etaMs: 2000 });
  });

  it('starts the speed window at the first byte-bearing sample, so a resume jump is not speed', () => {
    const events = feed([
      [0, { status: 'pulling manifest' }], // done = 0: no layer bytes yet
      [100, layer('aaa', 20 * MB)], // announced, nothing reported
      [200, layer('aaa', 20 * MB, 9 * MB)], // resumed: 9 MB were already on disk
      [1200, layer('aaa', 20 * MB, 11 * MB)],
      [2200, layer('aaa', 20 * MB, 13 * MB)],
    ]);
    expect(events.slice(0, 3).map((e) => e.bytesPerSecond)).toEqual([null, null, null]);
    expect(events[3]).toMatchObject({ done: 11 * MB, bytesPerSecond: 2 * MB, etaMs: 4500 });
    expect(events[4]).toMatchObject({ done: 13 * MB, bytesPerSecond: 2 * MB, etaMs: 3500 });
  });

  it('does not count a later layer resuming from its partial file as speed', () => {
    const events = feed([
      [0, layer('aaa', 4 * MB, 0)],
      [1000, layer('aaa', 4 * MB, 4 * MB)],
      [1100, layer('bbb', 10 * MB)],
      [1200, layer('bbb', 10 * MB, 6 * MB)], // resumed layer
      [2200, layer('bbb', 10 * MB, 7 * MB)],
    ]);
    expect(events[1]?.bytesPerSecond).toBe(4 * MB);
    expect(events[4]?.bytesPerSecond).toBeCloseTo((5 * MB * 1000) / 2200);
  });

  it('lets old samples fall out of the window, so a stall shows as falling speed', () => {
    const events = feed([
      [0, layer('aaa', 100 * MB, 0)],
      [1000, layer('aaa', 100 * MB, 10 * MB)],
      [4000, layer('aaa', 100 * MB, 10 * MB)],
      [12000, layer('aaa', 100 * MB, 10 * MB)],
    ]);
    expect(events[1]?.bytesPerSecond).toBe(10 * MB);
    expect(events[2]?.bytesPerSecond).toBe(2.5 * MB);
    expect(events[3]).toMatchObject({ bytesPerSecond: 0, etaMs: null });
  });
});
