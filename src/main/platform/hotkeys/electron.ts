import { globalShortcut } from 'electron';
import type { Logger } from '../logger/logger';
import { parseAccelerator } from './accelerator';
import type { GlobalHotkeys, HotkeyPhase, HotkeyRegistration } from './types';
import { createUiohookHotkeys, type KeyHook } from './uiohook';

/**
 * The desktop's hold-to-talk key: the uiohook key hook when it starts (hold and release), else
 * Electron's globalShortcut, which only sees the key going down, so each press toggles recording.
 * Both failing leaves the in-window key, and the reason is logged and returned for the Talk page.
 */
export function createDesktopHotkeys(options: { logger: Logger; load?: () => KeyHook }): GlobalHotkeys {
  const { logger } = options;
  const hook = createUiohookHotkeys(options);
  let shortcut: string | undefined;

  const releaseShortcut = () => {
    if (shortcut) globalShortcut.unregister(shortcut);
    shortcut = undefined;
  };

  return {
    register(accelerator: string, onEvent: (phase: HotkeyPhase) => void): HotkeyRegistration {
      hook.unregister();
      releaseShortcut();
      let label = accelerator;
      try {
        label = parseAccelerator(accelerator).label;
        return hook.register(accelerator, onEvent);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        logger.warn({ reason }, 'the hold-to-talk key hook could not start; falling back to press-to-toggle');
        try {
          if (globalShortcut.register(accelerator, () => onEvent('toggle'))) {
            shortcut = accelerator;
            return {
              global: true,
              holdable: false,
              message: `${label} toggles recording (press to start, press again or pause to stop): the key hook could not start (${reason}).`,
            };
          }
        } catch (shortcutError) {
          logger.warn({ err: shortcutError }, 'globalShortcut refused the hold-to-talk key');
        }
        return {
          global: false,
          holdable: false,
          message: `${label} works only while Cadence has focus: another app holds it or the key hook could not start (${reason}).`,
        };
      }
    },
    unregister() {
      hook.unregister();
      releaseShortcut();
    },
    close() {
      this.unregister();
      hook.close();
    },
  };
}
