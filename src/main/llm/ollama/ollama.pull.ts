import { randomUUID } from 'node:crypto';
import type { OllamaClient } from './ollama.client';
import { toLlmError } from './ollama.errors';
import { type PullProgress, PullProgressTracker } from './ollama.pull-progress';

export interface PullOptions {
  /** Identifies the job in progress events; a random id when omitted. */
  jobId?: string;
  /** Aborting closes the connection; Ollama stops downloading and keeps the partial blobs. */
  signal?: AbortSignal;
  onProgress?: (progress: PullProgress) => void;
  /** At most one progress event per interval (phase changes and the end always pass). */
  minIntervalMs?: number;
  now?: () => number;
}

export interface PullResult {
  outcome: 'success' | 'cancelled';
  progress: PullProgress | null;
}

/**
 * Pulls a model with streamed progress. A cancelled pull sends a last event in phase
 * 'cancelled' and resolves 'cancelled' (not an error); pulling it again resumes, because Ollama
 * keeps the bytes it had and reports `completed` from there. A missing model rejects with
 * LlmError 'not_found', a dead server 'provider_down', a cut connection 'transient'.
 */
export async function pullModel(client: OllamaClient, model: string, options: PullOptions = {}): Promise<PullResult> {
  const { signal, onProgress } = options;
  const now = options.now ?? (() => performance.now());
  const tracker = new PullProgressTracker(options.jobId ?? randomUUID(), now);
  const minIntervalMs = options.minIntervalMs ?? 100;
  // Mutated from callbacks, so held in an object (TypeScript would narrow a plain let to null).
  const last: { progress: PullProgress | null; emittedAt: number } = { progress: null, emittedAt: -Infinity };
  const emit = (progress: PullProgress, force: boolean) => {
    last.progress = progress;
    if (!force && now() - last.emittedAt < minIntervalMs) return;
    last.emittedAt = now();
    onProgress?.(progress);
  };

  if (signal?.aborted) return { outcome: 'cancelled', progress: null };
  let started = false;
  try {
    const stream = await client.api(signal).pull({ model, stream: true });
    started = true;
    const stop = () => stream.abort();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      for await (const line of stream) {
        const previousPhase = last.progress?.phase;
        const progress = tracker.update(line);
        emit(progress, progress.phase !== previousPhase || progress.phase === 'done');
      }
    } finally {
      signal?.removeEventListener('abort', stop);
    }
  } catch (error) {
    if (signal?.aborted) {
      // A last event so a progress bar can stop; the bytes stay with Ollama for a later resume.
      const held = last.progress;
      if (held) emit({ ...held, phase: 'cancelled', cancellable: false, bytesPerSecond: null, etaMs: null }, true);
      return { outcome: 'cancelled', progress: last.progress };
    }
    throw toLlmError(error, { url: client.url, model, midStream: started, activity: 'download' });
  }
  return { outcome: 'success', progress: last.progress };
}
