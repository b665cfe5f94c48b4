import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import { Ollama } from 'ollama';
import { fetchWithTimeout } from './ollama.fetch';
import { DEFAULT_OLLAMA_PORT, parseOllamaHost } from './ollama.host';

export interface DiscoveredServer {
  url: string;
  version: string;
  /** 'env': the user's OLLAMA_HOST; 'probe': one of the usual local addresses. */
  source: 'env' | 'probe';
}

/** The usual addresses of a local Ollama, in order of preference. */
export const DEFAULT_PROBE_URLS = [
  `http://127.0.0.1:${DEFAULT_OLLAMA_PORT}`,
  `http://localhost:${DEFAULT_OLLAMA_PORT}`,
  `http://[::1]:${DEFAULT_OLLAMA_PORT}`,
];

/** Which URLs to try: only the configured one when OLLAMA_HOST is set, else the usual ones. */
export function probeUrls(env: NodeJS.ProcessEnv): { urls: string[]; source: DiscoveredServer['source'] } {
  const configured = env.OLLAMA_HOST?.trim();
  return configured
    ? { urls: [parseOllamaHost(configured).url], source: 'env' }
    : { urls: DEFAULT_PROBE_URLS, source: 'probe' };
}

/** The server's version if an Ollama answers at `url` within the timeout, else null. */
export async function probeServer(url: string, timeoutMs = 800): Promise<string | null> {
  try {
    const { version } = await new Ollama({ host: url, fetch: fetchWithTimeout(timeoutMs) }).version();
    // Anything else on the port (a dev server, a proxy) will not answer with a version string.
    return typeof version === 'string' && version !== '' ? version : null;
  } catch {
    return null;
  }
}

/**
 * Finds a running Ollama. All candidates are probed at once and the first to answer wins, so
 * a dead address costs one short timeout, not one per candidate.
 */
export async function discoverServer(
  options: { env?: NodeJS.ProcessEnv; urls?: string[]; timeoutMs?: number } = {},
): Promise<DiscoveredServer | null> {
  const planned = probeUrls(options.env ?? process.env);
  const urls = options.urls ?? planned.urls;
  const probes = urls.map(async (url) => {
    const version = await probeServer(url, options.timeoutMs);
    if (version === null) throw new Error(`no Ollama at ${url}`);
    return { url, version, source: planned.source };
  });
  try {
    return await Promise.any(probes);
  } catch {
    return null;
  }
}

export interface BinarySearch {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

/**
 * Every place an `ollama` executable may be: PATH first, then each OS's install locations
 * (an app started from the macOS Finder gets a bare PATH without Homebrew's folders).
 */
export function binaryCandidates({
  platform = process.platform,
  env = process.env,
  home,
}: BinarySearch = {}): string[] {
  const windows = platform === 'win32';
  const path = windows ? win32 : posix;
  const names = windows ? ['ollama.exe'] : ['ollama'];
  const dirs = (env.PATH ?? env.Path ?? '').split(windows ? ';' : ':').filter((dir) => dir.trim() !== '');
  const fromPath = dirs.flatMap((dir) => names.map((name) => path.join(dir.replace(/^"|"$/g, ''), name)));
  const userHome = home ?? homedir();
  const installed: Partial<Record<NodeJS.Platform, string[]>> = {
    darwin: [
      '/Applications/Ollama.app/Contents/Resources/ollama',
      path.join(userHome, 'Applications/Ollama.app/Contents/Resources/ollama'),
      '/opt/homebrew/bin/ollama',
      '/usr/local/bin/ollama',
    ],
    linux: ['/usr/local/bin/ollama', '/usr/bin/ollama', '/snap/bin/ollama', path.join(userHome, '.local/bin/ollama')],
    win32: [
      ...(env.LOCALAPPDATA ? [win32.join(env.LOCALAPPDATA, 'Programs', 'Ollama', 'ollama.exe')] : []),
      ...(env.ProgramFiles ? [win32.join(env.ProgramFiles, 'Ollama', 'ollama.exe')] : []),
    ],
  };
  return [...new Set([...fromPath, ...(installed[platform] ?? installed.linux ?? [])])];
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first `ollama` executable found, or null when Ollama is not installed. */
export async function findOllamaBinary(
  search: BinarySearch & { check?: (file: string) => Promise<boolean> } = {},
): Promise<string | null> {
  const check = search.check ?? isExecutable;
  for (const file of binaryCandidates(search)) if (await check(file)) return file;
  return null;
}
