import type { Progress } from '../../../shared/contract/events';

export type DownloadPhase = 'connecting' | 'downloading' | 'verifying' | 'done';

/** The shared Progress shape (done/total in bytes) plus what a download bar shows. */
export interface DownloadProgress extends Progress {
  phase: DownloadPhase;
  /** 0-100, null while the size is unknown. */
  percent: number | null;
  /** Over the last few seconds; null until there is a measurement. */
  bytesPerSecond: number | null;
  etaSeconds: number | null;
}

const WINDOW_MS = 5_000;

/**
 * Turns byte counts into throttled progress events. Speed is measured over a sliding window of
 * this session only, so bytes resumed from disk do not pass for a fast connection.
 */
export class ProgressMeter {
  private samples: { at: number; done: number }[] = [];
  private lastEmit = -Infinity;
  private total: number | null = null;

  constructor(
    private readonly jobId: string,
    private readonly emit: (progress: DownloadProgress) => void,
    private readonly now: () => number,
    private readonly intervalMs: number,
  ) {}

  /** A new phase always reports at once; a new request restarts the speed window. */
  phase(phase: DownloadPhase, done: number, total: number | null): void {
    this.total = total;
    if (phase === 'downloading') this.samples = [{ at: this.now(), done }];
    this.report(phase, done);
  }

  /** Reports bytes written, at most once per interval. */
  bytes(done: number): void {
    const at = this.now();
    this.samples.push({ at, done });
    while (this.samples.length > 2 && at - this.samples[0]!.at > WINDOW_MS) this.samples.shift();
    if (at - this.lastEmit >= this.intervalMs) this.report('downloading', done);
  }

  private report(phase: DownloadPhase, done: number): void {
    this.lastEmit = this.now();
    const first = this.samples[0];
    const last = this.samples.at(-1);
    const seconds = first && last ? (last.at - first.at) / 1000 : 0;
    const bytesPerSecond = first && last && seconds > 0 ? (last.done - first.done) / seconds : null;
    const total = this.total;
    this.emit({
      jobId: this.jobId,
      phase,
      done,
      total,
      cancellable: phase === 'connecting' || phase === 'downloading',
      percent: total ? Math.min(100, (done / total) * 100) : null,
      bytesPerSecond: phase === 'downloading' ? bytesPerSecond : null,
      etaSeconds:
        phase === 'downloading' && total !== null && bytesPerSecond
          ? Math.max(0, (total - done) / bytesPerSecond)
          : null,
    });
  }
}
