import { z } from 'zod';
import { importPreviewSchema, importReportSchema } from '../domain/imports';
import { defineChannel } from './channel';

/** The largest history file accepted, in characters of text (about 20 MB). */
export const IMPORT_MAX_CHARS = 20 * 1024 * 1024;

const fileFields = {
  fileName: z.string().trim().min(1, 'The file needs a name').max(255, 'The file name is too long'),
  content: z
    .string()
    .min(1, 'The file is empty')
    .max(IMPORT_MAX_CHARS, 'The file is larger than 20 MB; split it into smaller files and import each'),
};

/**
 * The imports channels (issue #8): past posts with metrics, or daily followers per account, from a
 * CSV or JSON file, so analytics is useful before any platform is connected.
 */
export const importsChannels = {
  'imports:preview-file': defineChannel({
    input: z.object(fileFields).strict(),
    output: importPreviewSchema,
    summary: 'Reads a history file without writing: format, kind, column mapping, row problems, date range.',
  }),
  'imports:import-file': defineChannel({
    input: z
      .object({
        ...fileFields,
        jobId: z.string().trim().min(1, 'A job id is required').max(100, 'The job id is too long'),
      })
      .strict(),
    output: importReportSchema,
    summary: 'Imports a history file in one transaction; bad rows are skipped and reported; progress as job:progress.',
  }),
};
