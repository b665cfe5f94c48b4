import type { ImportPreview, ImportReport } from '../../shared/domain/imports';
import type { Platform } from '../../shared/domain/platform';
import { AnalyticsRepository } from '../analytics/analytics.repository';
import type { DomainDeps } from '../domain-deps';
import { type HistoryFile, readHistoryFile, skippedRows } from './history-file';
import { HistoryWriter } from './history-writer';

/** How many rows between two progress events. */
const PROGRESS_EVERY = 100;
/** How many problems a preview shows; the import reports all. */
const PREVIEW_PROBLEMS = 20;

/**
 * Imports past posts with their metrics (or daily followers per account) from CSV or JSON, so
 * analytics and the coach have history before any platform is connected.
 */
export class ImportsService {
  private readonly analytics: AnalyticsRepository;

  constructor(private readonly deps: DomainDeps) {
    this.analytics = new AnalyticsRepository(deps.database.db, deps.ports.clock);
  }

  /** Reads the file and says what an import would do; writes nothing. */
  async preview(input: { fileName: string; content: string }): Promise<ImportPreview> {
    const file = await this.read(input.fileName, input.content, this.deps.ports.clock.now().toISOString());
    const dates = [...file.posts.map((p) => p.publishedAt), ...file.accountDays.map((d) => d.date)].sort();
    const platforms = new Set<Platform>([...file.posts, ...file.accountDays].map((r) => r.platform));
    const validRows = file.posts.length + file.accountDays.length;
    return {
      format: file.format,
      kind: file.kind,
      columns: file.columns,
      rowCount: file.rowCount,
      validRows,
      invalidRows: file.rowCount - validRows,
      problems: file.problems.slice(0, PREVIEW_PROBLEMS),
      dateRange: dates.length > 0 ? { from: dates[0] as string, to: dates[dates.length - 1] as string } : null,
      platforms: [...platforms].sort(),
    };
  }

  /**
   * Imports the file in one transaction (a failure leaves everything as it was). Rows that fail
   * validation are skipped and listed; rows already imported add nothing unless their counts changed.
   */
  async importFile(input: { fileName: string; content: string; jobId: string }): Promise<ImportReport> {
    const { clock, logger } = this.deps.ports;
    const { events, database } = this.deps;
    const now = clock.now().toISOString();
    const progress = (phase: string, done: number, total: number | null) =>
      events.emit('job:progress', { jobId: input.jobId, phase, done, total, cancellable: false });

    progress('reading', 0, null);
    const file = await this.read(input.fileName, input.content, now);
    const total = file.posts.length + file.accountDays.length;
    const timeZone = await this.timeZone();
    progress('importing', 0, total);

    const report = await database.transaction(async (tx, onCommit) => {
      const writer = new HistoryWriter(tx, this.analytics, this.deps.posts.repository, { now, timeZone });
      await writer.prepare([...new Set(file.posts.map((p) => p.platform))]);
      let done = 0;
      const step = () => {
        done++;
        if (done % PROGRESS_EVERY === 0) progress('importing', done, total);
      };
      for (const row of file.posts) {
        await writer.writePost(row);
        step();
      }
      for (const row of file.accountDays) {
        await writer.writeAccountDay(row);
        step();
      }
      await writer.flushFollowers();
      onCommit(() => {
        if (writer.addedPostIds.length > 0)
          events.emit('posts:changed', { ids: writer.addedPostIds, reason: 'imported' });
        events.emit('analytics:changed', { reason: 'import' });
      });
      return { kind: file.kind, rowsRead: file.rowCount, ...writer.counts, skipped: skippedRows(file.problems) };
    });
    progress('done', total, total);
    logger.info(
      { kind: report.kind, rowsRead: report.rowsRead, postsAdded: report.postsAdded, skipped: report.skipped.length },
      'history file imported',
    );
    return report;
  }

  private async read(fileName: string, content: string, now: string): Promise<HistoryFile> {
    return readHistoryFile(fileName, content, { timeZone: await this.timeZone(), now });
  }

  /** Wall-clock times in a file are the creator's; without a profile they are read as UTC. */
  private async timeZone(): Promise<string> {
    return (await this.deps.profile.get())?.timezone ?? 'UTC';
  }
}
