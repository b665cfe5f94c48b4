import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Progress } from '../../../shared/contract/events';
import { ContractError } from '../../../shared/contract/errors';
import type { VoiceModel } from '../../../shared/contract/voice';
import type { WhisperModelId } from '../../../shared/domain/voice';
import { ModelDownloadError } from '../../llm/models/download-error';
import { downloadModel } from '../../llm/models/model-downloader';
import { type CatalogFile, WHISPER_CATALOG, SILERO_VAD_FILE, catalogEntry } from './whisper-catalog';

export interface WhisperModelManager {
  /** The catalog with what is on disk (a file counts when its size matches). */
  list(): Promise<VoiceModel[]>;
  /** Where a model's file is (or will be) stored. */
  pathOf(model: WhisperModelId): string;
  /** Where the Silero VAD file is (or will be) stored. */
  vadPath(): string;
  /**
   * Starts downloading a model (and the VAD file when it is missing) with progress, resume and a
   * sha256 check. Returns at once; `done` settles when it finishes ('cancelled' keeps the part file).
   */
  download(
    model: WhisperModelId,
    onProgress: (progress: Progress) => void,
  ): { jobId: string; done: Promise<'success' | 'cancelled'> };
  /** Stops a download; false when no such job is running. */
  cancel(jobId: string): boolean;
}

export interface WhisperModelManagerOptions {
  /** Folder for model files, e.g. <dataDir>/models/whisper. */
  modelsDir: string;
  /** Replaces catalog URLs (tests serve files from 127.0.0.1). */
  urlOf?: (file: CatalogFile) => string;
  /** Replaces catalog entries' size and checksum (tests use small local files). */
  fileOf?: (file: CatalogFile) => CatalogFile;
  logger?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

async function sizeOf(path: string): Promise<number | null> {
  const info = await stat(path).catch(() => null);
  return info?.isFile() ? info.size : null;
}

/** Whisper model files under the data folder, downloaded through the shared model downloader. */
export function createWhisperModelManager(options: WhisperModelManagerOptions): WhisperModelManager {
  const jobs = new Map<string, AbortController>();
  const fileOf = (file: CatalogFile): CatalogFile => options.fileOf?.(file) ?? file;

  const fetchFile = async (
    file: CatalogFile,
    jobId: string,
    signal: AbortSignal,
    onProgress: (progress: Progress) => void,
    status: string,
  ): Promise<void> => {
    const target = fileOf(file);
    await downloadModel({
      url: options.urlOf?.(target) ?? target.url,
      modelsDir: options.modelsDir,
      fileName: file.fileName,
      sha256: target.sha256,
      jobId,
      signal,
      onProgress: ({ etaSeconds, ...progress }) =>
        onProgress({ ...progress, etaMs: etaSeconds === null ? null : etaSeconds * 1000, status }),
    });
  };

  const manager: WhisperModelManager = {
    pathOf: (model) => join(options.modelsDir, catalogEntry(model).fileName),
    vadPath: () => join(options.modelsDir, SILERO_VAD_FILE.fileName),

    list: () =>
      Promise.all(
        WHISPER_CATALOG.map(async (entry) => ({
          id: entry.id,
          label: entry.label,
          multilingual: entry.multilingual,
          bytes: entry.bytes,
          installed: (await sizeOf(join(options.modelsDir, entry.fileName))) === fileOf(entry).bytes,
        })),
      ),

    download: (model, onProgress) => {
      const entry = catalogEntry(model);
      const jobId = randomUUID();
      const controller = new AbortController();
      jobs.set(jobId, controller);
      const done = (async (): Promise<'success' | 'cancelled'> => {
        try {
          if ((await sizeOf(manager.vadPath())) !== fileOf(SILERO_VAD_FILE).bytes) {
            await fetchFile(SILERO_VAD_FILE, jobId, controller.signal, onProgress, 'voice activity model');
          }
          await fetchFile(entry, jobId, controller.signal, onProgress, `Whisper ${model}`);
          options.logger?.info({ model }, 'whisper model downloaded');
          return 'success';
        } catch (error) {
          if (error instanceof ModelDownloadError && error.code === 'cancelled') return 'cancelled';
          onProgress({ jobId, phase: 'failed', done: 0, total: null, cancellable: false });
          options.logger?.warn({ model, error: String(error) }, 'whisper model download failed');
          throw new ContractError(
            'UNAVAILABLE',
            `Could not download the Whisper model ${model}: ${error instanceof Error ? error.message : String(error)}`,
          );
        } finally {
          jobs.delete(jobId);
        }
      })();
      // The caller may only watch progress events; an unobserved failure must not crash the process.
      done.catch(() => undefined);
      return { jobId, done };
    },

    cancel: (jobId) => {
      const controller = jobs.get(jobId);
      controller?.abort();
      return controller !== undefined;
    },
  };
  return manager;
}
