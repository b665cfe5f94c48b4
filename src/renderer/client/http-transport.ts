import type { CadenceClient } from '../../shared/contract/client';
import { ContractError, contractErrorSchema } from '../../shared/contract/errors';
import type { EventMap, EventName } from '../../shared/contract/events';

type Listener = (payload: unknown) => void;

/**
 * Browser mode: POST /api/invoke/<channel> with the access token, and one WebSocket for push
 * events that reconnects with backoff while the host restarts.
 */
export function createHttpClient(baseUrl: string, token: string): CadenceClient {
  const listeners = new Map<string, Set<Listener>>();
  let socket: WebSocket | null = null;
  let retryMs = 500;

  const connect = () => {
    const wsUrl = new URL('/api/events', baseUrl);
    wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
    wsUrl.searchParams.set('token', token);
    socket = new WebSocket(wsUrl);
    socket.onopen = () => {
      retryMs = 500;
    };
    socket.onmessage = (message) => {
      const { event, payload } = JSON.parse(String(message.data)) as { event: string; payload: unknown };
      listeners.get(event)?.forEach((listener) => listener(payload));
    };
    socket.onclose = () => {
      socket = null;
      if (listeners.size > 0) setTimeout(connect, (retryMs = Math.min(retryMs * 2, 10_000)));
    };
  };

  return {
    async invoke(channel, input) {
      let response: Response;
      try {
        response = await fetch(new URL(`/api/invoke/${channel}`, baseUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        throw new ContractError('UNAVAILABLE', 'Cadence is not reachable; is the host still running?');
      }
      const body = (await response.json().catch(() => null)) as {
        ok: boolean;
        value?: unknown;
        error?: unknown;
      } | null;
      if (body?.ok) return body.value as never;
      const parsed = contractErrorSchema.safeParse(body?.error);
      if (parsed.success) throw ContractError.from(parsed.data);
      throw new ContractError('INTERNAL', `Unexpected answer from the host (HTTP ${response.status})`);
    },
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      if (!socket) connect();
      return () => {
        set.delete(listener as Listener);
        if (set.size === 0) listeners.delete(event);
      };
    },
  };
}
