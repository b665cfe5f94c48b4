import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ContractError } from '../../../shared/contract/errors';
import type {
  CloudProviderInfo,
  EngineStatus,
  LocalModel,
  ModelRecommendation,
} from '../../../shared/contract/llm-admin';
import type { EventBus } from '../../contract/event-bus';
import type { Logger } from '../../platform/logger/logger';
import type { ChosenModelFile } from '../embedded/chosen-model-file';
import type { EmbeddedSetup } from '../embedded/create-embedded-provider';
import { BUNDLED_CATALOG, loadModelCatalog, type ModelCatalog } from '../hardware/catalog';
import { memoryBudget, type MemoryBudget } from '../hardware/fit';
import { type HardwareInfo, probeHardware } from '../hardware/hardware';
import { recommendModels } from '../hardware/recommend';
import type { OllamaLink } from '../ollama/ollama.link';
import { pullModel } from '../ollama/ollama.pull';
import { LlmError, type ProviderId } from '../provider';
import type { CloudProviderId } from '../providers/provider-catalog';
import type { ProviderRegistry } from '../providers/provider-registry';
import { downloadModel } from '../models/model-downloader';
import { ModelDownloadError } from '../models/download-error';
import { toContractError } from '../router/contract-error';
import { rateLocalModel } from './local-models';

export interface LlmAdminDeps {
  /** Embedded-engine model files go to <dataDir>/models; an edited model-catalog.json may sit here. */
  dataDir: string;
  chosenModelFile: ChosenModelFile;
  ollama: OllamaLink | null;
  embedded: EmbeddedSetup | null;
  registry: ProviderRegistry;
  events: EventBus;
  logger: Logger;
  catalog?: ModelCatalog;
  /** Hardware is probed once a minute at most (systeminformation can take a second). */
  probe?: () => Promise<HardwareInfo>;
}

const HARDWARE_TTL_MS = 60_000;
/** An edited copy of resources/model-catalog.json in the data folder replaces the bundled one. */
export const USER_CATALOG_FILE = 'model-catalog.json';

/** The LLM dashboard's backend: engines, installed models, pulls, recommendations, cloud keys. */
export class LlmAdminService {
  private readonly pulls = new Map<string, AbortController>();
  private hardware: { info: Promise<HardwareInfo>; at: number } | null = null;

  constructor(private readonly deps: LlmAdminDeps) {}

  async engineStatus(): Promise<EngineStatus> {
    const { ollama, embedded } = this.deps;
    const hw = await this.probe();
    const link = ollama?.state() ?? null;
    const embeddedHealth = embedded ? await embedded.provider.health() : null;
    return {
      ollama: {
        status: link ? link.status : 'off',
        kind: link?.status === 'connected' ? link.kind : null,
        url: link?.status === 'connected' ? link.url : null,
        detail: link ? ((await ollama?.health())?.detail ?? '') : 'Ollama is turned off for this session',
      },
      embedded: {
        available: embedded !== null,
        state: embedded?.supervisor.state ?? 'off',
        detail: embeddedHealth?.detail ?? 'The embedded engine is not part of this build',
      },
      hardware: {
        cpu: hw.cpu.model,
        cores: hw.cpu.cores,
        ramTotalBytes: hw.memory.totalBytes,
        ramFreeBytes: hw.memory.freeBytes,
        gpus: hw.gpus.map((gpu) => ({ name: gpu.model ?? gpu.vendor ?? 'GPU', vramBytes: gpu.vramBytes })),
      },
    };
  }

  async listLocalModels(): Promise<LocalModel[]> {
    const budget = await this.budget();
    const [ollamaModels, embeddedModels] = await Promise.all([
      this.deps.ollama ? this.deps.ollama.listModels().catch(() => []) : [],
      this.deps.embedded ? this.deps.embedded.provider.listModels().catch(() => []) : [],
    ]);
    return [...ollamaModels, ...embeddedModels].map((model) => rateLocalModel(model, budget));
  }

  /**
   * The catalog is resources/model-catalog.json unless the user keeps an edited copy as
   * <dataDir>/model-catalog.json; a broken copy is reported, never silently ignored.
   */
  async recommendations(): Promise<ModelRecommendation[]> {
    const installed = this.deps.ollama ? (await this.deps.ollama.listModels().catch(() => [])).map((m) => m.id) : [];
    const picks = recommendModels(await this.catalog(), await this.budget(), { installed });
    return Object.values(picks).map((rec) => ({
      task: rec.task,
      model: rec.pick?.model.tag ?? null,
      fit: rec.pick?.fit.rating ?? null,
      installed: rec.pick?.installed ?? false,
      reason: rec.reason,
    }));
  }

  /** Pulls into Ollama, streaming job:progress; a cancel resolves 'cancelled' (a re-pull resumes). */
  async pull(model: string, jobId: string): Promise<{ jobId: string; outcome: 'success' | 'cancelled' }> {
    if (this.pulls.has(jobId)) throw new ContractError('CONFLICT', 'A job with this id is already running');
    const controller = new AbortController();
    this.pulls.set(jobId, controller);
    try {
      const provider = await this.ollamaProvider();
      const result = await pullModel(provider.client, model, {
        jobId,
        signal: controller.signal,
        onProgress: (progress) => this.deps.events.emit('job:progress', progress),
      });
      this.deps.logger.info({ model, outcome: result.outcome }, 'model pull finished');
      return { jobId, outcome: result.outcome };
    } catch (error) {
      this.deps.events.emit('job:progress', { jobId, phase: 'failed', done: 0, total: null, cancellable: false });
      throw asContractError(error, model);
    } finally {
      this.pulls.delete(jobId);
    }
  }

  /** Downloads a GGUF for the embedded engine into <dataDir>/models (resumable, checksum-verified). */
  async downloadEmbeddedModel(request: {
    url: string;
    fileName: string;
    sha256: string | null;
    jobId: string;
  }): Promise<
    | { outcome: 'success'; fileName: string; sizeBytes: number; sha256: string; resumedFromBytes: number }
    | { outcome: 'cancelled'; fileName: string }
  > {
    if (this.pulls.has(request.jobId)) throw new ContractError('CONFLICT', 'A job with this id is already running');
    const controller = new AbortController();
    this.pulls.set(request.jobId, controller);
    try {
      const result = await downloadModel({
        ...request,
        modelsDir: join(this.deps.dataDir, 'models'),
        signal: controller.signal,
        onProgress: ({ etaSeconds, ...progress }) =>
          this.deps.events.emit('job:progress', { ...progress, etaMs: etaSeconds === null ? null : etaSeconds * 1000 }),
      });
      this.deps.logger.info({ fileName: request.fileName, bytes: result.sizeBytes }, 'embedded model downloaded');
      return {
        outcome: 'success',
        fileName: request.fileName,
        sizeBytes: result.sizeBytes,
        sha256: result.sha256,
        resumedFromBytes: result.resumedFrom,
      };
    } catch (error) {
      if (error instanceof ModelDownloadError && error.code === 'cancelled') {
        return { outcome: 'cancelled', fileName: request.fileName };
      }
      this.deps.events.emit('job:progress', {
        jobId: request.jobId,
        phase: 'failed',
        done: 0,
        total: null,
        cancellable: false,
      });
      throw downloadFailure(error);
    } finally {
      this.pulls.delete(request.jobId);
    }
  }

  chosenModelFile(): string | null {
    return this.deps.chosenModelFile.path;
  }

  chooseModelFile(path: string | null): string | null {
    return this.deps.chosenModelFile.choose(path);
  }

  cancelJob(jobId: string): boolean {
    const controller = this.pulls.get(jobId);
    controller?.abort();
    return controller !== undefined;
  }

  async deleteModel(model: string): Promise<string> {
    const provider = await this.ollamaProvider();
    await provider.client.delete(model).catch((error: unknown) => {
      throw asContractError(error, model);
    });
    return model;
  }

  async cloudProviders(): Promise<CloudProviderInfo[]> {
    return Promise.all(
      this.deps.registry.list().map(async (entry) => ({
        id: entry.id,
        displayName: entry.displayName,
        hasKey: await this.deps.registry.hasApiKey(entry.id),
        keyPage: entry.keyPage,
      })),
    );
  }

  /** A refused key is a field error on apiKey, so the UI shows it under the input. */
  async saveApiKey(provider: CloudProviderId, apiKey: string): Promise<void> {
    try {
      await this.deps.registry.saveApiKey(provider, apiKey);
    } catch (error) {
      if (error instanceof LlmError && error.kind === 'auth') {
        throw new ContractError('VALIDATION_FAILED', error.message, {
          issues: [{ path: ['apiKey'], message: error.message }],
        });
      }
      throw toContractError(error);
    }
  }

  removeApiKey(provider: CloudProviderId): Promise<boolean> {
    return this.deps.registry.removeApiKey(provider);
  }

  async health(): Promise<{ id: ProviderId; ok: boolean; detail: string }[]> {
    const checks: Promise<{ id: ProviderId; ok: boolean; detail: string }>[] = [];
    if (this.deps.ollama) checks.push(this.deps.ollama.health().then((h) => ({ id: 'ollama', ...h })));
    if (this.deps.embedded) checks.push(this.deps.embedded.provider.health().then((h) => ({ id: 'embedded', ...h })));
    for (const entry of this.deps.registry.list()) {
      checks.push(
        this.deps.registry
          .provider(entry.id)
          .then(async (provider) =>
            provider
              ? { id: entry.id, ...(await provider.health()) }
              : { id: entry.id, ok: false, detail: `No ${entry.displayName} key saved` },
          ),
      );
    }
    return Promise.all(checks);
  }

  private async ollamaProvider() {
    if (!this.deps.ollama) throw new ContractError('UNAVAILABLE', 'Ollama is turned off for this session');
    try {
      return await this.deps.ollama.provider();
    } catch (error) {
      throw toContractError(error);
    }
  }

  private async catalog(): Promise<ModelCatalog> {
    if (this.deps.catalog) return this.deps.catalog;
    const userCatalog = join(this.deps.dataDir, USER_CATALOG_FILE);
    if (!existsSync(userCatalog)) return BUNDLED_CATALOG;
    try {
      return await loadModelCatalog(userCatalog);
    } catch (error) {
      throw new ContractError(
        'VALIDATION_FAILED',
        `Your edited ${userCatalog} has a problem: ${(error as Error).message}`,
      );
    }
  }

  private probe(): Promise<HardwareInfo> {
    const now = Date.now();
    if (!this.hardware || now - this.hardware.at > HARDWARE_TTL_MS) {
      this.hardware = { info: (this.deps.probe ?? probeHardware)(), at: now };
    }
    return this.hardware.info;
  }

  private async budget(): Promise<MemoryBudget> {
    return memoryBudget(await this.probe());
  }
}

/** Download failures as contract errors whose message says what to do. */
function downloadFailure(error: unknown): unknown {
  if (!(error instanceof ModelDownloadError)) return error;
  // A checksum mismatch means the file is not the one named: the request itself is wrong.
  const code = error.code === 'not_found' ? 'NOT_FOUND' : error.code === 'checksum' ? 'CONFLICT' : 'UNAVAILABLE';
  return new ContractError(code, error.message, { kind: error.code, status: error.status ?? null });
}

/** A model Ollama does not have is NOT_FOUND (with its name); other failures as the router maps them. */
function asContractError(error: unknown, model: string): unknown {
  if (error instanceof LlmError && error.kind === 'not_found') {
    return new ContractError('NOT_FOUND', `There is no model called "${model}" to pull`, { model });
  }
  return toContractError(error);
}
