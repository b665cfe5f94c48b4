import { describe, expect, it } from 'vitest';
import { type HardwareSources, mergeGpus, probeHardware } from './hardware';
import { parseNvidiaSmi } from './nvidia-smi';

const MIB = 1024 * 1024;

describe('parseNvidiaSmi', () => {
  it.each([
    [
      'NVIDIA GeForce RTX 3060, 12288, 11710\n',
      [{ name: 'NVIDIA GeForce RTX 3060', totalBytes: 12288 * MIB, freeBytes: 11710 * MIB }],
    ],
    [
      'Tesla T4, 15360, 15101\r\nNVIDIA A10G, 23028, [N/A]\r\n',
      [
        { name: 'Tesla T4', totalBytes: 15360 * MIB, freeBytes: 15101 * MIB },
        { name: 'NVIDIA A10G', totalBytes: 23028 * MIB, freeBytes: null },
      ],
    ],
    ['', []],
    ['NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.', []],
  ])('%j', (output, expected) => {
    expect(parseNvidiaSmi(output)).toEqual(expected);
  });
});

const controller = (over: Record<string, unknown>) =>
  ({ vendor: '', model: '', bus: '', vram: null, vramDynamic: false, ...over }) as never;

describe('mergeGpus', () => {
  it('keeps systeminformation controllers, with MB turned into bytes', () => {
    const gpus = mergeGpus([controller({ vendor: 'Apple', model: 'Apple M2', vram: null, vramDynamic: true })], null);
    expect(gpus).toEqual([
      {
        vendor: 'Apple',
        model: 'Apple M2',
        vramBytes: null,
        freeVramBytes: null,
        unifiedMemory: true,
        source: 'systeminformation',
      },
    ]);
  });

  it('lets nvidia-smi replace NVIDIA controllers (it knows free VRAM) and keeps the others', () => {
    const gpus = mergeGpus(
      [
        controller({ vendor: 'NVIDIA Corporation', model: 'GeForce RTX 3060', vram: 12288 }),
        controller({ vendor: 'Intel Corporation', model: 'UHD Graphics 770', vram: 128, vramDynamic: true }),
      ],
      [{ name: 'NVIDIA GeForce RTX 3060', totalBytes: 12 * 1024 * MIB, freeBytes: 10 * 1024 * MIB }],
    );
    expect(gpus.map((gpu) => [gpu.model, gpu.freeVramBytes, gpu.source])).toEqual([
      ['NVIDIA GeForce RTX 3060', 10 * 1024 * MIB, 'nvidia-smi'],
      ['UHD Graphics 770', null, 'systeminformation'],
    ]);
  });
});

describe('probeHardware', () => {
  it('reads this machine: CPU and RAM known, GPUs as found', async () => {
    const info = await probeHardware();
    expect(info.cpu.cores).toBeGreaterThan(0);
    expect(info.memory.totalBytes).toBeGreaterThan(info.memory.freeBytes ?? 0);
    expect(info.memory.freeBytes).toBeGreaterThan(0);
    for (const gpu of info.gpus) expect(gpu).toHaveProperty('unifiedMemory');
  });

  it('returns null for what fails or hangs instead of failing or waiting', async () => {
    const never = () => new Promise<never>(() => {});
    const sources: HardwareSources = {
      cpu: never,
      mem: async () => ({ total: 16 * 1024 * MIB, available: 9 * 1024 * MIB }),
      graphics: () => Promise.reject(new Error('no WMI')),
      nvidiaSmi: async () => null,
    };
    const info = await probeHardware(sources, 50);
    expect(info).toMatchObject({
      cpu: { model: null, cores: null, physicalCores: null },
      memory: { totalBytes: 16 * 1024 * MIB, freeBytes: 9 * 1024 * MIB },
      gpus: [],
    });
  });
});
