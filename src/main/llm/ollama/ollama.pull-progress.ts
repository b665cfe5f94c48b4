import type { Progress } from '../../../shared/contract/events';

export type PullPhase = 'manifest' | 'downloading' | 'verifying' | 'writing' | 'done' | 'cancelled';

/** The shared job progress shape (done/total in bytes) plus what a download bar shows. */
export interface PullProgress extends Progress {
  phase: PullPhase;
  /** 0–100, never going down; null until a layer size is known. */
  percent: number | null;
  /** Over the last few seconds; null until two samples apart in time exist. */
  bytesPerSecond: number | null;
  etaMs: number | null;
  /** Ollama's own status text, e.g. "pulling 6a0746a1ec1a". */
  status: string;
}

/** One line of Ollama's pull stream; `completed` is absent until bytes arrive. */
export interface PullLine {
  status: string;
  digest?: string;
  total?: number;
  completed?: number;
}

function phaseOf(status: string, digest: string | undefined, previous: PullPhase): PullPhase {
  if (status === 'success') return 'done';
  if (status === 'pulling manifest') return 'manifest';
  if (status.startsWith('verifying')) return 'verifying';
  if (status.startsWith('writing') || status.startsWith('removing')) return 'writing';
  if (digest) return 'downloading';
  return previous;
}

/**
 * Folds Ollama's per-layer pull lines into one progress: bytes summed over layers, percent
 * kept monotonic (a newly announced layer grows the total, which would otherwise pull the bar
 * back), speed over a sliding window (so a resumed pull does not count bytes it already had),
 * and ETA from that speed.
 */
export class PullProgressTracker {
  private readonly layers = new Map<string, { total: number; completed: number; reported: boolean }>();
  /** Bytes that arrived during this pull: a layer's first reported `completed` is its baseline, not a gain. */
  private transferred = 0;
  private readonly samples: Array<{ at: number; done: number }> = [];
  private phase: PullPhase = 'manifest';
  private bestPercent = 0;

  constructor(
    private readonly jobId: string,
    private readonly now: () => number = () => performance.now(),
    private readonly windowMs = 5_000,
  ) {}

  update(line: PullLine): PullProgress {
    this.phase = phaseOf(line.status, line.digest, this.phase);
    if (line.digest && typeof line.total === 'number') {
      const previous = this.layers.get(line.digest);
      const reported = typeof line.completed === 'number';
      const completed = line.completed ?? 0;
      // A resumed layer's first `completed` is what was already on disk: it is not download speed.
      if (reported && previous?.reported) this.transferred += Math.max(0, completed - previous.completed);
      this.layers.set(line.digest, { total: line.total, completed, reported: reported || !!previous?.reported });
    }
    let done = 0;
    let total = 0;
    for (const layer of this.layers.values()) {
      done += layer.completed;
      total += layer.total;
    }
    if (this.phase === 'done') done = total;
    this.sample();

    const percent = total > 0 ? Math.max(this.bestPercent, Math.min(100, (done / total) * 100)) : null;
    if (percent !== null) this.bestPercent = percent;
    const finished = this.phase === 'done';
    const speed = finished ? null : this.speed();
    const remaining = Math.max(0, total - done);
    return {
      jobId: this.jobId,
      phase: this.phase,
      done,
      total: total > 0 ? total : null,
      cancellable: this.phase === 'manifest' || this.phase === 'downloading',
      percent: finished ? 100 : percent,
      bytesPerSecond: speed,
      etaMs: finished || (total > 0 && remaining === 0) ? 0 : speed ? (remaining / speed) * 1000 : null,
      status: line.status,
    };
  }

  private sample(): void {
    // The window starts at the first sample bearing layer bytes: before it there is no speed to measure.
    if (![...this.layers.values()].some((layer) => layer.reported)) return;
    // Sampled even when nothing arrived, so a stalled download shows its speed falling.
    const at = this.now();
    this.samples.push({ at, done: this.transferred });
    // Keep one sample at or before the window's start so the span covers the whole window.
    while (this.samples.length > 2 && (this.samples[1]?.at ?? at) <= at - this.windowMs) this.samples.shift();
  }

  private speed(): number | null {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.at - first.at <= 0) return null;
    return ((last.done - first.done) * 1000) / (last.at - first.at);
  }
}
