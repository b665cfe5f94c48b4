import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Progress } from '../../../shared/contract/events';
import { ContractError } from '../../../shared/contract/errors';
import { useToasts } from '../../ui/toasts.store';

const listeners = new Map<string, (progress: Progress) => void>();
const cancelled: string[] = [];
let settle: { resolve: (outcome: 'success' | 'cancelled') => void; reject: (error: unknown) => void } | null = null;
let modelLoads = 0;

vi.mock('./queries', () => ({
  onJobProgress: (jobId: string, listener: (progress: Progress) => void) => {
    listeners.set(jobId, listener);
    return () => listeners.delete(jobId);
  },
  pullModel: (_model: string, jobId: string) =>
    new Promise((resolve, reject) => {
      settle = { resolve: (outcome) => resolve({ jobId, outcome }), reject };
    }),
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

const { usePull } = await import('./pull.store');

function emit(patch: Partial<Progress>): void {
  const jobId = usePull.getState().active!.jobId;
  listeners.get(jobId)!({ jobId, phase: 'downloading', done: 0, total: 100, cancellable: true, ...patch });
}

const lastToast = () => useToasts.getState().toasts.at(-1);

describe('pulling a model', () => {
  beforeEach(() => {
    usePull.setState(usePull.getInitialState());
    modelLoads = 0;
  });

  it('follows progress, then reports success and reloads the models', async () => {
    usePull.getState().setName(' tinyllama:1.1b ');
    const pulling = usePull.getState().pull();
    expect(usePull.getState().active?.model).toBe('tinyllama:1.1b');
    emit({ done: 25, percent: 25 });
    expect(usePull.getState().active?.progress?.percent).toBe(25);
    expect(usePull.getState().active?.resumedFrom).toBeNull();
    settle!.resolve('success');
    await pulling;
    expect(usePull.getState()).toMatchObject({ active: null, name: '' });
    expect(lastToast()).toMatchObject({ kind: 'success', message: 'tinyllama:1.1b is installed' });
    expect(modelLoads).toBe(1);
  });

  it('cancels, then says the next pull resumed where the last one stopped', async () => {
    const first = usePull.getState().pull('qwen3:4b');
    emit({ done: 40, percent: 40 });
    await usePull.getState().cancel();
    expect(cancelled).toHaveLength(1);
    settle!.resolve('cancelled');
    await first;
    expect(lastToast()?.message).toMatch(/Stopped pulling qwen3:4b/);

    const second = usePull.getState().pull('qwen3:4b');
    emit({ done: 41, percent: 41 });
    expect(usePull.getState().active?.resumedFrom).toBe(41);
    settle!.resolve('success');
    await second;
  });

  it('puts a refused name under the field and says why in a toast', async () => {
    usePull.getState().setName('Bad Name!');
    const pulling = usePull.getState().pull();
    settle!.reject(
      new ContractError('VALIDATION_FAILED', 'Invalid input', {
        issues: [{ path: ['model'], message: 'Not an Ollama model name (like llama3.2:3b)' }],
      }),
    );
    await pulling;
    expect(usePull.getState().nameError).toBe('Not an Ollama model name (like llama3.2:3b)');
    expect(lastToast()?.kind).toBe('error');
  });

  it('asks for a name before pulling', async () => {
    await usePull.getState().pull();
    expect(usePull.getState().nameError).toMatch(/Name a model/);
    expect(usePull.getState().active).toBeNull();
  });
});
