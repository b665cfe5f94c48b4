import { EventEmitter } from 'node:events';
import type { EventMap, EventName } from '../../shared/contract';

export type AnyEventListener = <E extends EventName>(event: E, payload: EventMap[E]) => void;

/** Typed push events from services to every connected UI (IPC windows, WebSocket clients). */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    this.emitter.emit('event', event, payload);
  }

  /** Listens to every event; returns the unsubscribe function. */
  onAny(listener: AnyEventListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
