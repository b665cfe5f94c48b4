import type { Logger } from '../../platform/logger/logger';
import { type BinarySearch, discoverServer, findOllamaBinary } from './ollama.discovery';
import { OllamaSupervisor, type SupervisorTimings } from './ollama.supervisor';

export type OllamaConnection =
  /** A server the user runs (the desktop app, a service, OLLAMA_HOST): we only connect. */
  | { kind: 'external'; url: string; version: string; source: 'env' | 'probe' }
  /** Ollama installed but not running: we run `ollama serve` ourselves. */
  | { kind: 'managed'; url: string; supervisor: OllamaSupervisor; binaryPath: string }
  | { kind: 'not_installed'; searched: string };

export interface LaunchOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Overrides for tests: where to probe, where to look for the binary, supervisor timings. */
  probeUrls?: string[];
  probeTimeoutMs?: number;
  binary?: BinarySearch & { check?: (file: string) => Promise<boolean> };
  timings?: Partial<SupervisorTimings>;
}

/**
 * Connects to a running Ollama if there is one, else starts the installed one under a
 * supervisor. The caller owns a managed supervisor and must stop() it on quit.
 */
export async function connectOrLaunchOllama(options: LaunchOptions): Promise<OllamaConnection> {
  const env = options.env ?? process.env;
  const found = await discoverServer({ env, urls: options.probeUrls, timeoutMs: options.probeTimeoutMs });
  if (found) {
    options.logger?.info({ url: found.url, version: found.version }, 'ollama found running');
    return { kind: 'external', ...found };
  }
  const binaryPath = await findOllamaBinary({ env, ...options.binary });
  if (!binaryPath) return { kind: 'not_installed', searched: 'PATH and the usual install folders' };
  const supervisor = new OllamaSupervisor({
    binaryPath,
    dataDir: options.dataDir,
    env,
    logger: options.logger,
    timings: options.timings,
  });
  await supervisor.start();
  return { kind: 'managed', url: supervisor.url ?? '', supervisor, binaryPath };
}
