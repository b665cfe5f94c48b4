import { type LibVariant, type WhisperContext, initWhisper, loadWhisperModule } from '@fugood/whisper.node';
import type { WhisperModelSpec } from '../../shared/workers/stt-protocol';

export interface LoadedWhisper {
  ctx: WhisperContext;
  spec: WhisperModelSpec;
  gpu: boolean;
  note: string;
}

/**
 * Holds the one whisper.cpp context of this process. A load with the same file and GPU choice
 * is a no-op: that is what keeps the model warm between utterances. The native module is
 * chosen once per process (whisper.node caches it), so main restarts the worker when the GPU
 * setting changes.
 */
export class WhisperHost {
  current: LoadedWhisper | null = null;
  loads = 0;
  private variant: LibVariant | null = null;
  private pending: Promise<LoadedWhisper> | null = null;

  async load(spec: WhisperModelSpec): Promise<{ loaded: LoadedWhisper; loadMs: number }> {
    if (this.current && sameSpec(this.current.spec, spec)) return { loaded: this.current, loadMs: 0 };
    // Requests are queued by the worker, but guard anyway: two loads of one file never overlap.
    if (this.pending) await this.pending.catch(() => undefined);
    const started = performance.now();
    this.pending = this.open(spec);
    try {
      const loaded = await this.pending;
      return { loaded, loadMs: performance.now() - started };
    } finally {
      this.pending = null;
    }
  }

  private async open(spec: WhisperModelSpec): Promise<LoadedWhisper> {
    if (this.current) {
      await this.current.ctx.release();
      this.current = null;
    }
    const { variant, note } = await this.pickVariant(spec.useGpu);
    const ctx = await initWhisper({ filePath: spec.modelPath, useGpu: spec.useGpu && variant !== 'default' }, variant);
    this.loads += 1;
    const gpu = spec.useGpu && variant !== 'default';
    this.current = { ctx, spec, gpu, note };
    return this.current;
  }

  /**
   * GPU builds are separate packages (CUDA, Vulkan); whichever loads first is used. When none
   * does, the CPU build runs and the note says why, for the settings page.
   */
  private async pickVariant(useGpu: boolean): Promise<{ variant: LibVariant; note: string }> {
    if (this.variant) {
      const gpuLoaded = this.variant !== 'default';
      const note =
        useGpu && !gpuLoaded ? 'Running on the CPU: no GPU build of whisper.cpp could be loaded on this machine.' : '';
      return { variant: this.variant, note };
    }
    if (useGpu) {
      for (const variant of ['cuda', 'vulkan'] as const) {
        if (await loadsAsVariant(variant)) {
          this.variant = variant;
          await loadWhisperModule(variant);
          return { variant, note: `Running on the GPU (${variant}).` };
        }
      }
    }
    this.variant = 'default';
    await loadWhisperModule('default');
    return {
      variant: 'default',
      note: useGpu
        ? 'Running on the CPU: no GPU build of whisper.cpp (CUDA or Vulkan) could be loaded on this machine.'
        : '',
    };
  }

  async release(): Promise<void> {
    await this.current?.ctx.release();
    this.current = null;
  }
}

/** Whether a GPU build's native package loads here (its package exists and its libraries resolve). */
async function loadsAsVariant(variant: 'cuda' | 'vulkan'): Promise<boolean> {
  try {
    await import(`@fugood/node-whisper-${process.platform}-${process.arch}-${variant}`);
    return true;
  } catch {
    return false;
  }
}

function sameSpec(a: WhisperModelSpec, b: WhisperModelSpec): boolean {
  return a.modelPath === b.modelPath && a.useGpu === b.useGpu;
}
