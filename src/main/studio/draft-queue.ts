import type { Platform } from '../../shared/domain/platform';
import type { DraftStatus, VariantLabel } from '../../shared/domain/studio';

/** One draft's generation, as this process knows it (statuses are not stored: see README.md). */
export interface DraftJob {
  ideaId: string;
  postId: string;
  requestId: string;
  platform: Platform;
  variant: VariantLabel;
  /** The title the empty post got; generation may replace it (YouTube) only while it is unchanged. */
  placeholderTitle: string;
  status: DraftStatus;
  warnings: string[];
  error: string | null;
  /** The shaped text when it was not saved because the creator had started editing. */
  suggestion: string | null;
  /** Stops this draft's generation (and a link fetch it is waiting on). */
  readonly controller: AbortController;
}

/**
 * Runs draft generations at most `concurrency` at a time, first come first served. A local engine on
 * two cores gains nothing from more parallel streams; it only slows the first draft down.
 */
export class DraftQueue {
  readonly jobs = new Map<string, DraftJob>();
  private readonly waiting: { job: DraftJob; run: () => Promise<void> }[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private running = 0;

  constructor(private readonly concurrency: number) {}

  /** Adds a job and its work; `run` starts when a slot is free (never for a job cancelled meanwhile). */
  enqueue(job: DraftJob, run: () => Promise<void>): void {
    this.jobs.set(job.postId, job);
    this.waiting.push({ job, run });
    this.pump();
  }

  /** Remembers a job whose work is not ready to queue yet (its idea's link is still being read). */
  register(job: DraftJob): void {
    this.jobs.set(job.postId, job);
  }

  jobsOf(ideaId: string): DraftJob[] {
    return [...this.jobs.values()].filter((job) => job.ideaId === ideaId);
  }

  /** Resolves when every started generation has finished (used on close). */
  async drained(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      const next = this.waiting.shift();
      if (!next) return;
      if (next.job.controller.signal.aborted) continue;
      this.running += 1;
      // `run` reports its own failures (a failed draft is a status, not an exception).
      const task = next
        .run()
        .catch(() => undefined)
        .finally(() => {
          this.running -= 1;
          this.inFlight.delete(task);
          this.pump();
        });
      this.inFlight.add(task);
    }
  }
}
