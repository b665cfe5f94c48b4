/** The link to the supervisor, whichever way this worker process was started. */
export interface ParentChannel<Event> {
  post(event: Event): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** Electron's utilityProcess gives the child `process.parentPort`; Node's typings do not know it. */
interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/**
 * Connects to the parent: Electron's utilityProcess (process.parentPort) or a Node child process
 * forked with an IPC channel (process.send). When the parent goes away the worker exits too, so
 * a crashed app never leaves a model loaded in an orphan process.
 */
export function connectToParent<Event>(workerName: string): ParentChannel<Event> {
  const electronPort = (process as NodeJS.Process & { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      post: (event) => electronPort.postMessage(event),
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data)),
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error(`${workerName} must be started by its supervisor (no IPC channel)`);
  process.on('disconnect', () => process.exit(0));
  return {
    post: (event) => {
      if (process.connected) send(event);
    },
    onMessage: (listener) => process.on('message', listener),
  };
}
