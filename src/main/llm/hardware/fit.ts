import type { HardwareInfo } from './hardware';

export type FitRating = 'green' | 'yellow' | 'red';

/** What a model needs: its weights plus the KV cache for the context it will run with. */
export interface ModelFootprint {
  sizeBytes: number;
  /** The context the app will request (num_ctx), not the model's maximum. */
  contextLength: number;
  /** From the GGUF (block_count, head_count_kv, key_length); without it the cache is estimated from size. */
  architecture?: { layers: number; kvHeads: number; headDim: number };
}

/** Memory a model may use now; gpuFreeBytes is null when there is no GPU Ollama can use. */
export interface MemoryBudget {
  gpuFreeBytes: number | null;
  ramFreeBytes: number | null;
}

export interface FitResult {
  rating: FitRating;
  requiredBytes: number;
  kvCacheBytes: number;
  reason: string;
}

/** Like Jan: plan on 90 % of memory, leaving the rest to the OS and drivers. */
export const USABLE_FRACTION = 0.9;
/** On CPU-only machines the model shares RAM with everything else; under this it still feels roomy. */
export const COMFORTABLE_RAM_FRACTION = 0.6;
const F16_BYTES = 2;
/** Weights bytes per KV-cache byte per token, for models without architecture figures (rough). */
const SIZE_PER_KV_BYTE = 30_000;

/** KV cache for `contextLength` tokens at f16: layers × kv heads × (K + V) head size. */
export function estimateKvCacheBytes(model: ModelFootprint): number {
  const perToken = model.architecture
    ? model.architecture.layers * model.architecture.kvHeads * model.architecture.headDim * 2 * F16_BYTES
    : model.sizeBytes / SIZE_PER_KV_BYTE;
  return Math.round(perToken * model.contextLength);
}

const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

/**
 * Green: runs well (all in GPU memory, or with room to spare in RAM without a GPU). Yellow:
 * runs, but split between GPU and RAM, or tight in RAM. Red: does not fit in what is free.
 */
export function rateFit(model: ModelFootprint, budget: MemoryBudget): FitResult {
  const kvCacheBytes = estimateKvCacheBytes(model);
  const requiredBytes = model.sizeBytes + kvCacheBytes;
  const result = (rating: FitRating, reason: string): FitResult => ({ rating, requiredBytes, kvCacheBytes, reason });
  const need = gib(requiredBytes);
  const ram = budget.ramFreeBytes;
  const gpu = budget.gpuFreeBytes;

  if (gpu !== null) {
    if (requiredBytes <= gpu * USABLE_FRACTION)
      return result('green', `Needs ${need}; fits in ${gib(gpu)} of free GPU memory`);
    if (requiredBytes <= (gpu + (ram ?? 0)) * USABLE_FRACTION) {
      return result('yellow', `Needs ${need}; more than the GPU's ${gib(gpu)} free, so part runs from RAM (slower)`);
    }
    return result('red', `Needs ${need}; only ${gib(gpu + (ram ?? 0))} of GPU memory and RAM are free`);
  }
  if (ram === null) return result('yellow', `Needs ${need}; free memory could not be read`);
  if (requiredBytes <= ram * COMFORTABLE_RAM_FRACTION) return result('green', `Needs ${need} of ${gib(ram)} free RAM`);
  if (requiredBytes <= ram * USABLE_FRACTION) return result('yellow', `Needs ${need}; tight in ${gib(ram)} free RAM`);
  return result('red', `Needs ${need}; only ${gib(ram)} of RAM is free`);
}

const USABLE_GPU_VENDOR = /nvidia|amd|advanced micro devices|ati\b|radeon/i;
const MIN_GPU_BYTES = 2 * 1024 ** 3;

/**
 * What a model can use on this machine: a dedicated NVIDIA/AMD GPU with at least 2 GB (its free
 * memory, or its total when free is unknown), plus free RAM. Unified-memory GPUs (Apple Silicon)
 * count as RAM: the model and everything else draw from the same pool.
 */
export function memoryBudget(hardware: HardwareInfo): MemoryBudget {
  let gpuFreeBytes: number | null = null;
  for (const gpu of hardware.gpus) {
    if (gpu.unifiedMemory || !USABLE_GPU_VENDOR.test(`${gpu.vendor ?? ''} ${gpu.model ?? ''}`)) continue;
    const total = gpu.vramBytes ?? 0;
    if (total < MIN_GPU_BYTES) continue;
    // Ollama spreads a model's layers over several GPUs when one is not enough.
    gpuFreeBytes = (gpuFreeBytes ?? 0) + (gpu.freeVramBytes ?? total);
  }
  return { gpuFreeBytes, ramFreeBytes: hardware.memory.freeBytes };
}
