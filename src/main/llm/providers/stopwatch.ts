/** Time to first token and total duration of one generation, on a monotonic clock. */
export class Stopwatch {
  private readonly startedAt: number;
  private firstTokenAt: number | undefined;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.startedAt = now();
  }

  /** Call for every streamed piece of text; only the first non-empty one counts. */
  token(text: string): void {
    if (this.firstTokenAt === undefined && text.length > 0) this.firstTokenAt = this.now();
  }

  get ttftMs(): number | null {
    return this.firstTokenAt === undefined ? null : Math.round(this.firstTokenAt - this.startedAt);
  }

  get durationMs(): number {
    return Math.round(this.now() - this.startedAt);
  }
}
