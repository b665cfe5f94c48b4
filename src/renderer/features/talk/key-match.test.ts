import { describe, expect, it } from 'vitest';
import { isComboDown, isComboUp, parseKeyCombo } from './key-match';

const key = (code: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {}) => ({
  code,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('in-window hold key', () => {
  it('parses accelerators to a physical key and modifiers', () => {
    expect(parseKeyCombo('Control+Alt+Space')).toEqual({
      ctrl: true,
      alt: true,
      shift: false,
      meta: false,
      code: 'Space',
    });
    expect(parseKeyCombo('CmdOrCtrl+Shift+k')?.code).toBe('KeyK');
    expect(parseKeyCombo('F9')?.code).toBe('F9');
    expect(parseKeyCombo('Alt+1')?.code).toBe('Digit1');
    expect(parseKeyCombo('Control+Alt')).toBeNull();
    expect(parseKeyCombo('A+B')).toBeNull();
    expect(parseKeyCombo('Control+Banana')).toBeNull();
  });

  it('starts only on the exact combination and ends on its key or a modifier', () => {
    const combo = parseKeyCombo('Control+Alt+Space')!;
    expect(isComboDown(key('Space', { ctrlKey: true, altKey: true }), combo)).toBe(true);
    expect(isComboDown(key('Space', { ctrlKey: true }), combo)).toBe(false);
    expect(isComboDown(key('Space', { ctrlKey: true, altKey: true, shiftKey: true }), combo)).toBe(false);
    expect(isComboDown(key('KeyA', { ctrlKey: true, altKey: true }), combo)).toBe(false);
    expect(isComboUp({ code: 'Space' }, combo)).toBe(true);
    expect(isComboUp({ code: 'ControlRight' }, combo)).toBe(true);
    expect(isComboUp({ code: 'AltLeft' }, combo)).toBe(true);
    expect(isComboUp({ code: 'ShiftLeft' }, combo)).toBe(false);
  });
});
