import { createRequire } from 'node:module';
import type { Logger } from '../logger/logger';
import { parseAccelerator } from './accelerator';
import { HoldMachine } from './hold-machine';
import type { GlobalHotkeys, HotkeyPhase, HotkeyRegistration } from './types';

/** The part of uiohook-napi's `uIOhook` used here, so tests can drive the adapter with plain events. */
export interface KeyHook {
  on(event: 'keydown' | 'keyup', listener: (event: { keycode: number }) => void): unknown;
  removeAllListeners(event?: string): unknown;
  start(): void;
  stop(): void;
}

/**
 * Why the hook cannot work here, checked before loading it: libuiohook on Linux talks to an X
 * server, and an X error there ends the whole process instead of throwing (seen under Xvfb), so a
 * session without a display is never handed to it.
 */
export function hookUnavailableReason(platform: string, env: Record<string, string | undefined>): string | null {
  if (platform !== 'linux') return null;
  if (!env.DISPLAY) {
    return env.WAYLAND_DISPLAY
      ? 'Wayland without XWayland: no system-wide key hook'
      : 'no X display for the system-wide key hook';
  }
  return null;
}

/** Loads the native hook only when asked: a missing or broken binary must not stop the app from starting. */
export function loadUiohook(): KeyHook {
  const require = createRequire(import.meta.url);
  return (require('uiohook-napi') as { uIOhook: KeyHook }).uIOhook;
}

/**
 * Hold-to-talk through a system-wide key hook (libuiohook): sees key-up as well as key-down,
 * which Electron's globalShortcut cannot. Starting the hook can fail (no X server, Wayland without
 * XWayland, macOS accessibility permission not granted); `register` then throws with the reason
 * so the caller can fall back.
 */
export function createUiohookHotkeys(options: {
  logger: Logger;
  load?: () => KeyHook;
  /** Defaults to this process's platform and environment. */
  unavailableReason?: () => string | null;
}): GlobalHotkeys {
  const { logger } = options;
  let hook: KeyHook | undefined;
  let machine: HoldMachine | undefined;
  let started = false;

  const stopHook = () => {
    if (!hook) return;
    hook.removeAllListeners('keydown');
    hook.removeAllListeners('keyup');
    if (started) {
      try {
        hook.stop();
      } catch (error) {
        logger.warn({ err: error }, 'the key hook did not stop cleanly');
      }
    }
    started = false;
  };

  return {
    register(accelerator: string, onEvent: (phase: HotkeyPhase) => void): HotkeyRegistration {
      const parsed = parseAccelerator(accelerator);
      stopHook();
      const reason = (options.unavailableReason ?? (() => hookUnavailableReason(process.platform, process.env)))();
      if (reason) throw new Error(reason);
      hook ??= (options.load ?? loadUiohook)();
      const current = new HoldMachine(parsed, onEvent);
      machine = current;
      hook.on('keydown', (event) => current.keyDown(event.keycode));
      hook.on('keyup', (event) => current.keyUp(event.keycode));
      hook.start();
      started = true;
      logger.info({ hotkey: parsed.label }, 'hold-to-talk key hook started');
      return { global: true, holdable: true, message: `Hold ${parsed.label} anywhere to talk.` };
    },
    unregister() {
      machine?.reset();
      machine = undefined;
      stopHook();
    },
    close() {
      this.unregister();
    },
  };
}
