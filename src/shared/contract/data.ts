import { z } from 'zod';
import { postRevisionSchema, postSchema } from '../domain/post';
import { profileSchema } from '../domain/profile';
import { defineChannel } from './channel';

export const EXPORT_FORMAT = 'cadence-export';
export const EXPORT_VERSION = 1;

/** Everything the creator owns, as one JSON document. Ids are kept so an import restores links. */
export const exportDocumentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  appVersion: z.string(),
  profile: profileSchema.nullable(),
  posts: z.array(postSchema),
  revisions: z.array(postRevisionSchema),
});
export type ExportDocument = z.infer<typeof exportDocumentSchema>;

export const importResultSchema = z.object({
  mode: z.enum(['merge', 'replace']),
  profileImported: z.boolean(),
  postsAdded: z.number().int().nonnegative(),
  postsUpdated: z.number().int().nonnegative(),
  postsSkipped: z.number().int().nonnegative(),
  revisionsAdded: z.number().int().nonnegative(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const dataChannels = {
  'data:export-all': defineChannel({
    input: z.object({}).strict(),
    output: exportDocumentSchema,
    summary: 'Exports profile, posts (trash included) and every revision.',
  }),
  'data:import-all': defineChannel({
    input: z
      .object({
        document: exportDocumentSchema,
        /** merge keeps local posts and takes the newer version of each; replace wipes first. */
        mode: z.enum(['merge', 'replace']).default('merge'),
      })
      .strict(),
    output: importResultSchema,
    summary: 'Imports an export; ids are kept; the database is copied aside first.',
  }),
};
