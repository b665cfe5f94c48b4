import type { CadenceClient, PreloadBridge } from '../../shared/contract/client';
import { ContractError, type Envelope } from '../../shared/contract/errors';
import type { EventMap, EventName } from '../../shared/contract/events';

/** Electron: the preload's window.cadence bridge; IPC returns envelopes, unwrapped here. */
export function createIpcClient(bridge: PreloadBridge): CadenceClient {
  return {
    async invoke(channel, input) {
      const envelope = (await bridge.invoke(channel, input)) as Envelope<never>;
      if (!envelope.ok) throw ContractError.from(envelope.error);
      return envelope.value;
    },
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
      return bridge.on(event, (payload) => listener(payload as EventMap[E]));
    },
  };
}
