import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOllamaPeer, type OllamaPeer } from '../../../../test/peers/ollama/peer';
import { writeOllamaStandIn } from '../../../../test/peers/ollama/stand-in';
import { binaryCandidates, DEFAULT_PROBE_URLS, discoverServer, findOllamaBinary, probeUrls } from './ollama.discovery';
import { parseOllamaHost } from './ollama.host';
import { deadUrl } from '../../../../test/peers/ollama/dead-url';

describe('parseOllamaHost (mirrors Ollama envconfig.Host, then made connectable)', () => {
  it.each([
    [undefined, 'http://127.0.0.1:11434'],
    ['', 'http://127.0.0.1:11434'],
    ['127.0.0.1:5000', 'http://127.0.0.1:5000'],
    ['localhost', 'http://localhost:11434'],
    [':5000', 'http://127.0.0.1:5000'],
    ['0.0.0.0', 'http://127.0.0.1:11434'],
    ['0.0.0.0:11435', 'http://127.0.0.1:11435'],
    ['http://0.0.0.0', 'http://127.0.0.1:80'],
    ['http://example.lan:8080', 'http://example.lan:8080'],
    ['https://ollama.example.com', 'https://ollama.example.com:443'],
    ['http://box:11434/some/path', 'http://box:11434'],
    ['"192.168.1.5:11434"', 'http://192.168.1.5:11434'],
    ['  box:99999 ', 'http://box:11434'],
    ['[::1]:5000', 'http://[::1]:5000'],
    ['::1', 'http://[::1]:11434'],
    ['[::]:7000', 'http://[::1]:7000'],
  ])('%j → %s', (value, url) => {
    expect(parseOllamaHost(value).url).toBe(url);
  });
});

describe('probeUrls', () => {
  it('uses only OLLAMA_HOST when it is set, else the usual local addresses', () => {
    expect(probeUrls({ OLLAMA_HOST: '0.0.0.0:9999' })).toEqual({ urls: ['http://127.0.0.1:9999'], source: 'env' });
    expect(probeUrls({})).toEqual({ urls: DEFAULT_PROBE_URLS, source: 'probe' });
    expect(DEFAULT_PROBE_URLS).toEqual(['http://127.0.0.1:11434', 'http://localhost:11434', 'http://[::1]:11434']);
  });
});

describe('discoverServer against the peer', () => {
  let peer: OllamaPeer;
  let impostor: Server;
  let impostorUrl: string;
  beforeAll(async () => {
    peer = await createOllamaPeer();
    impostor = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>'));
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    impostorUrl = `http://127.0.0.1:${(impostor.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await peer.close();
    await new Promise((resolve) => impostor.close(resolve));
  });

  it('finds it through OLLAMA_HOST given as host:port', async () => {
    const found = await discoverServer({ env: { OLLAMA_HOST: `127.0.0.1:${peer.port}` } });
    expect(found).toEqual({ url: peer.url, version: '0.12.6', source: 'env' });
  });

  it('finds it through the probe list, past dead and non-Ollama addresses', async () => {
    const urls = [await deadUrl(), impostorUrl, `http://[::1]:${peer.port}`, `http://localhost:${peer.port}`];
    const found = await discoverServer({ env: {}, urls, timeoutMs: 2_000 });
    expect(found).toEqual({ url: `http://localhost:${peer.port}`, version: '0.12.6', source: 'probe' });
  });

  it('returns null when nothing answers', async () => {
    expect(await discoverServer({ env: {}, urls: [await deadUrl(), impostorUrl] })).toBeNull();
  });
});

describe('binary discovery', () => {
  it('lists PATH entries first, then the install locations of each OS', () => {
    expect(binaryCandidates({ platform: 'linux', env: { PATH: '/opt/x:/usr/bin' }, home: '/home/u' })).toEqual([
      '/opt/x/ollama',
      '/usr/bin/ollama',
      '/usr/local/bin/ollama',
      '/snap/bin/ollama',
      '/home/u/.local/bin/ollama',
    ]);
    expect(binaryCandidates({ platform: 'darwin', env: { PATH: '' }, home: '/Users/u' })).toEqual([
      '/Applications/Ollama.app/Contents/Resources/ollama',
      '/Users/u/Applications/Ollama.app/Contents/Resources/ollama',
      '/opt/homebrew/bin/ollama',
      '/usr/local/bin/ollama',
    ]);
    const windowsEnv = {
      Path: 'C:\\Tools;"C:\\Program Files\\Git\\bin"',
      LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local',
      ProgramFiles: 'C:\\Program Files',
    };
    expect(binaryCandidates({ platform: 'win32', env: windowsEnv, home: 'C:\\Users\\u' })).toEqual([
      'C:\\Tools\\ollama.exe',
      'C:\\Program Files\\Git\\bin\\ollama.exe',
      'C:\\Users\\u\\AppData\\Local\\Programs\\Ollama\\ollama.exe',
      'C:\\Program Files\\Ollama\\ollama.exe',
    ]);
  });

  it('finds a real executable on PATH and reports none when there is none', async () => {
    const binary = writeOllamaStandIn();
    const empty = mkdtempSync(join(tmpdir(), 'cadence-empty-'));
    try {
      const env = { PATH: `${empty}:${dirname(binary)}` };
      expect(await findOllamaBinary({ platform: 'linux', env, home: empty })).toBe(binary);
      // Only the temp folder counts, so an Ollama installed on this machine does not interfere.
      const inTempOnly = async (file: string) => file.startsWith(empty) && existsSync(file);
      expect(await findOllamaBinary({ platform: 'linux', env: { PATH: empty }, check: inTempOnly })).toBeNull();
    } finally {
      rmSync(dirname(binary), { recursive: true, force: true });
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
