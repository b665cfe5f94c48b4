import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PreloadBridge } from '../shared/contract/client';

// Same strings as INVOKE_CHANNEL / EVENT_CHANNEL in src/main/platform/ipc/electron.ts: a sandboxed
// preload is one bundled file and must not pull main-process code in.
const INVOKE_CHANNEL = 'cadence:invoke';
const EVENT_CHANNEL = 'cadence:event';

/**
 * window.cadence: typed invoke and on, nothing else. The renderer never sees ipcRenderer itself,
 * so it cannot send on other channels or listen to IPC it was not meant to.
 */
const bridge = {
  // Resolves with the Envelope; the renderer's IPC transport unwraps it into a value or a ContractError.
  invoke: (channel: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, channel, input),
  on: (event: string, listener: (payload: unknown) => void): (() => void) => {
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
} satisfies PreloadBridge;

contextBridge.exposeInMainWorld('cadence', bridge);
