import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOllamaPeer, type OllamaPeer } from '../../../../test/peers/ollama/peer';
import { createLogger } from '../../platform/logger/logger';
import { discoverServer } from './ollama.discovery';
import { OllamaLink } from './ollama.link';

let peer: OllamaPeer | undefined;
const folders: string[] = [];
afterEach(async () => {
  await peer?.close();
  peer = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('OllamaLink', () => {
  it('finds an Ollama that started after Cadence on a later call, not only at startup', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cadence-link-'));
    folders.push(dataDir);
    const port = await freePort();
    let now = 0;
    let searches = 0;
    const link = new OllamaLink({
      dataDir,
      logger: createLogger({ file: join(dataDir, 'log.jsonl'), level: 'error' }),
      now: () => now,
      retryAfterMs: 15_000,
      // Only this port, and no binary to start: the machine's own Ollama must not interfere.
      search: async () => {
        searches += 1;
        const found = await discoverServer({ env: { OLLAMA_HOST: `127.0.0.1:${port}` } });
        return found ? { kind: 'external', ...found } : { kind: 'not_installed', searched: 'test' };
      },
    });

    await expect(link.listModels()).rejects.toThrow(/not installed/);
    expect(link.state()).toEqual({ status: 'not_installed' });

    peer = await createOllamaPeer({ port });
    now = 5_000;
    await expect(link.listModels()).rejects.toThrow(/not installed/);
    expect(searches).toBe(1);

    now = 16_000;
    const models = await link.listModels();
    expect(models.map((m) => m.id)).toContain('stories260k:latest');
    expect(link.state()).toMatchObject({ status: 'connected', kind: 'external' });
    expect(searches).toBe(2);
  });
});
