import { HOTKEY_MODIFIER_NAMES } from '../../../shared/domain/hotkey';

/**
 * The in-window hold key: matches keyboard events against the hotkey setting (Electron
 * accelerator style, "Control+Alt+Space"). Keys compare by `code` (the physical key), so a
 * keyboard layout or a held Alt changing `key` does not break the match.
 */
export interface KeyCombo {
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
  /** KeyboardEvent.code of the main key, e.g. "Space", "KeyK", "Digit1", "F9". */
  code: string;
}

const NAMED_CODES: Record<string, string> = {
  space: 'Space',
  enter: 'Enter',
  return: 'Enter',
  tab: 'Tab',
  backspace: 'Backspace',
  insert: 'Insert',
  delete: 'Delete',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
};

/** The combination an accelerator names, or null when it has no single main key this page knows. */
export function parseKeyCombo(accelerator: string): KeyCombo | null {
  const combo: KeyCombo = { ctrl: false, alt: false, shift: false, meta: false, code: '' };
  for (const raw of accelerator.split('+')) {
    const part = raw.trim().toLowerCase();
    if (part === '') continue;
    const modifier = HOTKEY_MODIFIER_NAMES[part];
    if (modifier) {
      combo[modifier] = true;
      continue;
    }
    if (combo.code !== '') return null;
    combo.code = codeOf(part) ?? '';
    if (combo.code === '') return null;
  }
  return combo.code === '' ? null : combo;
}

function codeOf(key: string): string | null {
  if (/^[a-z]$/.test(key)) return `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return `Digit${key}`;
  if (/^f([1-9]|1\d|2[0-4])$/.test(key)) return key.toUpperCase();
  return NAMED_CODES[key] ?? null;
}

type KeyEventLike = Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>;

/** The key-down that starts a hold: the main key with exactly the named modifiers. */
export function isComboDown(event: KeyEventLike, combo: KeyCombo): boolean {
  return (
    event.code === combo.code &&
    event.ctrlKey === combo.ctrl &&
    event.altKey === combo.alt &&
    event.shiftKey === combo.shift &&
    event.metaKey === combo.meta
  );
}

const MODIFIER_CODES: Record<keyof Omit<KeyCombo, 'code'>, string[]> = {
  ctrl: ['ControlLeft', 'ControlRight'],
  alt: ['AltLeft', 'AltRight'],
  shift: ['ShiftLeft', 'ShiftRight'],
  meta: ['MetaLeft', 'MetaRight', 'OSLeft', 'OSRight'],
};

/** The key-up that ends a hold: the main key or any of the combination's modifiers. */
export function isComboUp(event: Pick<KeyboardEvent, 'code'>, combo: KeyCombo): boolean {
  if (event.code === combo.code) return true;
  return (Object.keys(MODIFIER_CODES) as Array<keyof typeof MODIFIER_CODES>).some(
    (modifier) => combo[modifier] && MODIFIER_CODES[modifier].includes(event.code),
  );
}
