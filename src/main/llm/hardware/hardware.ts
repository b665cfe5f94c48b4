import { arch, platform } from 'node:os';
import si from 'systeminformation';
import { type NvidiaGpu, queryNvidiaSmi } from './nvidia-smi';

export interface GpuInfo {
  vendor: string | null;
  model: string | null;
  vramBytes: number | null;
  /** Known from nvidia-smi (or systeminformation's own use of it); null elsewhere. */
  freeVramBytes: number | null;
  /** Apple Silicon and most integrated GPUs share system RAM rather than having their own. */
  unifiedMemory: boolean;
  source: 'systeminformation' | 'nvidia-smi';
}

/** What this machine has; every figure is null when it could not be read, never a guess. */
export interface HardwareInfo {
  platform: NodeJS.Platform;
  arch: string;
  cpu: { model: string | null; cores: number | null; physicalCores: number | null };
  /** freeBytes is what the OS can hand out now (free plus reclaimable cache). */
  memory: { totalBytes: number | null; freeBytes: number | null };
  gpus: GpuInfo[];
}

type Controller = si.Systeminformation.GraphicsControllerData;

export interface HardwareSources {
  cpu: () => Promise<Pick<si.Systeminformation.CpuData, 'manufacturer' | 'brand' | 'cores' | 'physicalCores'>>;
  mem: () => Promise<Pick<si.Systeminformation.MemData, 'total' | 'available'>>;
  graphics: () => Promise<{ controllers: Controller[] }>;
  nvidiaSmi: () => Promise<NvidiaGpu[] | null>;
}

const MIB = 1024 * 1024;
const realSources: HardwareSources = { cpu: si.cpu, mem: si.mem, graphics: si.graphics, nvidiaSmi: queryNvidiaSmi };

/** A probe that hangs (WMI on some Windows machines does) must not hold up the app. */
function settle<T>(work: () => Promise<T>, timeoutMs: number): Promise<T | null> {
  return new Promise<T | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    work()
      .then(resolve, () => resolve(null))
      .finally(() => clearTimeout(timer));
  });
}

const positive = (value: number | null | undefined) => (typeof value === 'number' && value > 0 ? value : null);
const mib = (value: number | null | undefined) => (positive(value) === null ? null : (value ?? 0) * MIB);

/** systeminformation's controllers, with nvidia-smi's figures (free VRAM) taking precedence. */
export function mergeGpus(controllers: Controller[], nvidia: NvidiaGpu[] | null): GpuInfo[] {
  const fromSi: GpuInfo[] = controllers.map((controller) => ({
    vendor: controller.vendor || null,
    model: controller.model || controller.name || null,
    vramBytes: mib(controller.memoryTotal ?? controller.vram),
    freeVramBytes: mib(controller.memoryFree),
    unifiedMemory: controller.vramDynamic,
    source: 'systeminformation',
  }));
  if (!nvidia || nvidia.length === 0) return fromSi;
  const others = fromSi.filter((gpu) => !/nvidia/i.test(`${gpu.vendor} ${gpu.model}`));
  const fromSmi: GpuInfo[] = nvidia.map((gpu) => ({
    vendor: 'NVIDIA',
    model: gpu.name,
    vramBytes: gpu.totalBytes,
    freeVramBytes: gpu.freeBytes,
    unifiedMemory: false,
    source: 'nvidia-smi',
  }));
  return [...fromSmi, ...others];
}

/** Reads CPU, RAM and GPUs; each source is bounded by `timeoutMs` and may come back empty. */
export async function probeHardware(sources: HardwareSources = realSources, timeoutMs = 5_000): Promise<HardwareInfo> {
  const [cpu, mem, graphics, nvidia] = await Promise.all([
    settle(sources.cpu, timeoutMs),
    settle(sources.mem, timeoutMs),
    settle(sources.graphics, timeoutMs),
    settle(sources.nvidiaSmi, timeoutMs),
  ]);
  const model = [cpu?.manufacturer, cpu?.brand].filter(Boolean).join(' ');
  return {
    platform: platform(),
    arch: arch(),
    cpu: { model: model || null, cores: positive(cpu?.cores), physicalCores: positive(cpu?.physicalCores) },
    memory: { totalBytes: positive(mem?.total), freeBytes: positive(mem?.available) },
    gpus: mergeGpus(graphics?.controllers ?? [], nvidia),
  };
}
