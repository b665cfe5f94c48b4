import { describe, expect, it } from 'vitest';
import { estimateKvCacheBytes, type FitRating, memoryBudget, type ModelFootprint, rateFit } from './fit';
import type { HardwareInfo } from './hardware';

const GB = 1024 ** 3;
const llama8b: ModelFootprint = {
  sizeBytes: 4.6 * GB,
  contextLength: 8192,
  architecture: { layers: 32, kvHeads: 8, headDim: 128 },
};

describe('estimateKvCacheBytes', () => {
  it.each([
    // 32 layers × 8 heads × 128 × (K+V) × 2 bytes = 128 KiB per token
    [llama8b, 8192 * 128 * 1024],
    [{ ...llama8b, contextLength: 2048 }, 2048 * 128 * 1024],
    // Without architecture: size / 30 000 bytes per token
    [{ sizeBytes: 3_000_000_000, contextLength: 1000 }, 100_000_000],
  ])('%j → %i bytes', (model, bytes) => {
    expect(estimateKvCacheBytes(model)).toBe(bytes);
  });
});

describe('rateFit', () => {
  // llama8b needs 4.6 GB + 1 GB of cache = 5.6 GB.
  it.each<[string, number | null, number | null, FitRating]>([
    ['all in an 8 GB GPU', 8 * GB, 16 * GB, 'green'],
    ['just inside 90 % of the GPU', 6.23 * GB, 0, 'green'],
    ['spills from a 4 GB GPU into RAM', 4 * GB, 16 * GB, 'yellow'],
    ['too big for GPU and RAM together', 2 * GB, 3 * GB, 'red'],
    ['CPU only, plenty of RAM', null, 12 * GB, 'green'],
    ['CPU only, tight', null, 7 * GB, 'yellow'],
    ['CPU only, does not fit', null, 6 * GB, 'red'],
    ['memory unknown', null, null, 'yellow'],
  ])('%s → %s', (_case, gpuFreeBytes, ramFreeBytes, rating) => {
    const fit = rateFit(llama8b, { gpuFreeBytes, ramFreeBytes });
    expect(fit.rating).toBe(rating);
    expect(fit.requiredBytes).toBe(4.6 * GB + 8192 * 128 * 1024);
    expect(fit.reason).toMatch(/^Needs 5\.6 GB/);
  });
});

function machine(gpus: HardwareInfo['gpus'], freeRam: number | null = 8 * GB): HardwareInfo {
  return {
    platform: 'linux',
    arch: 'x64',
    cpu: { model: null, cores: 8, physicalCores: 4 },
    memory: { totalBytes: 16 * GB, freeBytes: freeRam },
    gpus,
  };
}
const gpu = (vendor: string, vram: number | null, free: number | null, unifiedMemory = false) => ({
  vendor,
  model: `${vendor} card`,
  vramBytes: vram,
  freeVramBytes: free,
  unifiedMemory,
  source: 'systeminformation' as const,
});

describe('memoryBudget', () => {
  it.each([
    ['no GPU', [], null],
    ['NVIDIA with free VRAM known', [gpu('NVIDIA', 12 * GB, 10 * GB)], 10 * GB],
    ['AMD with only total known', [gpu('Advanced Micro Devices, Inc.', 8 * GB, null)], 8 * GB],
    ['two NVIDIA cards pool', [gpu('NVIDIA', 8 * GB, 7 * GB), gpu('NVIDIA', 8 * GB, 6 * GB)], 13 * GB],
    ['Apple Silicon counts as RAM', [gpu('Apple', null, null, true)], null],
    ['Intel iGPU is not used', [gpu('Intel', 1 * GB, null, true)], null],
    ['a 1 GB NVIDIA card is too small', [gpu('NVIDIA', 1 * GB, 1 * GB)], null],
  ])('%s', (_case, gpus, expected) => {
    expect(memoryBudget(machine(gpus))).toEqual({ gpuFreeBytes: expected, ramFreeBytes: 8 * GB });
  });
});
