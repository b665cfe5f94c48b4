import { randomBytes, randomUUID } from 'node:crypto';
import { it } from 'vitest';
import { record, recordMissing } from './bench-record';
import { median, percentile } from './support/stats';
import { fieldChange, seededRandom } from './support/sync-changes';
import { BenchHlc, type LiveSocket, openLive, push, sealChange, syncRoutesMissing } from './support/sync-protocol';
import { type BenchDevice, instanceMemory, startBenchSyncServer } from './support/sync-server';

/** Live connections held open: two devices each for half as many users. */
const CLIENTS = Number(process.env.BENCH_SYNC_CLIENTS ?? 1_000);
/** How long they stay connected; 600 s is the figure of record, 30 s is enough to try it out. */
const DURATION_S = Number(process.env.BENCH_SYNC_CLIENTS_DURATION_S ?? 600);
/** One user's device pushes this often during the hold; its other device must be notified. */
const PUSH_EVERY_MS = 1_000;
const NOTICE_TIMEOUT_MS = 10_000;
const CONNECT_WAVE = 50;
const MEMORY_SAMPLE_EVERY_MS = 5_000;

const FIGURES = [
  { bench: 'sync.clients.errors', unit: 'count', target: '0' },
  { bench: 'sync.clients.memory_per_connection_kb', unit: 'kB' },
  { bench: 'sync.clients.heap_per_connection_kb', unit: 'kB' },
  { bench: 'sync.clients.notice_p95_ms', unit: 'ms' },
];

async function memoryMedian(sample: () => Promise<{ rssBytes: number; heapUsedBytes: number }>, times: number) {
  const rss: number[] = [];
  const heap: number[] = [];
  for (let i = 0; i < times; i++) {
    const m = await sample();
    rss.push(m.rssBytes);
    heap.push(m.heapUsedBytes);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { rssBytes: median(rss), heapUsedBytes: median(heap) };
}

it(
  `sync clients: ${CLIENTS} live connections held for ${DURATION_S} s`,
  async () => {
    const server = await startBenchSyncServer({ instances: 1 });
    try {
      const [instance] = server.instances;
      const users = (await server.createUsers(Math.ceil(CLIENTS / 2), 2)) as Array<[BenchDevice, BenchDevice]>;
      const missing = await syncRoutesMissing(instance!.url, users[0]![0].token);
      if (missing) {
        for (const figure of FIGURES) recordMissing(figure, missing);
        return;
      }

      // Baseline after the routes have run once (code loaded, pool warm), with no client connected.
      const baseline = await memoryMedian(() => instanceMemory(instance!), 5);

      const errors = { connect: 0, closed: 0, push: 0, notice: 0 };
      let pings = 0;
      let holding = true;
      const sockets = new Map<string, LiveSocket>();
      const devices = users.flat().slice(0, CLIENTS);
      for (let i = 0; i < devices.length; i += CONNECT_WAVE) {
        await Promise.all(
          devices.slice(i, i + CONNECT_WAVE).map(async (device) => {
            try {
              const live = await openLive(instance!.url, device.token, (message) => {
                if (message.type === 'ping') pings += 1;
              });
              live.socket.on('close', () => {
                if (holding) errors.closed += 1;
              });
              sockets.set(device.deviceId, live);
            } catch {
              errors.connect += 1;
            }
          }),
        );
      }

      // The hold: steady fan-out traffic, memory sampled throughout.
      const key = randomBytes(32);
      const random = seededRandom(11);
      const clocks = new Map<string, BenchHlc>();
      const noticeMs: number[] = [];
      const rss: number[] = [];
      const heap: number[] = [];
      const inflight: Promise<void>[] = [];
      const ends = Date.now() + DURATION_S * 1000;
      let nextSample = Date.now() + MEMORY_SAMPLE_EVERY_MS;
      while (Date.now() < ends) {
        const [writer, reader] = users[Math.floor(random() * users.length)]!;
        const listening = sockets.get(reader.deviceId);
        if (listening) {
          const clock = clocks.get(writer.deviceId) ?? new BenchHlc(writer.deviceId);
          clocks.set(writer.deviceId, clock);
          inflight.push(
            (async () => {
              const started = performance.now();
              const notice = listening.nextChanged(NOTICE_TIMEOUT_MS);
              try {
                await push(instance!.url, writer.token, [
                  sealChange(key, clock.next(), fieldChange(random, [randomUUID()])),
                ]);
              } catch {
                errors.push += 1;
                notice.catch(() => undefined);
                return;
              }
              try {
                await notice;
                noticeMs.push(performance.now() - started);
              } catch {
                errors.notice += 1;
              }
            })(),
          );
        }
        if (Date.now() >= nextSample) {
          const m = await instanceMemory(instance!);
          rss.push(m.rssBytes);
          heap.push(m.heapUsedBytes);
          nextSample += MEMORY_SAMPLE_EVERY_MS;
        }
        await new Promise((r) => setTimeout(r, PUSH_EVERY_MS));
      }
      await Promise.all(inflight);
      const held = await memoryMedian(() => instanceMemory(instance!), 5);
      holding = false;
      for (const live of sockets.values()) live.close();

      const connected = sockets.size;
      let invalid = 0;
      for (const live of sockets.values()) invalid += live.invalidMessages;
      const total = errors.connect + errors.closed + errors.push + errors.notice + invalid;
      // Steady state: the median of the samples taken during the second half of the hold.
      const steady = (samples: number[], fallback: number) =>
        samples.length >= 2 ? median(samples.slice(Math.floor(samples.length / 2))) : fallback;
      const perConnection = (bytes: number, base: number) => (connected > 0 ? (bytes - base) / connected / 1000 : null);
      record({
        bench: 'sync.clients.errors',
        value: total,
        unit: 'count',
        target: '0',
        n: devices.length,
        note: `${errors.connect} failed connects, ${errors.closed} dropped sockets, ${errors.push} failed pushes, ${errors.notice} notices not received within ${NOTICE_TIMEOUT_MS / 1000} s, ${invalid} messages outside the contract; ${inflight.length} pushes over ${DURATION_S} s; ${pings} pings received`,
      });
      record({
        bench: 'sync.clients.memory_per_connection_kb',
        value: perConnection(steady(rss, held.rssBytes), baseline.rssBytes),
        unit: 'kB',
        n: connected,
        note: `server RSS (its /metrics) while ${connected} live sockets were open minus RSS before any, ÷ sockets; baseline ${(baseline.rssBytes / 1e6).toFixed(1)} MB, held ${(steady(rss, held.rssBytes) / 1e6).toFixed(1)} MB, ${DURATION_S} s`,
      });
      record({
        bench: 'sync.clients.heap_per_connection_kb',
        value: perConnection(steady(heap, held.heapUsedBytes), baseline.heapUsedBytes),
        unit: 'kB',
        n: connected,
        note: 'the same for the V8 heap in use (GC timing makes it noisier than RSS) (info)',
      });
      record({
        bench: 'sync.clients.notice_p95_ms',
        value: noticeMs.length > 0 ? percentile(noticeMs, 95) : null,
        unit: 'ms',
        n: noticeMs.length,
        note: `push by one device → live notice on its other device, with ${connected} sockets open (info)`,
      });
    } finally {
      await server.close();
    }
  },
  (DURATION_S + 300) * 1000,
);
