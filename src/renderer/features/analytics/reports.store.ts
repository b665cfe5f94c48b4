import { create } from 'zustand';
import {
  DEFAULT_REPORT_SCHEDULE,
  REPORT_METRICS,
  REPORT_SECTIONS,
  type ReportFormat,
  type ReportMeta,
  type ReportMetric,
  type ReportSchedule,
  type ReportSection,
} from '../../../shared/contract/reports';
import type { Platform } from '../../../shared/domain/platform';
import { errorMessage, fieldIssuesOf, issuesByField } from '../../ui/errors';
import { todayIn } from '../../ui/format';
import { showToast } from '../../ui/toasts.store';
import type { Loadable } from './analytics.store';
import { type DayRange, presetRange, rangeProblem } from './date-range';
import { base64ToBytes, downloadBytes } from '../../ui/download';
import {
  deleteReport,
  generateReport,
  getReportFile,
  getReportSchedule,
  listReports,
  saveReportSchedule,
} from './queries';

export interface CustomReportForm extends DayRange {
  platforms: Platform[];
  metrics: ReportMetric[];
  sections: ReportSection[];
}

interface ReportsState {
  reports: Loadable<ReportMeta[]>;
  custom: CustomReportForm;
  customErrors: Record<string, string>;
  generating: 'weekly' | 'custom' | null;
  /** The file being fetched, "<id>:<format>". */
  downloading: string | null;
  schedule: ReportSchedule | null;
  scheduleDraft: ReportSchedule;
  savingSchedule: boolean;
  scheduleError: string | null;
  load: () => Promise<void>;
  setCustom: (patch: Partial<CustomReportForm>) => void;
  generate: (kind: 'weekly' | 'custom') => Promise<void>;
  download: (report: ReportMeta, format: ReportFormat) => Promise<void>;
  remove: (report: ReportMeta) => Promise<void>;
  setScheduleDraft: (patch: Partial<ReportSchedule>) => void;
  saveSchedule: () => Promise<void>;
}

/** Reports: generate weekly or custom, list, download PDF/CSV, delete, and the weekly schedule. */
export const useReports = create<ReportsState>()((set, get) => ({
  reports: { status: 'idle', data: null, error: null },
  custom: {
    // The browser's today; the core reads the days in the creator's time zone.
    ...(presetRange('30d', todayIn()) ?? { from: '', to: '' }),
    platforms: [],
    metrics: [...REPORT_METRICS],
    sections: [...REPORT_SECTIONS],
  },
  customErrors: {},
  generating: null,
  downloading: null,
  schedule: null,
  scheduleDraft: DEFAULT_REPORT_SCHEDULE,
  savingSchedule: false,
  scheduleError: null,

  load: async () => {
    set({ reports: { ...get().reports, status: 'loading' } });
    const [reports, schedule] = await Promise.allSettled([listReports(), getReportSchedule()]);
    set({
      reports:
        reports.status === 'fulfilled'
          ? { status: 'ready', data: reports.value, error: null }
          : { ...get().reports, status: 'error', error: errorMessage(reports.reason) },
    });
    if (schedule.status === 'fulfilled')
      set({ schedule: schedule.value, scheduleDraft: schedule.value, scheduleError: null });
    else set({ scheduleError: `Could not read the schedule: ${errorMessage(schedule.reason)}` });
  },

  setCustom: (patch) => set({ custom: { ...get().custom, ...patch }, customErrors: {} }),

  generate: async (kind) => {
    if (get().generating) return;
    const { custom } = get();
    if (kind === 'custom') {
      const errors: Record<string, string> = {};
      const problem = rangeProblem(custom);
      if (problem) errors.to = problem;
      if (custom.metrics.length === 0) errors.metrics = 'Pick at least one metric';
      if (custom.sections.length === 0) errors.sections = 'Pick at least one section';
      if (Object.keys(errors).length > 0) return set({ customErrors: errors });
    }
    set({ generating: kind, customErrors: {} });
    try {
      const report = await generateReport(
        kind === 'weekly'
          ? { kind: 'weekly' }
          : {
              kind: 'custom',
              from: custom.from,
              to: custom.to,
              metrics: custom.metrics,
              sections: custom.sections,
              ...(custom.platforms.length > 0 ? { platforms: custom.platforms } : {}),
            },
      );
      const others = (get().reports.data ?? []).filter((r) => r.id !== report.id);
      set({ reports: { status: 'ready', data: [report, ...others], error: null } });
      showToast({ kind: 'success', message: `Report ready: ${report.title}` });
    } catch (error) {
      const byField = issuesByField(fieldIssuesOf(error), 1);
      if (kind === 'custom' && Object.keys(byField).length > 0) set({ customErrors: byField });
      else showToast({ kind: 'error', message: `Could not make the report: ${errorMessage(error)}` });
    } finally {
      set({ generating: null });
    }
  },

  download: async (report, format) => {
    const key = `${report.id}:${format}`;
    if (get().downloading) return;
    set({ downloading: key });
    try {
      const file = await getReportFile(report.id, format);
      downloadBytes(base64ToBytes(file.base64), file.fileName, file.mimeType);
    } catch (error) {
      showToast({ kind: 'error', message: `Could not download the ${format.toUpperCase()}: ${errorMessage(error)}` });
    } finally {
      set({ downloading: null });
    }
  },

  remove: async (report) => {
    try {
      await deleteReport(report.id);
      set({ reports: { ...get().reports, data: (get().reports.data ?? []).filter((r) => r.id !== report.id) } });
      showToast({ kind: 'info', message: `Deleted ${report.title}` });
    } catch (error) {
      showToast({ kind: 'error', message: `Could not delete the report: ${errorMessage(error)}` });
    }
  },

  setScheduleDraft: (patch) => set({ scheduleDraft: { ...get().scheduleDraft, ...patch }, scheduleError: null }),

  saveSchedule: async () => {
    set({ savingSchedule: true, scheduleError: null });
    try {
      const schedule = await saveReportSchedule(get().scheduleDraft);
      set({ schedule, scheduleDraft: schedule });
      showToast({ kind: 'success', message: 'Report schedule saved' });
    } catch (error) {
      set({ scheduleError: `Could not save the schedule: ${errorMessage(error)}` });
    } finally {
      set({ savingSchedule: false });
    }
  },
}));
