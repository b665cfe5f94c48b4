/** What a global hold-to-talk key does: pressed, released, or (without a key-up hook) pressed once to flip. */
export type HotkeyPhase = 'down' | 'up' | 'toggle';

/** How the key was registered, for the Talk page's status line and the log. */
export interface HotkeyRegistration {
  /** A system-wide key works (outside the window). */
  global: boolean;
  /** Hold and release are both seen; false means press-to-toggle only. */
  holdable: boolean;
  /** Plain words: which key, and why it is limited when it is. */
  message: string;
}

/**
 * The desktop's global hotkey. One accelerator at a time: registering again replaces it.
 * Implementations: a uiohook key hook (hold/release), Electron's globalShortcut (toggle only),
 * and none for the headless host, where only the in-window key works.
 */
export interface GlobalHotkeys {
  register(accelerator: string, onEvent: (phase: HotkeyPhase) => void): HotkeyRegistration;
  unregister(): void;
  close(): void;
}
