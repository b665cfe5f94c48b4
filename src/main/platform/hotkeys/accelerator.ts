import { HOTKEY_MODIFIER_NAMES, type HotkeyModifier } from '../../../shared/domain/hotkey';

/**
 * Electron-style accelerators ("Control+Alt+Space") to libuiohook key codes. The codes are
 * libuiohook's VC_* constants (the same numbers uiohook-napi exports as UiohookKey), kept here so
 * parsing is testable without loading the native hook.
 */

export type Modifier = HotkeyModifier;

export interface ParsedAccelerator {
  modifiers: ReadonlySet<Modifier>;
  /** The one non-modifier key, as a uiohook key code. */
  keycode: number;
  /** Normalised text, e.g. "Control+Alt+Space", for messages. */
  label: string;
}

/** Left and right key codes of each modifier. */
export const MODIFIER_KEYCODES: Record<Modifier, readonly number[]> = {
  ctrl: [29, 3613],
  alt: [56, 3640],
  shift: [42, 54],
  meta: [3675, 3676],
};

const LETTERS: Record<string, number> = {
  a: 30,
  b: 48,
  c: 46,
  d: 32,
  e: 18,
  f: 33,
  g: 34,
  h: 35,
  i: 23,
  j: 36,
  k: 37,
  l: 38,
  m: 50,
  n: 49,
  o: 24,
  p: 25,
  q: 16,
  r: 19,
  s: 31,
  t: 20,
  u: 22,
  v: 47,
  w: 17,
  x: 45,
  y: 21,
  z: 44,
};
const DIGITS = [11, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const F_KEYS = [59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 87, 88, 91, 92, 93, 99, 100, 101, 102, 103, 104, 105, 106, 107];
const NAMED: Record<string, number> = {
  space: 57,
  enter: 28,
  return: 28,
  tab: 15,
  escape: 1,
  esc: 1,
  backspace: 14,
  capslock: 58,
  insert: 3666,
  delete: 3667,
  home: 3655,
  end: 3663,
  pageup: 3657,
  pagedown: 3665,
  up: 57416,
  down: 57424,
  left: 57419,
  right: 57421,
  printscreen: 3639,
  scrolllock: 70,
  numlock: 69,
};

/** The key code of one non-modifier key name, or null when uiohook has none for it. */
export function keycodeOf(name: string): number | null {
  const key = name.toLowerCase();
  if (key.length === 1 && key >= 'a' && key <= 'z') return LETTERS[key] ?? null;
  if (key.length === 1 && key >= '0' && key <= '9') return DIGITS[Number(key)] ?? null;
  const f = /^f([1-9]|1\d|2[0-4])$/.exec(key);
  if (f) return F_KEYS[Number(f[1]) - 1] ?? null;
  if (/^num(pad)?[0-9]$/.test(key)) return [82, 79, 80, 81, 75, 76, 77, 71, 72, 73][Number(key.at(-1))] ?? null;
  return NAMED[key] ?? null;
}

/** Parses an accelerator; throws an Error with a plain message when it cannot be held. */
export function parseAccelerator(accelerator: string): ParsedAccelerator {
  const parts = accelerator
    .split('+')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) throw new Error('Choose a key, e.g. Control+Alt+Space');
  const modifiers = new Set<Modifier>();
  const keys: string[] = [];
  for (const part of parts) {
    const modifier = HOTKEY_MODIFIER_NAMES[part.toLowerCase()];
    if (modifier) modifiers.add(modifier);
    else keys.push(part);
  }
  if (keys.length !== 1) {
    throw new Error(
      keys.length === 0
        ? `"${accelerator}" has only modifier keys: add one more key, e.g. Control+Alt+Space`
        : `"${accelerator}" has more than one key besides Control, Alt, Shift and Meta`,
    );
  }
  const key = keys[0]!;
  const keycode = keycodeOf(key);
  if (keycode === null) throw new Error(`"${key}" is not a key the hold-to-talk hook knows`);
  const order: Modifier[] = ['ctrl', 'alt', 'shift', 'meta'];
  const names: Record<Modifier, string> = { ctrl: 'Control', alt: 'Alt', shift: 'Shift', meta: 'Meta' };
  const label = [...order.filter((m) => modifiers.has(m)).map((m) => names[m]), normaliseKey(key)].join('+');
  return { modifiers, keycode, label };
}

function normaliseKey(key: string): string {
  return key.length === 1 ? key.toUpperCase() : key[0]!.toUpperCase() + key.slice(1);
}
