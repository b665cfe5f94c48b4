import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { type LiveMessage, liveMessageSchema } from '../../shared/sync-api/sync';
import { ServerMetrics } from '../observability/metrics';
import { CLOSE_DEVICE_REVOKED, LiveHub, type LiveHubOptions } from './live-hub';

/** The hub with real sockets on 127.0.0.1 (ws server and clients), ticking by hand instead of by timer. */
describe('LiveHub', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  async function setUp(options: LiveHubOptions = {}) {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(wss, 'listening');
    const metrics = new ServerMetrics();
    const hub = new LiveHub(metrics, { pingIntervalMs: 60_000, ...options });
    const serverSide = new Map<string, WebSocket>();
    wss.on('connection', (socket, request) => {
      const params = new URL(request.url ?? '/', 'http://localhost').searchParams;
      const device = params.get('device') ?? '';
      serverSide.set(device, socket);
      hub.add(params.get('user') ?? '', device, socket);
    });
    const address = wss.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    cleanups.push(() => wss.close());
    const connect = async (user: string, device: string, options: WebSocket.ClientOptions = {}) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/?user=${user}&device=${device}`, options);
      const messages: LiveMessage[] = [];
      socket.on('message', (data: Buffer) => messages.push(liveMessageSchema.parse(JSON.parse(data.toString()))));
      await once(socket, 'open');
      cleanups.push(() => socket.terminate());
      return { socket, messages };
    };
    const gauge = async () => (await metrics.liveConnections.get()).values[0]?.value ?? 0;
    const settle = async (check: () => boolean | Promise<boolean>) => {
      while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    return { hub, serverSide, connect, gauge, settle };
  }

  it("sends a push to the user's other devices only", async () => {
    const { hub, connect, settle } = await setUp();
    const a = await connect('u1', 'a');
    const b = await connect('u1', 'b');
    const c = await connect('u2', 'c');
    await settle(() => hub.size === 3);
    hub.deliver({ u: 'u1', d: 'a', c: '42' });
    hub.deliver({ u: 'u2', d: 'x', c: '7' });
    await settle(() => b.messages.length >= 1 && c.messages.length >= 1);
    expect(b.messages).toEqual([{ type: 'changed', cursor: '42' }]);
    expect(c.messages).toEqual([{ type: 'changed', cursor: '7' }]);
    // The nudge after a listener outage goes to every device, the pusher included.
    hub.nudge(new Map([['u1', '43']]));
    await settle(() => a.messages.length >= 1 && b.messages.length >= 2);
    expect(a.messages).toEqual([{ type: 'changed', cursor: '43' }]);
  });

  it('pings every socket and drops a peer that stopped answering', async () => {
    const { hub, serverSide, connect, gauge, settle } = await setUp();
    const answering = await connect('u1', 'a');
    // autoPong off: like a laptop that went to sleep with the connection still "open".
    const silent = await connect('u1', 'b', { autoPong: false });
    await settle(() => hub.size === 2);
    expect(await gauge()).toBe(2);

    const ponged = once(serverSide.get('a')!, 'pong');
    hub.tick();
    await ponged;
    await settle(() => answering.messages.length === 1 && silent.messages.length === 1);
    expect(silent.messages).toEqual([{ type: 'ping' }]);

    const closed = once(silent.socket, 'close');
    hub.tick();
    await closed;
    await settle(() => hub.size === 1);
    expect(await gauge()).toBe(1);
    await settle(() => answering.messages.length === 2);
    expect(answering.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('closes the sockets of devices that are no longer active', async () => {
    const active = new Set(['a', 'b']);
    const asked: string[][] = [];
    const { hub, connect, settle } = await setUp({
      activeDevices: async (ids) => {
        asked.push([...ids].sort());
        return new Set(ids.filter((id) => active.has(id)));
      },
    });
    const a = await connect('u1', 'a');
    const b = await connect('u1', 'b');
    await settle(() => hub.size === 2);
    await hub.sweep();
    expect(asked).toEqual([['a', 'b']]);
    expect(hub.size).toBe(2);

    active.delete('b');
    const closed = once(b.socket, 'close');
    await hub.sweep();
    const [code, reason] = (await closed) as [number, Buffer];
    expect(code).toBe(CLOSE_DEVICE_REVOKED);
    expect(reason.toString()).toBe('device_revoked');
    await settle(() => hub.size === 1);
    expect(a.socket.readyState).toBe(WebSocket.OPEN);
  });
});
