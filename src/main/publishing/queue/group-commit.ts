import { sql } from 'kysely';
import type { AppDatabase, Tx } from '../../db/database';

/** A write of one job: runs inside a shared transaction, registers hooks for after its commit. */
export type JobWrite<T> = (tx: Tx, afterCommit: (hook: () => void) => void) => Promise<T>;

/** Runs a job's write in a transaction and resolves once it is committed. */
export type WriteRunner = <T>(write: JobWrite<T>) => Promise<T>;

interface Entry {
  write: JobWrite<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the queue's own writes. Every commit of a job (`sending`, `published`, a
 * release) is its own small transaction, and a commit costs more than the statements in it:
 * the pages it touched are appended to the WAL whole (about 30 frames a job), and every 1,000
 * frames the committing call checkpoints, fsyncs included, on the event loop. Jobs that reach a
 * write in the same turn of the event loop (a claimed batch marking itself `sending`, sends whose
 * answers arrived together) therefore share ONE transaction: each write in its own savepoint, so
 * one job's failure (LeaseLost, say) undoes only that job's statements. Each caller still
 * resolves only after the commit that holds its write, so "`sending` is committed before the
 * call" holds exactly as with a transaction of its own.
 */
export class GroupCommit {
  private queued: Entry[] = [];
  private scheduled = false;

  constructor(
    private readonly database: AppDatabase,
    /** Checked when the group is written: false (a runner that crashed) refuses every write in it. */
    private readonly open: () => boolean = () => true,
    private readonly refused: () => Error = () => new Error('the publish queue stopped'),
  ) {}

  readonly run: WriteRunner = <T>(write: JobWrite<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      this.queued.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      // setImmediate: after the current turn's microtasks and timers, so writes reached together join.
      setImmediate(() => void this.flush());
    });

  private async flush(): Promise<void> {
    const group = this.queued;
    this.queued = [];
    this.scheduled = false;
    if (!this.open()) {
      for (const entry of group) entry.reject(this.refused());
      return;
    }
    if (group.length === 1) return this.alone(group[0]!);
    const outcomes: ({ ok: true; value: unknown; hooks: (() => void)[] } | { ok: false; error: unknown })[] = [];
    try {
      await this.database.transaction(async (tx) => {
        for (const entry of group) {
          const hooks: (() => void)[] = [];
          await sql`savepoint job_write`.execute(tx);
          try {
            const value = await entry.write(tx, (hook) => hooks.push(hook));
            await sql`release job_write`.execute(tx);
            outcomes.push({ ok: true, value, hooks });
          } catch (error) {
            await sql`rollback to job_write`.execute(tx);
            await sql`release job_write`.execute(tx);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: none of the group's writes happened.
      for (const entry of group) entry.reject(error);
      return;
    }
    group.forEach((entry, i) => {
      const outcome = outcomes[i]!;
      if (!outcome.ok) return entry.reject(outcome.error);
      try {
        for (const hook of outcome.hooks) hook();
      } catch (error) {
        // Committed, but its caller hears of the failing hook (as with a transaction of its own).
        return entry.reject(error);
      }
      entry.resolve(outcome.value);
    });
  }

  /** A write that met no other: a transaction of its own, no savepoint needed. */
  private async alone(entry: Entry): Promise<void> {
    try {
      entry.resolve(await this.database.transaction(entry.write));
    } catch (error) {
      entry.reject(error);
    }
  }
}
