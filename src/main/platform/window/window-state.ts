import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered between runs; no x/y means "let the OS centre it". */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const MIN_WINDOW_SIZE = { width: 900, height: 600 };
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };

// A window counts as reachable when this much of its top edge (the title bar) is on a screen.
const VISIBLE_MARGIN = { width: 120, height: 40 };

/** Reads whatever was stored; anything unusable falls back to defaults rather than failing start-up. */
export function parseWindowState(raw: unknown): WindowState {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_WINDOW_STATE };
  const value = raw as Record<string, unknown>;
  const state: WindowState = {
    width: Math.max(MIN_WINDOW_SIZE.width, integer(value.width) ?? DEFAULT_WINDOW_STATE.width),
    height: Math.max(MIN_WINDOW_SIZE.height, integer(value.height) ?? DEFAULT_WINDOW_STATE.height),
    maximized: value.maximized === true,
  };
  const x = integer(value.x);
  const y = integer(value.y);
  return x !== undefined && y !== undefined ? { ...state, x, y } : state;
}

/**
 * Keeps a remembered window reachable after a monitor was unplugged or rearranged: if its title
 * bar is on no screen, it is re-centred (and shrunk to fit the first screen).
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  if (state.x !== undefined && state.y !== undefined) {
    const titleBar: Rect = { x: state.x, y: state.y, width: state.width, height: VISIBLE_MARGIN.height };
    if (workAreas.some((area) => overlaps(titleBar, area))) return state;
  }
  return {
    width: Math.min(state.width, primary.width),
    height: Math.min(state.height, primary.height),
    maximized: state.maximized,
  };
}

/** The state to store: the normal (unmaximised) bounds, so un-maximising next run restores them. */
export function captureWindowState(normalBounds: Rect, maximized: boolean): WindowState {
  return parseWindowState({ ...normalBounds, maximized });
}

export function readWindowState(file: string): WindowState {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { ...DEFAULT_WINDOW_STATE }; // first run, or a damaged file: not worth an error
  }
}

/** Synchronous because it runs while the window closes, when async work may be cut short. */
export function writeWindowState(file: string, state: WindowState): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file);
}

function overlaps(a: Rect, b: Rect): boolean {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width >= VISIBLE_MARGIN.width && height >= VISIBLE_MARGIN.height;
}

function integer(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : undefined;
}
