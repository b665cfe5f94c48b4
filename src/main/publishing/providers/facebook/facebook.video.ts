import { z } from 'zod';
import {
  ConnectorError,
  type ConnectorContext,
  type MediaItem,
  type MetricCounts,
  type PublishOutcome,
  type PublishedRef,
  type RemoteState,
} from '../connector';
import type { GraphCall } from './facebook.http';
import { type UploadOptions, uploadVideoFile } from './facebook.upload';

/**
 * Page video publishing as Meta documents it now (developers.facebook.com/docs/video-api/guides/publishing):
 * the file goes up through the Resumable Upload API, then `POST /{page-id}/videos` on
 * graph-video.facebook.com with `fbuploader_video_file_chunk=<handle>`. Facebook encodes the video
 * afterwards; `GET /{video-id}?fields=status` (graph-api/reference/video-status) tells when it is
 * ready and published, which the queue learns through `pending` and `checkStatus`.
 */

type Call = <T>(context: ConnectorContext, request: GraphCall) => Promise<T>;

export interface PageTarget {
  id: string;
  token: string;
}

export interface VideoOptions {
  upload: UploadOptions;
  /** How long the queue waits before asking again while Facebook is still encoding. */
  pollMs: number;
}

const phaseSchema = z.object({
  status: z.string(),
  errors: z.array(z.object({ code: z.number().optional(), message: z.string() })).optional(),
});
const videoNodeSchema = z.object({
  id: z.string(),
  permalink_url: z.string().optional(),
  status: z
    .object({
      video_status: z.string(),
      uploading_phase: phaseSchema.optional(),
      processing_phase: phaseSchema.optional(),
      publishing_phase: phaseSchema.extend({ publish_status: z.string().optional() }).optional(),
    })
    .optional(),
});
type VideoNode = z.infer<typeof videoNodeSchema>;

const listSchema = z.object({
  data: z
    .array(
      z.object({
        id: z.string(),
        description: z.string().optional(),
        permalink_url: z.string().optional(),
      }),
    )
    .optional(),
});

/** What `checkStatus` needs to pick up a video Facebook is still encoding. */
export const videoRemoteSchema = z.object({
  stage: z.literal('facebook-video'),
  video: z.string().min(1),
  page: z.string().min(1),
  checks: z.number().int().nonnegative(),
});

/** The post's link: video permalinks come back relative to facebook.com. */
function absolute(url: string | undefined): string | null {
  if (!url) return null;
  return url.startsWith('/') ? `https://www.facebook.com${url}` : url;
}

/**
 * A video post is known by its video id: Facebook gives it at once (the Page post only exists once
 * encoding ends), the Page's `/videos` edge finds it after a lost answer, and `DELETE /{video-id}`,
 * `/{video-id}/video_insights` work on it.
 */
function videoRef(node: { id: string; permalink_url?: string }): PublishedRef {
  return { externalId: node.id, url: absolute(node.permalink_url), partIds: [node.id] };
}

/** Meta's reason for a failed phase, or null while nothing failed. */
function failure(node: VideoNode): string | null {
  const status = node.status;
  if (!status) return null;
  const phases = [status.uploading_phase, status.processing_phase, status.publishing_phase];
  const failed = phases.find((phase) => phase?.status === 'error');
  const reason = failed?.errors?.map((e) => e.message).join('; ');
  if (failed) return reason || 'Facebook could not process the video.';
  if (status.video_status === 'error') return 'Facebook could not process the video.';
  if (status.video_status === 'expired') return 'The upload expired before Facebook could process it.';
  return null;
}

/** Reads the video's status: published with its post and link, pending while encoding, invalid on error. */
export async function videoOutcome(
  call: Call,
  context: ConnectorContext,
  page: PageTarget,
  videoId: string,
  checks: number,
  pollMs: number,
): Promise<PublishOutcome> {
  const body = await call(context, {
    method: 'GET',
    path: `/${videoId}`,
    query: { fields: 'id,status,permalink_url' },
    accessToken: page.token,
  });
  const result = videoNodeSchema.safeParse(body);
  if (!result.success)
    throw new ConnectorError('server', 'Facebook answered the video status with an unexpected body.');
  const node = result.data;
  const reason = failure(node);
  if (reason) throw new ConnectorError('invalid', `Facebook refused the video: ${reason}`);
  const publishing = node.status?.publishing_phase;
  const ready = node.status?.video_status === 'ready' && (!publishing || publishing.status === 'complete');
  if (ready) return { status: 'published', ...videoRef(node) };
  const remote: RemoteState = { stage: 'facebook-video', video: videoId, page: page.id, checks: checks + 1 };
  return { status: 'pending', remote, checkAfterMs: pollMs };
}

/** Uploads the file, creates the Page video with the post's text, and reads its first status. */
export async function publishVideo(
  call: Call,
  context: ConnectorContext,
  page: PageTarget,
  item: MediaItem,
  text: { title?: string; description: string },
  options: VideoOptions,
): Promise<PublishOutcome> {
  const handle = await uploadVideoFile(call, context, item, options.upload);
  const form = new FormData();
  if (text.title) form.set('title', text.title);
  if (text.description) form.set('description', text.description);
  form.set('fbuploader_video_file_chunk', handle);
  const created = z
    .object({ id: z.string().min(1) })
    .safeParse(
      await call(context, { method: 'POST', path: `/${page.id}/videos`, form, accessToken: page.token, host: 'video' }),
    );
  if (!created.success) throw new ConnectorError('server', 'Facebook created the video but sent no video id.');
  return videoOutcome(call, context, page, created.data.id, 0, options.pollMs);
}

/** A Page video created since `since` whose description is the post's text (after a lost answer). */
export async function findVideo(
  call: Call,
  context: ConnectorContext,
  page: PageTarget,
  since: string,
  matches: (description: string) => boolean,
): Promise<PublishedRef | null> {
  const body = await call(context, {
    method: 'GET',
    path: `/${page.id}/videos`,
    query: {
      fields: 'id,description,created_time,permalink_url',
      since: String(Math.floor(Date.parse(since) / 1000) - 60),
      limit: '100',
    },
    accessToken: page.token,
  });
  const list = listSchema.safeParse(body);
  if (!list.success)
    throw new ConnectorError('server', "Facebook answered the Page's video list with an unexpected body.");
  const found = (list.data.data ?? []).find((video) => matches(video.description ?? ''));
  return found ? videoRef(found) : null;
}

const engagementSchema = z.object({
  reactions: z.object({ summary: z.object({ total_count: z.number() }).partial().optional() }).optional(),
  comments: z.object({ summary: z.object({ total_count: z.number() }).partial().optional() }).optional(),
});
const insightsSchema = z.object({
  data: z
    .array(z.object({ name: z.string(), values: z.array(z.object({ value: z.unknown() })).optional() }))
    .optional(),
});

/**
 * A video's counts: reactions and comments from the video node, views and impressions from
 * `/{video-id}/video_insights` (graph-api/reference/video/video_insights; skipped without
 * `read_insights`). Null when Facebook no longer knows the video.
 */
export async function videoMetrics(
  call: Call,
  context: ConnectorContext,
  page: PageTarget,
  videoId: string,
): Promise<MetricCounts | null> {
  let node: z.infer<typeof engagementSchema>;
  try {
    node = engagementSchema.parse(
      await call(context, {
        method: 'GET',
        path: `/${videoId}`,
        query: { fields: 'reactions.summary(true),comments.summary(true)' },
        accessToken: page.token,
      }),
    );
  } catch (error) {
    if (error instanceof ConnectorError && error.kind === 'not_found') return null;
    if (error instanceof z.ZodError)
      throw new ConnectorError('server', 'Facebook answered the video with an unexpected body.');
    throw error;
  }
  const values = new Map<string, number>();
  try {
    const insights = insightsSchema.safeParse(
      await call(context, {
        method: 'GET',
        path: `/${videoId}/video_insights`,
        query: { metric: 'total_video_views,total_video_impressions,total_video_impressions_unique' },
        accessToken: page.token,
      }),
    );
    for (const entry of insights.success ? (insights.data.data ?? []) : []) {
      const value = entry.values?.[0]?.value;
      if (typeof value === 'number') values.set(entry.name, value);
    }
  } catch (error) {
    if (!(error instanceof ConnectorError && error.kind === 'missing_scope')) throw error;
  }
  return {
    impressions: values.get('total_video_impressions') ?? null,
    reach: values.get('total_video_impressions_unique') ?? null,
    views: values.get('total_video_views') ?? null,
    likes: node.reactions?.summary?.total_count ?? null,
    comments: node.comments?.summary?.total_count ?? null,
    shares: null,
    saves: null,
    clicks: null,
  };
}
