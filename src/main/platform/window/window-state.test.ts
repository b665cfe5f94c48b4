import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  captureWindowState,
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  MIN_WINDOW_SIZE,
  parseWindowState,
  readWindowState,
  writeWindowState,
} from './window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('parseWindowState', () => {
  it('falls back to defaults for anything that is not a state', () => {
    for (const raw of [null, 'x', 42, [], { width: 'wide' }]) {
      expect(parseWindowState(raw)).toEqual(DEFAULT_WINDOW_STATE);
    }
  });

  it('keeps a valid state, rounding and enforcing the minimum size', () => {
    expect(parseWindowState({ x: 10.4, y: -20, width: 1000.6, height: 700, maximized: true })).toEqual({
      x: 10,
      y: -20,
      width: 1001,
      height: 700,
      maximized: true,
    });
    expect(parseWindowState({ width: 10, height: 10 })).toMatchObject(MIN_WINDOW_SIZE);
  });

  it('drops a position with only one coordinate or a non-finite one', () => {
    expect(parseWindowState({ x: 5, width: 1000, height: 700 })).not.toHaveProperty('x');
    expect(parseWindowState({ x: Infinity, y: 3, width: 1000, height: 700 })).not.toHaveProperty('y');
  });
});

describe('fitToDisplays', () => {
  it('keeps a window whose title bar is on a screen', () => {
    const state = { x: 1600, y: 100, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [laptop, rightMonitor])).toEqual(state);
  });

  it('re-centres a window left on an unplugged monitor, shrinking it to the screen', () => {
    const state = { x: 1600, y: 100, width: 2000, height: 1200, maximized: true };
    expect(fitToDisplays(state, [laptop])).toEqual({ width: 1440, height: 900, maximized: true });
  });

  it('re-centres a window whose title bar is above every screen', () => {
    expect(fitToDisplays({ x: 100, y: -500, width: 1000, height: 700, maximized: false }, [laptop])).not.toHaveProperty(
      'x',
    );
  });

  it('leaves the state alone when no display is known yet', () => {
    const state = { x: 1, y: 2, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(state, [])).toBe(state);
  });
});

describe('window state file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cadence-window-'));
  });
  afterEach(() => rm(dir, { recursive: true }));

  it('round-trips the normal bounds and the maximised flag', () => {
    const file = join(dir, 'window-state.json');
    writeWindowState(file, captureWindowState({ x: 40, y: 50, width: 1100, height: 750 }, true));
    expect(readWindowState(file)).toEqual({ x: 40, y: 50, width: 1100, height: 750, maximized: true });
  });

  it('reads a missing or damaged file as the defaults', async () => {
    expect(readWindowState(join(dir, 'absent.json'))).toEqual(DEFAULT_WINDOW_STATE);
    await writeFile(join(dir, 'bad.json'), '{not json');
    expect(readWindowState(join(dir, 'bad.json'))).toEqual(DEFAULT_WINDOW_STATE);
  });
});
