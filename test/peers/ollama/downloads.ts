import type { RegistryLayer } from './store';

/** One /api/pull progress line, as Ollama's api.ProgressResponse marshals it. */
export interface PullProgressLine {
  status: string;
  digest: string;
  total: number;
  /** Omitted while zero: Go's `omitempty`, so clients must cope with it missing. */
  completed?: number;
}

export interface DownloadSettings {
  bytesPerSecond: number;
  /** How often waiters hear progress; Ollama's own ticker is 60 ms. */
  tickMs: number;
}

interface Waiter {
  progress(line: PullProgressLine): void;
  finish(outcome: 'done' | 'gone'): void;
  drop(): void;
}

interface Blob {
  layer: RegistryLayer;
  completed: number;
  waiters: Set<Waiter>;
  timer: NodeJS.Timeout | null;
  lastAdvance: number;
}

/** What tests can see of the simulated downloads. */
export interface DownloadObservations {
  /** Pull requests whose client went away while a blob was still downloading. */
  abortedWaits: number;
  /** Connections cut by the dropPullAfterBytes fault. */
  droppedConnections: number;
}

/**
 * Server-side blob downloads, modelled on Ollama's blobDownloadManager: one download per digest
 * shared by every pull waiting on it, partial bytes kept when it stops (so a later pull resumes),
 * and the download paused as soon as its last waiter disconnects.
 */
export class DownloadManager {
  readonly observed: DownloadObservations = { abortedWaits: 0, droppedConnections: 0 };
  /** One-shot fault: cut every waiting connection once a blob passes this many bytes. */
  dropAfterBytes: number | null = null;
  private readonly blobs = new Map<string, Blob>();
  private readonly settings: DownloadSettings;

  constructor(settings: DownloadSettings) {
    this.settings = settings;
  }

  /** Bytes held for a digest (complete or partial), and whether a download is running for it. */
  state(digest: string): { completed: number; total: number; active: boolean } | null {
    const blob = this.blobs.get(digest);
    return blob ? { completed: blob.completed, total: blob.layer.size, active: blob.timer !== null } : null;
  }

  activeCount(): number {
    return [...this.blobs.values()].filter((blob) => blob.timer !== null).length;
  }

  /**
   * Waits for one layer, reporting progress each tick. Resolves 'gone' when the caller's
   * connection closes first; `onGone` registers the close hook and `drop` cuts the connection.
   */
  fetch(
    layer: RegistryLayer,
    progress: (line: PullProgressLine) => void,
    hooks: { onGone: (listener: () => void) => void; drop: () => void },
  ): Promise<'done' | 'gone'> {
    const blob = this.blobFor(layer);
    if (blob.completed >= layer.size) {
      progress(this.line(blob));
      return Promise.resolve('done');
    }
    return new Promise((resolve) => {
      const waiter: Waiter = { progress, finish: resolve, drop: hooks.drop };
      blob.waiters.add(waiter);
      hooks.onGone(() => {
        if (!blob.waiters.delete(waiter)) return;
        this.observed.abortedWaits += 1;
        if (blob.waiters.size === 0) this.pause(blob);
        resolve('gone');
      });
      this.run(blob);
    });
  }

  stopAll(): void {
    for (const blob of this.blobs.values()) this.pause(blob);
  }

  private blobFor(layer: RegistryLayer): Blob {
    let blob = this.blobs.get(layer.digest);
    if (!blob) {
      blob = { layer, completed: 0, waiters: new Set(), timer: null, lastAdvance: 0 };
      this.blobs.set(layer.digest, blob);
    }
    return blob;
  }

  private run(blob: Blob): void {
    if (blob.timer) return;
    blob.lastAdvance = performance.now();
    blob.timer = setInterval(() => this.tick(blob), this.settings.tickMs);
  }

  private pause(blob: Blob): void {
    if (blob.timer) clearInterval(blob.timer);
    blob.timer = null;
  }

  private tick(blob: Blob): void {
    const now = performance.now();
    const bytes = Math.round(((now - blob.lastAdvance) / 1000) * this.settings.bytesPerSecond);
    blob.lastAdvance = now;
    blob.completed = Math.min(blob.layer.size, blob.completed + bytes);
    if (this.dropAfterBytes !== null && blob.completed >= this.dropAfterBytes) {
      this.dropAfterBytes = null;
      this.pause(blob);
      for (const waiter of [...blob.waiters]) {
        this.observed.droppedConnections += 1;
        waiter.drop();
      }
      return;
    }
    const line = this.line(blob);
    for (const waiter of blob.waiters) waiter.progress(line);
    if (blob.completed >= blob.layer.size) {
      this.pause(blob);
      for (const waiter of blob.waiters) waiter.finish('done');
      blob.waiters.clear();
    }
  }

  private line(blob: Blob): PullProgressLine {
    const { digest, size } = blob.layer;
    const line: PullProgressLine = { status: `pulling ${digest.slice(7, 19)}`, digest, total: size };
    if (blob.completed > 0) line.completed = blob.completed;
    return line;
  }
}
