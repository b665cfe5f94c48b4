import { z } from 'zod';
import { defineChannel } from './channel';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['desktop', 'browser']),
  dataDir: z.string(),
  onboarded: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const diagnosticsSchema = z.object({
  versions: z.record(z.string(), z.string()),
  dataDir: z.string(),
  databasePath: z.string(),
  databaseBytes: z.number().int().nonnegative(),
  migrationsApplied: z.array(z.object({ name: z.string(), appliedAt: z.string() })),
  postCount: z.number().int().nonnegative(),
  logFile: z.string(),
  logTail: z.array(z.string()),
});
export type Diagnostics = z.infer<typeof diagnosticsSchema>;

export const appChannels = {
  'app:get-info': defineChannel({
    input: z.object({}).strict(),
    output: appInfoSchema,
    summary: 'Name, version, mode and whether onboarding is done.',
  }),
  'app:get-diagnostics': defineChannel({
    input: z.object({ logLines: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: diagnosticsSchema,
    summary: 'Versions, data folder, database size, migrations applied and the log tail.',
  }),
};
