import { readFile } from 'node:fs/promises';
import {
  ConnectorError,
  type ConnectorContext,
  type MetricCounts,
  type PlatformConnector,
  type PublishOutcome,
  type PublishRequest,
  type RemoteState,
  type ValidationFinding,
} from '../connector';
import { youtubeFetch, type YouTubeCall, type YouTubeResponse } from './youtube.http';

export interface YouTubeConnectorOptions {
  timeoutMs?: number;
  /** Bytes per PUT (a multiple of 256 KiB); absent = the rest of the file in one PUT. */
  chunkBytes?: number;
  /** Interruptions survived inside one publish before handing back `pending` (resumed by checkStatus). */
  resumeAttempts?: number;
  privacyStatus?: 'public' | 'unlisted' | 'private';
}

export const YOUTUBE_UPLOAD_SCOPE = 'https://www.googleapis.com/auth/youtube.upload';
export const YOUTUBE_READONLY_SCOPE = 'https://www.googleapis.com/auth/youtube.readonly';
/** Asked for but optional: only deleting a video needs it (videos.delete accepts it or `youtube`). */
export const YOUTUBE_FORCE_SSL_SCOPE = 'https://www.googleapis.com/auth/youtube.force-ssl';
/** The broad YouTube scope; an account connected with it may delete as well. */
export const YOUTUBE_MANAGE_SCOPE = 'https://www.googleapis.com/auth/youtube';

/** What the creator reads when a delete is refused for want of the scope. */
export const YOUTUBE_DELETE_SCOPE_MESSAGE =
  'This YouTube connection may upload but not delete videos. To delete from Cadence, reconnect the YouTube ' +
  'account in Accounts and allow Cadence to "see, edit, and permanently delete" your YouTube videos; ' +
  'until then, delete the video in YouTube Studio.';

const MAX_TITLE = 100;
const MAX_DESCRIPTION_BYTES = 5000;
const MAX_TAGS = 500;
const SHORTS_MAX_MS = 3 * 60 * 1000;

interface VideoResource {
  id: string;
  snippet?: { title?: string; publishedAt?: string };
  statistics?: { viewCount?: string; likeCount?: string; commentCount?: string };
}

/** YouTube's tag budget: tags joined by commas, a tag with a space counted with its quotes. */
export function youtubeTagLength(tags: string[]): number {
  return tags.reduce((sum, tag, i) => sum + tag.length + (tag.includes(' ') ? 2 : 0) + (i > 0 ? 1 : 0), 0);
}

function description(request: PublishRequest): string {
  return request.parts.join('\n\n').trim();
}

/** The title: the request's, else the description's first line. */
function title(request: PublishRequest): string {
  return (request.title ?? description(request).split('\n')[0] ?? '').trim();
}

function isShort(request: PublishRequest): boolean {
  const text = `${request.title ?? ''} ${description(request)}`;
  return /#shorts\b/i.test(text) || (request.tags ?? []).some((t) => t.toLowerCase() === 'shorts');
}

/** YouTube: one video; title ≤ 100 characters, description ≤ 5000 bytes, tags ≤ 500 characters, no `<` `>`. */
export function validateYouTube(request: PublishRequest): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const error = (message: string) => findings.push({ severity: 'error', message });
  const videos = request.media.filter((m) => m.kind === 'video');
  if (videos.length !== 1 || request.media.length !== 1) error('YouTube takes exactly one video and nothing else.');
  const t = title(request);
  if (t === '') error('The video needs a title.');
  if (t.length > MAX_TITLE) error(`The title is ${t.length} of ${MAX_TITLE} characters.`);
  if (/[<>]/.test(t)) error('YouTube does not accept < or > in a title.');
  const bytes = Buffer.byteLength(description(request));
  if (bytes > MAX_DESCRIPTION_BYTES) error(`The description is ${bytes} of ${MAX_DESCRIPTION_BYTES} bytes.`);
  if (/[<>]/.test(description(request))) error('YouTube does not accept < or > in a description.');
  const tagLength = youtubeTagLength(request.tags ?? []);
  if (tagLength > MAX_TAGS) error(`The tags take ${tagLength} of ${MAX_TAGS} characters.`);
  const video = videos[0];
  if (video && isShort(request)) {
    const vertical = video.width !== null && video.height !== null && video.height >= video.width;
    if (!vertical)
      findings.push({
        severity: 'warning',
        message: 'A Short should be vertical (or square); this video will be a regular video.',
      });
    if (video.durationMs !== null && video.durationMs > SHORTS_MAX_MS)
      findings.push({
        severity: 'warning',
        message: 'A Short is at most 3 minutes; this video will be a regular video.',
      });
  }
  return findings;
}

/** videos.delete accepts `youtube.force-ssl` or `youtube` (and `youtubepartner`, which Cadence never asks for). */
function canDelete(scopes: string[]): boolean {
  return scopes.includes(YOUTUBE_FORCE_SSL_SCOPE) || scopes.includes(YOUTUBE_MANAGE_SCOPE);
}

function lastReceived(response: YouTubeResponse): number {
  const range = /bytes=0-(\d+)/.exec(response.headers.get('range') ?? '');
  return range ? Number(range[1]) + 1 : 0;
}

function watchUrl(id: string, short: boolean): string {
  return short ? `https://www.youtube.com/shorts/${id}` : `https://www.youtube.com/watch?v=${id}`;
}

/**
 * YouTube Data API v3: resumable upload (`POST /upload/youtube/v3/videos?uploadType=resumable` →
 * session URI → `PUT` with `Content-Range`; after an interruption `PUT bytes *\/total` asks what
 * arrived and the upload continues from there), `videos.list` statistics, channel subscribers.
 */
export function createYouTubeConnector(options: YouTubeConnectorOptions = {}): PlatformConnector {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const resumeAttempts = options.resumeAttempts ?? 3;
  const call = (context: ConnectorContext, request: YouTubeCall) => youtubeFetch(context, request, timeoutMs);

  /** Sends the file from `offset` on; null = interrupted (network or 5xx), else the video. */
  async function sendFrom(
    context: ConnectorContext,
    session: string,
    bytes: Buffer,
    mime: string,
    offset: number,
  ): Promise<{ done: VideoResource } | { next: number }> {
    const total = bytes.length;
    const end = options.chunkBytes ? Math.min(total, offset + options.chunkBytes) : total;
    const response = await call(context, {
      method: 'PUT',
      url: session,
      headers: { 'content-type': mime, 'content-range': `bytes ${offset}-${end - 1}/${total}` },
      body: bytes.subarray(offset, end),
    });
    if (response.status === 308) return { next: lastReceived(response) };
    return { done: response.body as VideoResource };
  }

  /** Asks the session what it has: the video when complete, else the next byte to send. */
  async function askReceived(context: ConnectorContext, session: string, total: number) {
    const response = await call(context, {
      method: 'PUT',
      url: session,
      headers: { 'content-range': `bytes */${total}` },
    });
    if (response.status === 308) return { next: lastReceived(response) };
    return { done: response.body as VideoResource };
  }

  /** Uploads until done, resuming after interruptions; pending once the attempts are spent. */
  async function upload(context: ConnectorContext, remote: RemoteState, resumeFirst: boolean): Promise<PublishOutcome> {
    const session = String(remote.session);
    const bytes = await readFile(String(remote.path));
    const mime = String(remote.mime);
    const short = remote.short === 1;
    let interrupted = resumeFirst;
    let offset = 0;
    for (let failures = 0; ;) {
      try {
        const step = interrupted
          ? await askReceived(context, session, bytes.length)
          : await sendFrom(context, session, bytes, mime, offset);
        interrupted = false;
        if ('done' in step)
          return {
            status: 'published',
            externalId: step.done.id,
            url: watchUrl(step.done.id, short),
            partIds: [step.done.id],
          };
        offset = step.next;
      } catch (error) {
        const transient = error instanceof ConnectorError && ['network', 'timeout', 'server'].includes(error.kind);
        if (!transient) throw error;
        failures += 1;
        if (failures > resumeAttempts) return { status: 'pending', remote, checkAfterMs: 30_000 };
        interrupted = true;
      }
    }
  }

  async function myChannel(context: ConnectorContext, part: string) {
    const response = await call(context, {
      method: 'GET',
      url: '/youtube/v3/channels',
      query: { part, mine: 'true' },
    });
    const item = (response.body as { items?: Record<string, unknown>[] }).items?.[0];
    if (!item) throw new ConnectorError('not_found', 'This Google account has no YouTube channel.');
    return item as {
      id: string;
      snippet?: { title?: string; customUrl?: string };
      statistics?: { subscriberCount?: string; hiddenSubscriberCount?: boolean };
      contentDetails?: { relatedPlaylists?: { uploads?: string } };
    };
  }

  return {
    platform: 'youtube',
    auth: {
      kind: 'oauth2-pkce',
      authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
      tokenUrl: 'https://oauth2.googleapis.com/token',
      revokeUrl: 'https://oauth2.googleapis.com/revoke',
      // force-ssl is asked for but not required: Google's consent screen lets the creator untick it, and
      // everything but delete works without it.
      scopes: [YOUTUBE_UPLOAD_SCOPE, YOUTUBE_READONLY_SCOPE, YOUTUBE_FORCE_SSL_SCOPE],
      requiredScopes: [YOUTUBE_UPLOAD_SCOPE, YOUTUBE_READONLY_SCOPE],
      // Google's installed-app token endpoint takes the client secret with the code
      // (https://developers.google.com/identity/protocols/oauth2/native-app#exchange-authorization-code).
      exchange: 'confidential',
    },

    validate: validateYouTube,

    async publish(context, request) {
      const errors = validateYouTube(request).filter((f) => f.severity === 'error');
      if (errors.length > 0) throw new ConnectorError('invalid', errors.map((f) => f.message).join(' '));
      const video = request.media[0];
      if (!video) throw new ConnectorError('invalid', 'There is no video to upload.');
      const size = (await readFile(video.path)).length;
      const metadata = {
        snippet: {
          title: title(request),
          description: description(request),
          ...(request.tags?.length ? { tags: request.tags } : {}),
          categoryId: '22',
        },
        status: { privacyStatus: options.privacyStatus ?? 'public', selfDeclaredMadeForKids: false },
      };
      const started = await call(context, {
        method: 'POST',
        url: '/upload/youtube/v3/videos',
        query: { uploadType: 'resumable', part: 'snippet,status' },
        headers: {
          'content-type': 'application/json; charset=UTF-8',
          'x-upload-content-length': String(size),
          'x-upload-content-type': video.mime,
        },
        body: JSON.stringify(metadata),
      });
      const session = started.headers.get('location');
      if (!session) throw new ConnectorError('server', 'YouTube started no upload session (no Location).');
      const remote: RemoteState = {
        stage: 'upload',
        session,
        path: video.path,
        mime: video.mime,
        short: isShort(request) ? 1 : 0,
      };
      return upload(context, remote, false);
    },

    async checkStatus(context, remote) {
      if (remote.stage !== 'upload' || typeof remote.session !== 'string')
        throw new ConnectorError('invalid', 'This pending YouTube publish has no upload session.');
      return upload(context, remote, true);
    },

    async findExisting(context, request, since) {
      const uploads = (await myChannel(context, 'contentDetails')).contentDetails?.relatedPlaylists?.uploads;
      if (!uploads) return null;
      const response = await call(context, {
        method: 'GET',
        url: '/youtube/v3/playlistItems',
        query: { part: 'snippet', playlistId: uploads, maxResults: '50' },
      });
      const items =
        (
          response.body as {
            items?: { snippet?: { title?: string; publishedAt?: string; resourceId?: { videoId?: string } } }[];
          }
        ).items ?? [];
      const from = Date.parse(since) - 60_000;
      const found = items.find(
        (i) => i.snippet?.title === title(request) && Date.parse(i.snippet.publishedAt ?? '') >= from,
      )?.snippet?.resourceId?.videoId;
      return found ? { externalId: found, url: watchUrl(found, isShort(request)), partIds: [found] } : null;
    },

    /**
     * `DELETE /youtube/v3/videos?id=` (204, 50 quota units). A video already gone counts as deleted.
     * When the token's granted scopes are known and lack a delete scope, nothing is sent: Google
     * charges even a refused call against the day's quota.
     */
    async delete(context, externalId) {
      const granted = context.token.scopes;
      if (granted && !canDelete(granted)) {
        throw new ConnectorError('missing_scope', YOUTUBE_DELETE_SCOPE_MESSAGE, {
          platformCode: 'insufficientPermissions',
        });
      }
      try {
        await call(context, { method: 'DELETE', url: '/youtube/v3/videos', query: { id: externalId } });
      } catch (error) {
        if (!(error instanceof ConnectorError)) throw error;
        // Only the video itself missing counts as done; another 404 (a wrong route) is not a delete.
        if (error.kind === 'not_found' && error.details.platformCode === 'videoNotFound') return;
        if (error.kind === 'missing_scope') {
          throw new ConnectorError('missing_scope', YOUTUBE_DELETE_SCOPE_MESSAGE, error.details);
        }
        throw error;
      }
    },

    async postMetrics(context, externalIds) {
      const metrics = new Map<string, MetricCounts>();
      const count = (value: string | undefined) => (value === undefined ? null : Number(value));
      for (let i = 0; i < externalIds.length; i += 50) {
        const response = await call(context, {
          method: 'GET',
          url: '/youtube/v3/videos',
          query: { part: 'statistics', id: externalIds.slice(i, i + 50).join(',') },
        });
        for (const item of (response.body as { items?: VideoResource[] }).items ?? []) {
          const s = item.statistics ?? {};
          metrics.set(item.id, {
            impressions: null,
            reach: null,
            views: count(s.viewCount),
            likes: count(s.likeCount),
            comments: count(s.commentCount),
            shares: null,
            saves: null,
            clicks: null,
          });
        }
      }
      return metrics;
    },

    async accountMetrics(context) {
      const stats = (await myChannel(context, 'statistics')).statistics;
      if (!stats || stats.hiddenSubscriberCount) return { followers: null };
      return { followers: stats.subscriberCount === undefined ? null : Number(stats.subscriberCount) };
    },

    async whoAmI(context) {
      const channel = await myChannel(context, 'snippet');
      return {
        externalId: channel.id,
        handle: channel.snippet?.customUrl ?? channel.id,
        displayName: channel.snippet?.title ?? channel.id,
        ...(context.token.scopes ? { scopes: context.token.scopes } : {}),
      };
    },
  };
}
