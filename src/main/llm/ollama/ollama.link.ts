import type { Logger } from '../../platform/logger/logger';
import {
  LlmError,
  type EmbedRequest,
  type EmbedResult,
  type GenerateRequest,
  type GenerateResult,
  type LlmProvider,
  type ModelInfo,
  type ProviderHealth,
} from '../provider';
import { connectOrLaunchOllama, type OllamaConnection } from './ollama.launcher';
import { OllamaProvider } from './ollama.provider';

export type OllamaLinkState =
  | { status: 'connecting' }
  | { status: 'connected'; kind: 'external' | 'managed'; url: string }
  | { status: 'not_installed' }
  | { status: 'failed'; detail: string };

export interface OllamaLinkOptions {
  dataDir: string;
  logger: Logger;
  /** A fixed server (tests, a GPU box); otherwise OLLAMA_HOST, the usual ports, then the installed binary. */
  url?: string;
  keepAlive?: string;
  /** After a failed or empty search, how long before the next call looks again (default 15 s). */
  retryAfterMs?: number;
  /** Milliseconds since some fixed point; tests move it by hand. */
  now?: () => number;
  /** How to find or start the server; tests give a search of their own. */
  search?: (options: { dataDir: string; logger: Logger }) => Promise<OllamaConnection>;
}

type Connected = { provider: OllamaProvider | null; connection: OllamaConnection | null };

/**
 * Ollama as the router sees it from the first moment: finding (or starting) the server can take
 * seconds, so it happens in the background and calls wait for it. When Ollama is not installed,
 * calls fail with provider_down and the router moves on to the embedded engine. A search that
 * found nothing is repeated by a later call (at most every `retryAfterMs`), so an Ollama started
 * after Cadence, or one that was slow to answer at startup, is picked up without a restart.
 */
export class OllamaLink implements LlmProvider {
  readonly id = 'ollama' as const;
  readonly location = 'local' as const;
  private current: OllamaLinkState = { status: 'connecting' };
  private ready: Promise<Connected>;
  private attemptedAt: number;

  constructor(private readonly options: OllamaLinkOptions) {
    this.attemptedAt = this.now();
    this.ready = this.connect();
  }

  private now(): number {
    return this.options.now?.() ?? performance.now();
  }

  /** The connection, searching again when the last search found nothing and is old enough. */
  private async connected(): Promise<Connected> {
    const result = await this.ready;
    if (result.provider) return result;
    if (this.now() - this.attemptedAt < (this.options.retryAfterMs ?? 15_000)) return result;
    this.attemptedAt = this.now();
    this.current = { status: 'connecting' };
    this.ready = this.connect();
    return this.ready;
  }

  state(): OllamaLinkState {
    return this.current;
  }

  /** The connected provider (its client pulls, lists and deletes models), or a clear error. */
  async provider(): Promise<OllamaProvider> {
    const { provider } = await this.connected();
    if (provider) return provider;
    throw new LlmError(
      'provider_down',
      this.current.status === 'not_installed'
        ? 'Ollama is not installed: install it from ollama.com, or use the embedded engine meanwhile'
        : `Ollama could not be reached: ${this.current.status === 'failed' ? this.current.detail : 'still connecting'}`,
      { provider: 'ollama' },
    );
  }

  async listModels(): Promise<ModelInfo[]> {
    return (await this.provider()).listModels();
  }

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    return (await this.provider()).generate(request);
  }

  async embed(request: EmbedRequest): Promise<EmbedResult> {
    return (await this.provider()).embed(request);
  }

  async countTokens(model: string, text: string): Promise<number> {
    return (await this.provider()).countTokens(model, text);
  }

  async health(): Promise<ProviderHealth> {
    try {
      return await (await this.provider()).health();
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Stops a server we started; a server the user runs is left alone. */
  async close(): Promise<void> {
    const { connection } = await this.ready;
    if (connection?.kind === 'managed') await connection.supervisor.stop();
  }

  private async connect(): Promise<Connected> {
    const { url, dataDir, logger, keepAlive = '10m' } = this.options;
    try {
      const connection: OllamaConnection = url
        ? { kind: 'external', url, version: 'unknown', source: 'env' }
        : await (this.options.search ?? connectOrLaunchOllama)({ dataDir, logger });
      if (connection.kind === 'not_installed') {
        this.current = { status: 'not_installed' };
        logger.info('ollama is not installed; the embedded engine serves local generations');
        return { provider: null, connection };
      }
      this.current = { status: 'connected', kind: connection.kind, url: connection.url };
      return { provider: new OllamaProvider({ client: connection.url, keepAlive }), connection };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.current = { status: 'failed', detail };
      logger.warn({ detail }, 'ollama could not be started');
      return { provider: null, connection: null };
    }
  }
}
