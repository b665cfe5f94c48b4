import { execFile } from 'node:child_process';

export interface NvidiaGpu {
  name: string;
  totalBytes: number | null;
  freeBytes: number | null;
}

const MIB = 1024 * 1024;

/** The query nvidia-smi answers with one CSV line per GPU: name, total MiB, free MiB. */
export const NVIDIA_SMI_ARGS = ['--query-gpu=name,memory.total,memory.free', '--format=csv,noheader,nounits'];

/** Parses NVIDIA_SMI_ARGS output; "[N/A]" and garbage become null rather than failing the lot. */
export function parseNvidiaSmi(output: string): NvidiaGpu[] {
  return output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .flatMap((line) => {
      const parts = line.split(',').map((part) => part.trim());
      const [name, total, free] = parts;
      if (!name || parts.length < 3) return [];
      const mib = (value: string | undefined) => (value && /^\d+(\.\d+)?$/.test(value) ? Number(value) * MIB : null);
      return [{ name, totalBytes: mib(total), freeBytes: mib(free) }];
    });
}

/** Runs nvidia-smi if it is on PATH; null when it is missing, fails or takes too long. */
export function queryNvidiaSmi(timeoutMs = 3_000): Promise<NvidiaGpu[] | null> {
  return new Promise((resolve) => {
    execFile('nvidia-smi', NVIDIA_SMI_ARGS, { timeout: timeoutMs, windowsHide: true }, (error, stdout) => {
      resolve(error ? null : parseNvidiaSmi(stdout));
    });
  });
}
