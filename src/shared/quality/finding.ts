import { z } from 'zod';
import { platformSchema } from '../domain/platform';

/** The deterministic checks behind the quality score. */
export const QUALITY_CHECKS = [
  'limit',
  'length',
  'readability',
  'hook',
  'cta',
  'hashtags',
  'links',
  'spam',
  'duplicate',
] as const;
export const qualityCheckSchema = z.enum(QUALITY_CHECKS);
export type QualityCheck = z.infer<typeof qualityCheckSchema>;

export const severitySchema = z.enum(['error', 'warning', 'tip']);
export type Severity = z.infer<typeof severitySchema>;

/** How a finding can be fixed: 'auto' is deterministic code, 'ai' a rewrite by the model, 'none' by hand. */
export const findingFixSchema = z.object({
  kind: z.enum(['auto', 'ai', 'none']),
  label: z.string(),
});
export type FindingFix = z.infer<typeof findingFixSchema>;

/** One problem found in a post, with what it costs the score and how to fix it. */
export const findingSchema = z.object({
  /** Stable for the same problem in the same text: quality:fix-finding names it. */
  id: z.string(),
  check: qualityCheckSchema,
  severity: severitySchema,
  /** Plain words for the creator. */
  message: z.string(),
  /** Points taken off the score of 100. */
  penalty: z.number().nonnegative(),
  fix: findingFixSchema,
  /** The earlier post this one repeats (duplicate findings only). */
  related: z.object({ postId: z.string(), title: z.string(), similarity: z.number() }).optional(),
});
export type Finding = z.infer<typeof findingSchema>;

/** The figures the checks measured, so the UI can show them beside the findings. */
export const qualityMetricsSchema = z.object({
  /** Length in the platform's own units (the longest part for a thread). */
  length: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  sweetSpot: z.object({ min: z.number(), max: z.number() }),
  parts: z.number().int().positive(),
  words: z.number().int().nonnegative(),
  sentences: z.number().int().nonnegative(),
  /** Flesch reading ease (0–100, higher is easier); null when not measured. */
  readingEase: z.number().nullable(),
  hashtags: z.number().int().nonnegative(),
  hashtagNorm: z.object({ min: z.number(), max: z.number() }),
  links: z.number().int().nonnegative(),
});
export type QualityMetrics = z.infer<typeof qualityMetricsSchema>;

/** The quality score of one text on one platform. */
export const qualityReportSchema = z.object({
  platform: platformSchema,
  /** 100 minus the penalties, clamped to 0–100. */
  score: z.number().int().min(0).max(100),
  findings: z.array(findingSchema),
  /** Penalty per check that ran (0 when it found nothing). */
  breakdown: z.array(z.object({ check: qualityCheckSchema, penalty: z.number().nonnegative() })),
  /** Checks that did not run, and why (e.g. readability on a non-Latin script). */
  skipped: z.array(z.object({ check: qualityCheckSchema, reason: z.string() })),
  metrics: qualityMetricsSchema,
});
export type QualityReport = z.infer<typeof qualityReportSchema>;
