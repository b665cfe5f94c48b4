import { describe, expect, it } from 'vitest';
import { keycodeOf, parseAccelerator } from './accelerator';

describe('parseAccelerator', () => {
  it.each([
    ['Control+Alt+Space', ['ctrl', 'alt'], 57, 'Control+Alt+Space'],
    ['CommandOrControl+Shift+K', ['ctrl', 'shift'], 37, 'Control+Shift+K'],
    ['ctrl+alt+t', ['ctrl', 'alt'], 20, 'Control+Alt+T'],
    ['Super+F9', ['meta'], 67, 'Meta+F9'],
    ['F13', [], 91, 'F13'],
    ['Alt+1', ['alt'], 2, 'Alt+1'],
    ['Control+0', ['ctrl'], 11, 'Control+0'],
    ['Option+Enter', ['alt'], 28, 'Alt+Enter'],
    ['Shift+F24', ['shift'], 107, 'Shift+F24'],
  ])('%s → modifiers %j, key %i', (accelerator, modifiers, keycode, label) => {
    const parsed = parseAccelerator(accelerator);
    expect([...parsed.modifiers].sort()).toEqual([...modifiers].sort());
    expect(parsed.keycode).toBe(keycode);
    expect(parsed.label).toBe(label);
  });

  it.each([
    ['', 'Choose a key'],
    ['Control+Alt', 'only modifier keys'],
    ['Control+A+B', 'more than one key'],
    ['Control+Banana', '"Banana" is not a key'],
  ])('refuses %j with a plain message', (accelerator, message) => {
    expect(() => parseAccelerator(accelerator)).toThrow(message);
  });

  it('knows letters, digits, function keys and named keys, and nothing else', () => {
    expect(keycodeOf('A')).toBe(30);
    expect(keycodeOf('9')).toBe(10);
    expect(keycodeOf('F1')).toBe(59);
    expect(keycodeOf('F12')).toBe(88);
    expect(keycodeOf('F25')).toBeNull();
    expect(keycodeOf('Num5')).toBe(76);
    expect(keycodeOf('Escape')).toBe(1);
    expect(keycodeOf('Plus')).toBeNull();
  });
});
