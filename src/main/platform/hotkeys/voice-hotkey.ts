import type { EventBus } from '../../contract/event-bus';
import type { Logger } from '../logger/logger';
import type { GlobalHotkeys, HotkeyRegistration } from './types';

export interface VoiceHotkeyOptions {
  hotkeys: GlobalHotkeys;
  events: EventBus;
  logger: Logger;
  /** The hotkey from voice settings; null when voice is not available. */
  readHotkey: () => Promise<string | null>;
  /** Told after every (re)registration, so voice:status can say whether the key works system-wide. */
  onRegistration?: (registration: HotkeyRegistration | null) => void;
}

export interface VoiceHotkey {
  /** The current registration, for status and the log. */
  registration(): HotkeyRegistration | null;
  /** Reads the settings again and registers the key if it changed. */
  refresh(): Promise<void>;
  close(): void;
}

/**
 * Connects the desktop's global key to the renderer: each down/up/toggle becomes a `voice:hotkey`
 * event, and the renderer starts or ends capture (the microphone lives there). Settings changes
 * arrive as `voice:changed`, after which the key is re-read and re-registered when it differs.
 */
export async function bindVoiceHotkey(options: VoiceHotkeyOptions): Promise<VoiceHotkey> {
  const { hotkeys, events, logger } = options;
  let accelerator: string | null = null;
  let registration: HotkeyRegistration | null = null;
  let closed = false;

  const refresh = async (): Promise<void> => {
    let next: string | null;
    try {
      next = await options.readHotkey();
    } catch (error) {
      logger.warn({ err: error }, 'could not read the hold-to-talk key from voice settings');
      return;
    }
    if (closed || next === accelerator) return;
    accelerator = next;
    hotkeys.unregister();
    registration = null;
    if (next === null) return;
    try {
      registration = hotkeys.register(next, (phase) => events.emit('voice:hotkey', { phase }));
      logger.info({ global: registration.global, holdable: registration.holdable }, registration.message);
    } catch (error) {
      logger.warn({ err: error }, 'the hold-to-talk key could not be registered');
    }
    options.onRegistration?.(registration);
  };

  const off = events.onAny((event) => {
    if (event === 'voice:changed') void refresh();
  });
  await refresh();
  return {
    registration: () => registration,
    refresh,
    close() {
      closed = true;
      off();
      hotkeys.close();
    },
  };
}
