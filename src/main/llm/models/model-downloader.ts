import { createHash, type Hash } from 'node:crypto';
import { mkdir, open, rename, rm, statfs } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cancelledError, diskError, formatBytes, ModelDownloadError, networkError } from './download-error';
import { type DownloadProgress, ProgressMeter } from './download-progress';
import { classifyResponse } from './http-range';
import {
  discardPart,
  hashExisting,
  type PartInfo,
  partPaths,
  resumableBytes,
  savePartInfo,
  validatorOf,
} from './part-file';

export interface ModelDownloadRequest {
  url: string;
  /** `<dataDir>/models`; created when missing. */
  modelsDir: string;
  /** A plain file name such as "Llama-3.2-3B-Instruct-Q4_K_M.gguf". */
  fileName: string;
  /** Expected SHA-256 in hex; null only for a URL the user typed, where none is known. */
  sha256: string | null;
  /** Names the job in progress events. */
  jobId: string;
  onProgress?: (progress: DownloadProgress) => void;
  /** Stops the transfer; the partial file stays so the next run resumes. */
  signal?: AbortSignal;
  /** Dropped connections resumed within this call before giving up. Default 3. */
  retries?: number;
  /** First pause before resuming after a drop; doubles each time. Default 1 s. */
  retryDelayMs?: number;
  /** Default 250 ms. */
  progressIntervalMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
  /** Free bytes on the disk holding `dir`; tests override it. */
  freeBytes?: (dir: string) => Promise<number>;
}

export interface ModelDownloadResult {
  path: string;
  sizeBytes: number;
  sha256: string;
  /** Bytes that were already on disk from an earlier, interrupted run. */
  resumedFrom: number;
  /** HTTP requests made, resumes included. */
  requests: number;
}

/** Mutable state of one download across its requests. */
interface Transfer {
  offset: number;
  total: number | null;
  hash: Hash;
  info: PartInfo;
  requests: number;
}

/** Headroom beyond the file itself, so a download never fills the disk to the last byte. */
const DISK_MARGIN_BYTES = 64 * 1024 * 1024;

/**
 * Downloads a model file into the models folder: resumable (a `.part` file, Range and If-Range),
 * verified (SHA-256, hashed as the bytes arrive), atomic (renamed into place only when verified)
 * and cancellable (the partial file is kept for the next run).
 */
export async function downloadModel(request: ModelDownloadRequest): Promise<ModelDownloadResult> {
  const { url, modelsDir, fileName, signal } = request;
  if (basename(fileName) !== fileName || fileName.startsWith('.')) {
    throw new ModelDownloadError('invalid_response', `Not a plain file name: ${fileName}`);
  }
  await mkdir(modelsDir, { recursive: true });
  const target = join(modelsDir, fileName);
  const part = partPaths(target).part;
  const meter = new ProgressMeter(
    request.jobId,
    request.onProgress ?? (() => undefined),
    request.now ?? (() => performance.now()),
    request.progressIntervalMs ?? 250,
  );

  const resumed = await resumableBytes(target, url);
  const state: Transfer = {
    offset: resumed.offset,
    total: null,
    hash: await hashExisting(part, resumed.offset),
    info: resumed.info,
    requests: 0,
  };
  const retries = request.retries ?? 3;
  for (let drops = 0; ;) {
    try {
      if (await transferOnce(request, target, state, meter)) break;
    } catch (error) {
      if (signal?.aborted) throw cancelledError(state.offset);
      if (!(error instanceof ModelDownloadError) || error.code !== 'network') throw error;
      drops += 1;
      if (drops > retries) throw error;
      await sleep((request.retryDelayMs ?? 1_000) * 2 ** (drops - 1), undefined, { signal }).catch(() => {
        throw cancelledError(state.offset);
      });
    }
  }

  meter.phase('verifying', state.offset, state.total);
  const sha256 = state.hash.digest('hex');
  if (request.sha256 !== null && sha256 !== request.sha256.toLowerCase()) {
    await discardPart(target);
    throw new ModelDownloadError(
      'checksum',
      `${fileName} did not match its SHA-256 checksum (expected ${request.sha256}, got ${sha256}); the damaged file was deleted, so download it again`,
    );
  }
  await rename(part, target);
  await rm(partPaths(target).info, { force: true });
  meter.phase('done', state.offset, state.offset);
  return { path: target, sizeBytes: state.offset, sha256, resumedFrom: resumed.offset, requests: state.requests };
}

/** One HTTP request; true when the file is complete, false to ask again from a clean start. */
async function transferOnce(
  request: ModelDownloadRequest,
  target: string,
  state: Transfer,
  meter: ProgressMeter,
): Promise<boolean> {
  const { url, signal } = request;
  meter.phase('connecting', state.offset, state.total);
  const headers: Record<string, string> = {};
  if (state.offset > 0) {
    headers.range = `bytes=${state.offset}-`;
    if (state.info.validator) headers['if-range'] = state.info.validator;
  }
  state.requests += 1;
  const response = await (request.fetch ?? fetch)(url, { headers, signal, redirect: 'follow' }).catch(
    (error: unknown) => {
      throw networkError(url, state, error);
    },
  );
  const outcome = classifyResponse(response, state.offset, url);
  if (outcome.kind === 'complete' || outcome.kind === 'discard') {
    await response.body?.cancel();
    if (outcome.kind === 'complete') state.total = outcome.total;
    else await restartFromZero(target, state);
    return outcome.kind === 'complete';
  }
  if (outcome.kind === 'restart' && state.offset > 0) await restartFromZero(target, state);
  state.total = outcome.total;
  state.info.validator = validatorOf(response) ?? state.info.validator;
  await savePartInfo(target, state.info);
  await ensureDiskSpace(request, state);

  meter.phase('downloading', state.offset, state.total);
  const file = await open(partPaths(target).part, state.offset === 0 ? 'w' : 'a');
  try {
    if (!response.body) throw new ModelDownloadError('invalid_response', `The server sent no content for ${url}`);
    for await (const chunk of response.body) {
      await file.write(chunk).catch((error: unknown) => {
        throw diskError(error);
      });
      state.hash.update(chunk);
      state.offset += chunk.byteLength;
      meter.bytes(state.offset);
    }
    await file.sync();
  } catch (error) {
    if (error instanceof ModelDownloadError) throw error;
    throw networkError(url, state, error);
  } finally {
    await file.close();
  }
  if (state.total !== null && state.offset < state.total) throw networkError(url, state, 'the answer ended early');
  return true;
}

async function restartFromZero(target: string, state: Transfer): Promise<void> {
  await discardPart(target);
  state.offset = 0;
  state.hash = createHash('sha256');
  state.info = { url: state.info.url, validator: null };
}

async function ensureDiskSpace(request: ModelDownloadRequest, state: Transfer): Promise<void> {
  if (state.total === null) return;
  const needed = state.total - state.offset;
  const free = await (request.freeBytes ?? freeBytesOn)(request.modelsDir);
  if (free < needed + DISK_MARGIN_BYTES) {
    throw new ModelDownloadError(
      'disk_full',
      `Not enough disk space for ${request.fileName}: it needs ${formatBytes(needed)} more, and ${formatBytes(free)} is free`,
    );
  }
}

async function freeBytesOn(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}
