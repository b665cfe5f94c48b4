import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Progress } from '../../../shared/contract/events';
import { ContractError } from '../../../shared/contract/errors';

const listeners = new Map<string, (progress: Progress) => void>();
const cancelled: string[] = [];
const requests: unknown[] = [];
let settle: { resolve: (value: unknown) => void; reject: (error: unknown) => void } | null = null;
let modelLoads = 0;

vi.mock('./queries', () => ({
  onJobProgress: (jobId: string, listener: (progress: Progress) => void) => {
    listeners.set(jobId, listener);
    return () => listeners.delete(jobId);
  },
  downloadEmbeddedModel: (request: unknown) => {
    requests.push(request);
    return new Promise((resolve, reject) => {
      settle = { resolve, reject };
    });
  },
  cancelJob: async (jobId: string) => {
    cancelled.push(jobId);
    return { cancelled: true };
  },
  listLocalModels: async () => {
    modelLoads += 1;
    return [];
  },
  getRecommendations: async () => [],
}));

const { useEmbeddedDownload } = await import('./embedded-download.store');
const URL = 'https://host/models/tiny-Q4_K_M.gguf';

describe('downloading an embedded model', () => {
  beforeEach(() => {
    useEmbeddedDownload.setState(useEmbeddedDownload.getInitialState());
    requests.length = 0;
    modelLoads = 0;
  });

  it('fills the file name from the URL until the user types one', () => {
    const { setUrl, setFileName } = useEmbeddedDownload.getState();
    setUrl(URL);
    expect(useEmbeddedDownload.getState().fileName).toBe('tiny-Q4_K_M.gguf');
    setUrl('https://host/other.gguf');
    expect(useEmbeddedDownload.getState().fileName).toBe('other.gguf');
    setFileName('mine.gguf');
    setUrl(URL);
    expect(useEmbeddedDownload.getState().fileName).toBe('mine.gguf');
  });

  it('follows progress, then reports success, clears the form and reloads the models', async () => {
    useEmbeddedDownload.getState().setUrl(URL);
    const downloading = useEmbeddedDownload.getState().download();
    const active = useEmbeddedDownload.getState().active!;
    expect(active.fileName).toBe('tiny-Q4_K_M.gguf');
    expect(requests[0]).toEqual({ url: URL, fileName: 'tiny-Q4_K_M.gguf', sha256: null, jobId: active.jobId });
    listeners.get(active.jobId)!({ jobId: active.jobId, phase: 'downloading', done: 5, total: 10, cancellable: true });
    expect(useEmbeddedDownload.getState().active?.progress?.done).toBe(5);
    settle!.resolve({
      outcome: 'success',
      fileName: 'tiny-Q4_K_M.gguf',
      sizeBytes: 10,
      sha256: 'x',
      resumedFromBytes: 0,
    });
    await downloading;
    expect(useEmbeddedDownload.getState()).toMatchObject({ active: null, url: '', fileName: '' });
    expect(useEmbeddedDownload.getState().result).toMatchObject({ kind: 'success' });
    expect(modelLoads).toBe(1);
  });

  it('cancels and says the download is paused, keeping the form for a resume', async () => {
    useEmbeddedDownload.getState().setUrl(URL);
    const downloading = useEmbeddedDownload.getState().download();
    await useEmbeddedDownload.getState().cancel();
    expect(cancelled).toHaveLength(1);
    settle!.resolve({ outcome: 'cancelled', fileName: 'tiny-Q4_K_M.gguf' });
    await downloading;
    expect(useEmbeddedDownload.getState()).toMatchObject({
      url: URL,
      result: { kind: 'paused', message: 'Paused — download again to resume' },
    });
  });

  it('explains a checksum mismatch and puts server field issues under the fields', async () => {
    useEmbeddedDownload.getState().setUrl(URL);
    let downloading = useEmbeddedDownload.getState().download();
    settle!.reject(new ContractError('CONFLICT', 'mismatch', { kind: 'checksum', status: null }));
    await downloading;
    expect(useEmbeddedDownload.getState().result?.message).toMatch(/SHA-256 does not match: it was deleted/);

    downloading = useEmbeddedDownload.getState().download();
    settle!.reject(
      new ContractError('VALIDATION_FAILED', 'Invalid input', { issues: [{ path: ['url'], message: 'Bad URL' }] }),
    );
    await downloading;
    expect(useEmbeddedDownload.getState().errors).toEqual({ url: 'Bad URL' });
  });

  it('checks the form before sending anything', async () => {
    await useEmbeddedDownload.getState().download();
    expect(requests).toHaveLength(0);
    expect(useEmbeddedDownload.getState().errors.url).toMatch(/Paste/);
  });
});
