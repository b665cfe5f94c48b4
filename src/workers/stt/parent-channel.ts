import type { SttEvent } from '../../shared/workers/stt-protocol';

/** The link to main: a Node child process forked with an IPC channel (or Electron's utilityProcess). */
export interface ParentChannel {
  post(event: SttEvent): void;
  onMessage(listener: (message: unknown) => void): void;
}

interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/** When main goes away the worker exits too, so a crashed app never leaves a model loaded. */
export function connectToParent(): ParentChannel {
  const electronPort = (process as NodeJS.Process & { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      post: (event) => electronPort.postMessage(event),
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data)),
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('The speech-to-text worker must be started by main (no IPC channel)');
  process.on('disconnect', () => process.exit(0));
  return {
    post: (event) => {
      if (process.connected) send(event);
    },
    onMessage: (listener) => process.on('message', listener),
  };
}
