import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ContractError, type Envelope } from '../../../shared/contract/errors';
import type { Dispatcher } from '../../contract/dispatcher';
import type { EventBus } from '../../contract/event-bus';
import type { Logger } from '../logger/logger';

/** The two IPC channel names; src/preload/index.ts spells the same strings (it cannot import main code). */
export const INVOKE_CHANNEL = 'cadence:invoke';
export const EVENT_CHANNEL = 'cadence:event';

export interface IpcOptions {
  dispatcher: Dispatcher;
  events: EventBus;
  /** True for the app's own renderer URL (see isAppUrl in window/web-security.ts). */
  isAppUrl(url: string): boolean;
  logger: Logger;
}

/**
 * Electron transport for the contract: one invoke channel into the Dispatcher (which validates
 * every input and never throws) and one event channel out. Returns a function that removes both.
 */
export function registerIpc(options: IpcOptions): () => void {
  const { dispatcher, events, logger } = options;

  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
    // A frame that is not the app (an iframe, a page reached by some navigation bug) must not
    // reach the core even though it shares the preload's IPC.
    const url = event.senderFrame?.url ?? '';
    if (!options.isAppUrl(url)) {
      logger.warn(
        { channel: String(channel).slice(0, 80), frame: url.slice(0, 12) },
        'refused IPC from a foreign frame',
      );
      return failure('FORBIDDEN', 'This page may not talk to Cadence');
    }
    if (typeof channel !== 'string') return failure('UNKNOWN_CHANNEL', 'The channel name must be a string');
    return dispatcher.invoke(channel, input);
  });

  const unsubscribe = events.onAny((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      // Events can carry the user's data: only pages that are the app receive them.
      if (window.isDestroyed() || contents.isDestroyed() || !options.isAppUrl(contents.getURL())) continue;
      contents.send(EVENT_CHANNEL, name, payload);
    }
  });

  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}

function failure(code: 'FORBIDDEN' | 'UNKNOWN_CHANNEL', message: string): Envelope<never> {
  return { ok: false, error: new ContractError(code, message).toJSON() };
}
