import { z } from 'zod';
import { platformSchema } from '../domain/platform';
import { calendarDateSchema, WEEKDAYS } from '../domain/profile';
import { defineChannel } from './channel';

/** The metrics a custom report can show; a weekly report shows all of them. */
export const REPORT_METRICS = [
  'impressions',
  'views',
  'likes',
  'comments',
  'shares',
  'saves',
  'clicks',
  'engagement_rate',
  'followers',
] as const;
export type ReportMetric = (typeof REPORT_METRICS)[number];

/** Column and row labels of each metric, the same in the PDF, the CSV and the report form. */
export const REPORT_METRIC_LABELS: Record<ReportMetric, string> = {
  impressions: 'Impressions',
  views: 'Views',
  likes: 'Likes',
  comments: 'Comments',
  shares: 'Shares',
  saves: 'Saves',
  clicks: 'Clicks',
  engagement_rate: 'Engagement rate',
  followers: 'Followers',
};

/** The parts of the PDF a custom report can keep; a weekly report has all of them. */
export const REPORT_SECTIONS = [
  'totals',
  'followers_growth',
  'engagement_by_platform',
  'top_posts',
  'bottom_posts',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const REPORT_KINDS = ['weekly', 'custom'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The longest custom range: ten years keeps a report readable and its query bounded. */
export const MAX_REPORT_DAYS = 3660;

const reportIdSchema = z.uuid({ message: 'A report id is a UUID' });

const customReportSchema = z
  .object({
    kind: z.literal('custom'),
    from: calendarDateSchema,
    to: calendarDateSchema,
    platforms: z.array(platformSchema).min(1, 'Pick at least one platform, or leave platforms out for all').optional(),
    metrics: z
      .array(z.enum(REPORT_METRICS, { message: `A metric is one of ${REPORT_METRICS.join(', ')}` }))
      .min(1, 'Pick at least one metric'),
    sections: z
      .array(z.enum(REPORT_SECTIONS, { message: `A section is one of ${REPORT_SECTIONS.join(', ')}` }))
      .min(1, 'Pick at least one section, or leave sections out for all')
      .optional(),
  })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'The range must start on or before its end', path: ['to'] })
  .refine((r) => daysBetween(r.from, r.to) < MAX_REPORT_DAYS, {
    message: `A report covers at most ${MAX_REPORT_DAYS} days`,
    path: ['from'],
  });

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** What to report on: the last completed week, or a chosen range, platforms, metrics and sections. */
export const generateReportInputSchema = z.discriminatedUnion(
  'kind',
  [z.object({ kind: z.literal('weekly') }).strict(), customReportSchema],
  { message: "kind is 'weekly' or 'custom'" },
);
export type GenerateReportInput = z.infer<typeof generateReportInputSchema>;

/** What a stored report was asked for (all platforms when platforms is null). */
export const reportParamsSchema = z.object({
  platforms: z.array(platformSchema).nullable(),
  metrics: z.array(z.enum(REPORT_METRICS)).min(1),
  sections: z.array(z.enum(REPORT_SECTIONS)).min(1),
  timezone: z.string(),
});
export type ReportParams = z.infer<typeof reportParamsSchema>;

/** A generated report as listed; its files are fetched with reports:get-report-file. */
export const reportMetaSchema = z.object({
  id: reportIdSchema,
  kind: z.enum(REPORT_KINDS),
  title: z.string(),
  /** Calendar days (YYYY-MM-DD) in the creator's time zone, both included. */
  from: calendarDateSchema,
  to: calendarDateSchema,
  params: reportParamsSchema,
  createdAt: z.iso.datetime(),
});
export type ReportMeta = z.infer<typeof reportMetaSchema>;

export const REPORT_FORMATS = ['pdf', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A report file as the renderer downloads it (a Blob from base64); no file path crosses the boundary. */
export const reportFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.enum(['application/pdf', 'text/csv']),
  base64: z.string(),
});
export type ReportFile = z.infer<typeof reportFileSchema>;

/** When the weekly report is made: a weekday and an hour in the creator's time zone. */
export const reportScheduleSchema = z
  .object({
    enabled: z.boolean({ message: 'enabled is true or false' }),
    weekday: z.enum(WEEKDAYS, { message: 'weekday is one of mon, tue, wed, thu, fri, sat, sun' }),
    hour: z
      .number({ message: 'hour is a number' })
      .int('hour is a whole number')
      .min(0, 'hour is between 0 and 23')
      .max(23, 'hour is between 0 and 23'),
  })
  .strict();
export type ReportSchedule = z.infer<typeof reportScheduleSchema>;

/** Monday 08:00, on: the schedule before the creator changes it. */
export const DEFAULT_REPORT_SCHEDULE: ReportSchedule = { enabled: true, weekday: 'mon', hour: 8 };

export const reportsChannels = {
  'reports:generate-report': defineChannel({
    input: generateReportInputSchema,
    output: reportMetaSchema,
    summary: 'Writes a PDF and a CSV report (last completed week, or a custom range) and lists it.',
  }),
  'reports:list-reports': defineChannel({
    input: z.object({}).strict(),
    output: z.array(reportMetaSchema),
    summary: 'Generated reports, newest first.',
  }),
  'reports:get-report-file': defineChannel({
    input: z
      .object({ id: reportIdSchema, format: z.enum(REPORT_FORMATS, { message: "format is 'pdf' or 'csv'" }) })
      .strict(),
    output: reportFileSchema,
    summary: "A report's PDF or CSV as base64, with a file name to save it under.",
  }),
  'reports:delete-report': defineChannel({
    input: z.object({ id: reportIdSchema }).strict(),
    output: z.object({ id: reportIdSchema }),
    summary: 'Removes a report and its files; NOT_FOUND when there is no such report.',
  }),
  'reports:get-schedule': defineChannel({
    input: z.object({}).strict(),
    output: reportScheduleSchema,
    summary: 'When the weekly report is made (default: Monday 08:00, on).',
  }),
  'reports:save-schedule': defineChannel({
    input: reportScheduleSchema,
    output: reportScheduleSchema,
    summary: 'Sets when the weekly report is made, in the creator’s time zone.',
  }),
};
