import type { AnalyticsRange } from '../../../shared/contract/analytics';
import type { Progress } from '../../../shared/contract/events';
import type { PostList } from '../../../shared/contract/posts';
import type { GenerateReportInput, ReportFormat, ReportSchedule } from '../../../shared/contract/reports';
import type { Platform } from '../../../shared/domain/platform';
import type { Profile } from '../../../shared/domain/profile';
import { getClient } from '../../client/client';

/* Every call the analytics pages make, in one place; stores call these, components never do. */

export const getProfile = (): Promise<Profile | null> => getClient().invoke('profile:get-profile', {});

export const getOverview = (range: AnalyticsRange) => getClient().invoke('analytics:get-overview', range);

export const listAnomalies = (from: string, to: string) => getClient().invoke('analytics:list-anomalies', { from, to });
export const dismissAnomaly = (id: number) => getClient().invoke('analytics:dismiss-anomaly', { id });

export const listAbPairs = () => getClient().invoke('analytics:list-ab-pairs', {});
export const createAbPair = (input: { postA: string; postB: string; platform: Platform; label?: string }) =>
  getClient().invoke('analytics:create-ab-pair', input);
export const deleteAbPair = (id: number) => getClient().invoke('analytics:delete-ab-pair', { id });

/** Published posts on one platform, to choose an A/B pair from. */
export const publishedPosts = (platform: Platform): Promise<PostList> =>
  getClient().invoke('posts:list-posts', { statuses: ['published'], platforms: [platform], limit: 500 });

export const getSuccessFactors = (range: AnalyticsRange) => getClient().invoke('analytics:get-success-factors', range);
export const getBestTimes = (platform: Platform) => getClient().invoke('analytics:get-best-times', { platform });

export const generateReport = (input: GenerateReportInput) => getClient().invoke('reports:generate-report', input);
export const listReports = () => getClient().invoke('reports:list-reports', {});
export const getReportFile = (id: string, format: ReportFormat) =>
  getClient().invoke('reports:get-report-file', { id, format });
export const deleteReport = (id: string) => getClient().invoke('reports:delete-report', { id });
export const getReportSchedule = () => getClient().invoke('reports:get-schedule', {});
export const saveReportSchedule = (schedule: ReportSchedule) => getClient().invoke('reports:save-schedule', schedule);

export const previewFile = (fileName: string, content: string) =>
  getClient().invoke('imports:preview-file', { fileName, content });
export const importFile = (fileName: string, content: string, jobId: string) =>
  getClient().invoke('imports:import-file', { fileName, content, jobId });

/** Follows one job's progress events; returns the unsubscribe. */
export function onJobProgress(jobId: string, listener: (progress: Progress) => void): () => void {
  return getClient().on('job:progress', (progress) => {
    if (progress.jobId === jobId) listener(progress);
  });
}

/** Calls `listener` whenever analytics data changes (an import, a metrics pull); returns the unsubscribe. */
export const onAnalyticsChanged = (listener: () => void): (() => void) =>
  getClient().on('analytics:changed', () => listener());

/** Calls `listener` when the core finds new anomalies (scanning runs after imports, in the background). */
export const onAnomaliesFound = (listener: () => void): (() => void) =>
  getClient().on('analytics:anomalies', () => listener());

export const onReportReady = (listener: (report: { id: string; title: string }) => void): (() => void) =>
  getClient().on('reports:ready', listener);
