import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOllamaPeer, type OllamaPeer } from '../../../../test/peers/ollama/peer';
import { registryModel } from '../../../../test/peers/ollama/store';
import { LlmError } from '../provider';
import { OllamaClient } from './ollama.client';
import { pullModel } from './ollama.pull';
import type { PullProgress } from './ollama.pull-progress';
import { deadUrl } from '../../../../test/peers/ollama/dead-url';

const MB = 1024 * 1024;
let peer: OllamaPeer;
let client: OllamaClient;

beforeAll(async () => {
  peer = await createOllamaPeer({
    registry: [
      registryModel('stories260k', 1_185_376),
      registryModel('small:1b', 2 * MB),
      registryModel('big:7b', 6 * MB),
      registryModel('drop:1b', 2 * MB),
    ],
    // 8 MB/s with Ollama's 60 ms ticks: a 2 MB model takes about a quarter of a second.
    pull: { bytesPerSecond: 8 * MB, tickMs: 60 },
  });
  client = new OllamaClient({ url: peer.url });
});
afterAll(() => peer.close());

const weightsOf = (name: string) => registryModel(name, 0).layers[0]?.digest ?? '';

describe('pullModel through ollama-js against the peer', () => {
  it('streams byte progress with monotonic percent, speed and ETA, ending at 100 %', async () => {
    const events: PullProgress[] = [];
    const result = await pullModel(client, 'small:1b', { jobId: 'job-1', onProgress: (p) => events.push(p) });

    expect(result.outcome).toBe('success');
    expect(events[0]).toMatchObject({ jobId: 'job-1', phase: 'manifest', cancellable: true });
    const downloading = events.filter((e) => e.phase === 'downloading');
    expect(downloading.length).toBeGreaterThan(2);
    const percents = events.flatMap((e) => (e.percent === null ? [] : [e.percent]));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(downloading.some((e) => e.bytesPerSecond !== null && e.bytesPerSecond > 0)).toBe(true);
    expect(downloading.some((e) => e.etaMs !== null && e.etaMs > 0)).toBe(true);
    const last = events.at(-1);
    expect(last).toMatchObject({ phase: 'done', percent: 100, cancellable: false });
    expect(last?.done).toBe(last?.total);
    expect(peer.installed.has('small:1b')).toBe(true);
  });

  it('cancel closes the connection: the peer stops sending bytes; a new pull resumes', async () => {
    const controller = new AbortController();
    const digest = weightsOf('big:7b');
    const seen: PullProgress[] = [];
    const first = await pullModel(client, 'big:7b', {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.done > 1.5 * MB) controller.abort();
      },
    });
    expect(first.outcome).toBe('cancelled');
    expect(seen.at(-1)).toMatchObject({ phase: 'cancelled', cancellable: false });
    await expect.poll(() => peer.observed.abortedWaits).toBe(1);
    const held = peer.downloads.state(digest);
    expect(held).toMatchObject({ active: false });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(peer.downloads.state(digest)?.completed).toBe(held?.completed);

    const resumed: PullProgress[] = [];
    const second = await pullModel(client, 'big:7b', { onProgress: (p) => resumed.push(p) });
    expect(second.outcome).toBe('success');
    const firstBytes = resumed.find((p) => p.phase === 'downloading');
    expect(firstBytes?.done).toBeGreaterThanOrEqual(held?.completed ?? Infinity);
    expect(firstBytes?.percent).toBeGreaterThan(20);
  });

  it('rejects a model the registry does not have with not_found naming it', async () => {
    const error = await pullModel(client, 'no-such-model:13b').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: 'not_found' });
    expect((error as LlmError).message).toMatch(/"no-such-model:13b".*file does not exist/);
  });

  it('a connection cut mid-download is transient, and the bytes so far are kept', async () => {
    peer.faults.dropPullAfterBytes = 512 * 1024;
    const error = await pullModel(client, 'drop:1b').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'transient', message: expect.stringContaining('Ollama stopped mid-download') });
    expect(peer.observed.droppedConnections).toBe(1);
    expect(peer.downloads.state(weightsOf('drop:1b'))?.completed).toBeGreaterThanOrEqual(512 * 1024);
    await expect(pullModel(client, 'drop:1b')).resolves.toMatchObject({ outcome: 'success' });
  });

  it('reports provider_down when Ollama is not running', async () => {
    const down = new OllamaClient({ url: await deadUrl() });
    await expect(pullModel(down, 'small:1b')).rejects.toMatchObject({ kind: 'provider_down' });
  });
});
