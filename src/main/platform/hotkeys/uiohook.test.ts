import { EventEmitter } from 'node:events';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { HotkeyPhase } from './types';
import { createUiohookHotkeys, hookUnavailableReason, type KeyHook } from './uiohook';

/** Stands in for uIOhook: the same events, without a display server. */
class FakeHook extends EventEmitter implements KeyHook {
  running = false;
  failStart: string | null = null;
  start(): void {
    if (this.failStart) throw new Error(this.failStart);
    this.running = true;
  }
  stop(): void {
    this.running = false;
  }
  press(keycode: number) {
    this.emit('keydown', { keycode });
  }
  release(keycode: number) {
    this.emit('keyup', { keycode });
  }
}

const logger = pino({ level: 'silent' });

describe('createUiohookHotkeys', () => {
  it('turns hook events into down/up and replaces the key on a new registration', () => {
    const fake = new FakeHook();
    const hotkeys = createUiohookHotkeys({ logger, load: () => fake, unavailableReason: () => null });
    const phases: HotkeyPhase[] = [];
    const registration = hotkeys.register('Control+Alt+Space', (phase) => phases.push(phase));
    expect(registration).toMatchObject({ global: true, holdable: true });
    expect(registration.message).toContain('Control+Alt+Space');
    fake.press(29);
    fake.press(56);
    fake.press(57);
    fake.release(57);
    expect(phases).toEqual(['down', 'up']);

    hotkeys.register('F9', (phase) => phases.push(phase));
    expect(fake.listenerCount('keydown')).toBe(1);
    fake.release(29);
    fake.release(56);
    fake.press(67);
    expect(phases).toEqual(['down', 'up', 'down']);
    hotkeys.close();
    expect(phases).toEqual(['down', 'up', 'down', 'up']);
    expect(fake.running).toBe(false);
    expect(fake.listenerCount('keydown')).toBe(0);
  });

  it('throws the reason when the hook cannot start, so the caller can fall back', () => {
    const fake = new FakeHook();
    fake.failStart = 'cannot open display';
    const hotkeys = createUiohookHotkeys({ logger, load: () => fake, unavailableReason: () => null });
    expect(() => hotkeys.register('Control+Alt+Space', () => undefined)).toThrow('cannot open display');
    expect(() => hotkeys.register('Control+Alt', () => undefined)).toThrow('only modifier keys');
  });
});

describe('hookUnavailableReason', () => {
  it('keeps the hook away from Linux sessions without an X display', () => {
    expect(hookUnavailableReason('linux', { DISPLAY: ':0' })).toBeNull();
    expect(hookUnavailableReason('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toContain('Wayland');
    expect(hookUnavailableReason('linux', {})).toContain('no X display');
    expect(hookUnavailableReason('darwin', {})).toBeNull();
    expect(hookUnavailableReason('win32', {})).toBeNull();
  });

  it('refuses to register without loading the native hook', () => {
    let loaded = false;
    const hotkeys = createUiohookHotkeys({
      logger,
      load: () => {
        loaded = true;
        return new FakeHook();
      },
      unavailableReason: () => 'no X display for the system-wide key hook',
    });
    expect(() => hotkeys.register('F9', () => undefined)).toThrow('no X display');
    expect(loaded).toBe(false);
  });
});
