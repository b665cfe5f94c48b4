import type { EventMap, EventName } from './events';
import type { Channel, Input, Output } from './index';

/** The one interface the renderer talks to; transports: Electron IPC and HTTP/WebSocket. */
export interface CadenceClient {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

/** What the preload exposes on window.cadence: nothing but typed invoke and on. */
export interface PreloadBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
