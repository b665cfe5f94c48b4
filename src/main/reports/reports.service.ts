import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ContractError } from '../../shared/contract/errors';
import {
  type GenerateReportInput,
  REPORT_METRICS,
  REPORT_SECTIONS,
  type ReportFile,
  type ReportFormat,
  type ReportMeta,
  type ReportParams,
  type ReportSchedule,
} from '../../shared/contract/reports';
import type { AnalyticsOverview, PublishedPost } from '../../shared/domain/analytics';
import type { Platform } from '../../shared/domain/platform';
import type { DomainDeps } from '../domain-deps';
import { type DayRange, lastCompletedWeek } from './report-dates';
import { renderReportCsv } from './report-csv';
import type { ReportModel } from './report-model';
import { REPORT_TITLES, toReportModel } from './report-model.mapper';
import { renderReportPdf } from './report-pdf';
import { ReportScheduleStore } from './report-schedule.store';
import { type ReportRow, ReportsRepository, toReportMeta } from './reports.repository';

/** What reports read from analytics: the AnalyticsService provides both. */
export interface ReportDataSource {
  overview(range: { from: string; to: string; platforms?: Platform[] }): Promise<AnalyticsOverview>;
  publishedPosts(filter: { from?: string; to?: string; platforms?: Platform[] }): Promise<PublishedPost[]>;
}

/** A report just made: its listing and the figures in it (the notification quotes them). */
export interface GeneratedReport {
  meta: ReportMeta;
  model: ReportModel;
}

const MIME: Record<ReportFormat, ReportFile['mimeType']> = { pdf: 'application/pdf', csv: 'text/csv' };

/** Writes a file whole or not at all: a crash mid-write leaves a .part file, never a torn report. */
async function writeAtomically(path: string, data: Buffer | string): Promise<void> {
  await writeFile(`${path}.part`, data);
  await rename(`${path}.part`, path);
}

/**
 * Weekly and custom reports: figures from analytics, rendered to <data>/reports/<id>.pdf and
 * .csv, listed in the `reports` table. Files never cross the contract as paths, only as base64.
 */
export class ReportsService {
  readonly repository: ReportsRepository;
  readonly schedules: ReportScheduleStore;
  private readonly folder: string;
  private readonly scheduleListeners: (() => void)[] = [];

  constructor(
    private readonly deps: DomainDeps,
    private readonly source: ReportDataSource,
  ) {
    this.repository = new ReportsRepository(deps.database.db);
    this.schedules = new ReportScheduleStore(deps.database.db, deps.ports.logger);
    this.folder = join(deps.ports.dataDir, 'reports');
  }

  /** The creator's time zone; UTC before onboarding. */
  async timezone(): Promise<string> {
    return (await this.deps.profile.get())?.timezone ?? 'UTC';
  }

  async generate(input: GenerateReportInput): Promise<ReportMeta> {
    return (await this.generateReport(input)).meta;
  }

  /** Builds, renders and stores a report, then tells every UI it is ready. */
  async generateReport(input: GenerateReportInput): Promise<GeneratedReport> {
    const started = performance.now();
    const timezone = await this.timezone();
    const now = this.deps.ports.clock.now();
    const range: DayRange =
      input.kind === 'weekly' ? lastCompletedWeek(now, timezone) : { from: input.from, to: input.to };
    const params: ReportParams =
      input.kind === 'weekly'
        ? { platforms: null, metrics: [...REPORT_METRICS], sections: [...REPORT_SECTIONS], timezone }
        : {
            platforms: input.platforms ? [...new Set(input.platforms)] : null,
            metrics: REPORT_METRICS.filter((m) => input.metrics.includes(m)),
            sections: REPORT_SECTIONS.filter((s) => (input.sections ?? REPORT_SECTIONS).includes(s)),
            timezone,
          };
    const scope = { ...range, ...(params.platforms ? { platforms: params.platforms } : {}) };
    const [overview, posts] = await Promise.all([this.source.overview(scope), this.source.publishedPosts(scope)]);
    const model = toReportModel({ ...params, kind: input.kind, range, generatedAt: now }, overview, posts);
    const pdf = await renderReportPdf(model);
    const csv = renderReportCsv(model);

    const id = randomUUID();
    const row: ReportRow = {
      id,
      kind: input.kind,
      title: `${REPORT_TITLES[input.kind]}: ${model.rangeLabel}`,
      params: JSON.stringify(params),
      range_from: range.from,
      range_to: range.to,
      pdf_file: `${id}.pdf`,
      csv_file: `${id}.csv`,
      created_at: now.toISOString(),
    };
    await mkdir(this.folder, { recursive: true });
    try {
      await writeAtomically(join(this.folder, row.pdf_file), pdf);
      await writeAtomically(join(this.folder, row.csv_file), csv);
      await this.deps.database.transaction((tx) => this.repository.insert(row, tx));
    } catch (error) {
      await this.removeFiles(row);
      throw error;
    }
    const meta = toReportMeta(row);
    this.deps.ports.logger.info(
      { reportId: id, kind: input.kind, publications: model.posts.length, ms: Math.round(performance.now() - started) },
      'report generated',
    );
    this.deps.events.emit('reports:ready', { id, title: meta.title });
    return { meta, model };
  }

  async list(): Promise<ReportMeta[]> {
    return (await this.repository.list()).map(toReportMeta);
  }

  /** A report file as base64 with a name to save it under. */
  async getFile(id: string, format: ReportFormat): Promise<ReportFile> {
    const row = await this.requireRow(id);
    const file = basename(format === 'pdf' ? row.pdf_file : row.csv_file);
    let data: Buffer;
    try {
      data = await readFile(join(this.folder, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw new ContractError(
        'NOT_FOUND',
        `This report's ${format.toUpperCase()} file is missing from the data folder`,
        {
          id,
          format,
        },
      );
    }
    const range = row.range_from === row.range_to ? row.range_from : `${row.range_from}_${row.range_to}`;
    return {
      fileName: `cadence-${row.kind}-report-${range}.${format}`,
      mimeType: MIME[format],
      base64: data.toString('base64'),
    };
  }

  async delete(id: string): Promise<{ id: string }> {
    const row = await this.requireRow(id);
    await this.repository.delete(id);
    await this.removeFiles(row);
    return { id };
  }

  getSchedule(): Promise<ReportSchedule> {
    return this.schedules.get();
  }

  async saveSchedule(schedule: ReportSchedule): Promise<ReportSchedule> {
    const saved = await this.schedules.save(schedule, this.deps.ports.clock.now());
    for (const listener of this.scheduleListeners) listener();
    return saved;
  }

  /** Called after the schedule changes (the scheduler re-plans). */
  onScheduleChanged(listener: () => void): void {
    this.scheduleListeners.push(listener);
  }

  private async requireRow(id: string): Promise<ReportRow> {
    const row = await this.repository.get(id);
    if (!row) throw new ContractError('NOT_FOUND', 'There is no report with this id', { id });
    return row;
  }

  private async removeFiles(row: ReportRow): Promise<void> {
    for (const file of [row.pdf_file, row.csv_file]) {
      const path = join(this.folder, basename(file));
      await rm(path, { force: true });
      await rm(`${path}.part`, { force: true });
    }
  }
}
