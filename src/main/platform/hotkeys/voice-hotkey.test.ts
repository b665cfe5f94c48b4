import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { EventMap } from '../../../shared/contract';
import { EventBus } from '../../contract/event-bus';
import type { GlobalHotkeys, HotkeyPhase } from './types';
import { bindVoiceHotkey } from './voice-hotkey';

function fakeHotkeys() {
  const state = {
    accelerator: null as string | null,
    listener: null as ((phase: HotkeyPhase) => void) | null,
    registrations: 0,
    closed: false,
  };
  const hotkeys: GlobalHotkeys = {
    register(accelerator, onEvent) {
      state.accelerator = accelerator;
      state.listener = onEvent;
      state.registrations += 1;
      return { global: true, holdable: true, message: `Hold ${accelerator}` };
    },
    unregister() {
      state.accelerator = null;
      state.listener = null;
    },
    close() {
      state.closed = true;
    },
  };
  return { hotkeys, state };
}

describe('bindVoiceHotkey', () => {
  it('turns key phases into voice:hotkey events and follows the hotkey setting', async () => {
    const events = new EventBus();
    const seen: EventMap['voice:hotkey'][] = [];
    events.onAny((event, payload) => {
      if (event === 'voice:hotkey') seen.push(payload as EventMap['voice:hotkey']);
    });
    const { hotkeys, state } = fakeHotkeys();
    let setting = 'Control+Alt+Space';
    const told: Array<string | null> = [];
    const bound = await bindVoiceHotkey({
      hotkeys,
      events,
      logger: pino({ level: 'silent' }),
      readHotkey: async () => setting,
      onRegistration: (registration) => told.push(registration?.message ?? null),
    });

    expect(state.accelerator).toBe('Control+Alt+Space');
    state.listener!('down');
    state.listener!('up');
    expect(seen).toEqual([{ phase: 'down' }, { phase: 'up' }]);

    await bound.refresh(); // unchanged: not registered again
    expect(state.registrations).toBe(1);
    setting = 'F9';
    await bound.refresh();
    expect(state.accelerator).toBe('F9');
    expect(bound.registration()?.message).toBe('Hold F9');
    expect(told).toEqual(['Hold Control+Alt+Space', 'Hold F9']);

    bound.close();
    expect(state.closed).toBe(true);
  });

  it('keeps running without a key when the settings cannot be read', async () => {
    const { hotkeys, state } = fakeHotkeys();
    const bound = await bindVoiceHotkey({
      hotkeys,
      events: new EventBus(),
      logger: pino({ level: 'silent' }),
      readHotkey: () => Promise.reject(new Error('no voice domain')),
    });
    expect(state.accelerator).toBeNull();
    expect(bound.registration()).toBeNull();
  });
});
