import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  ConnectorError,
  type ConnectorContext,
  type MediaItem,
  type MetricCounts,
  type PlatformConnector,
  type PublishRequest,
  type PublishedRef,
  type ValidationFinding,
} from '../connector';
import { GRAPH_VERSION, graphFetch, type GraphCall } from './facebook.http';
import { findVideo, publishVideo, videoMetrics, videoOutcome, videoRemoteSchema } from './facebook.video';

export interface FacebookConnectorOptions {
  timeoutMs?: number;
  /** Bytes per upload chunk (4 MiB by default). */
  uploadChunkBytes?: number;
  /** Failed upload chunks in a row, with no byte arriving, before the publish fails (3 by default). */
  maxUploadStalls?: number;
  /** Wait between video status checks while Facebook encodes (15 s by default). */
  videoPollMs?: number;
}

export const FACEBOOK_SCOPES = ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement', 'read_insights'];

/** A Page post's message may be up to 63,206 characters. */
export const FACEBOOK_MAX_MESSAGE = 63_206;
const MAX_PHOTOS = 10;
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const PHOTO_MIME = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/tiff', 'image/heif', 'image/bmp'];
/** The Resumable Upload API takes video/mp4 only (graph-api/guides/upload, `file_type`). */
const VIDEO_MIME = ['video/mp4'];
/**
 * Page videos: up to 10 GB and 240 minutes. Meta's current publishing guide names no limit; these are
 * the figures its older resumable-upload guide gave, matched by https://www.ayrshare.com/docs/media-guidelines/facebook_pages.
 */
const MAX_VIDEO_BYTES = 10 * 1024 ** 3;
const MAX_VIDEO_MS = 240 * 60_000;

interface PageEntry {
  id: string;
  name: string;
  access_token?: string;
}
interface GraphPost {
  id: string;
  message?: string;
  created_time?: string;
}
interface Summary {
  summary?: { total_count?: number };
}
interface EngagementNode {
  id: string;
  reactions?: Summary;
  comments?: Summary;
  shares?: { count?: number };
}
interface InsightsBody {
  data?: { name: string; values?: { value?: number }[] }[];
}

/** The post's message: a thread's parts joined (Facebook has no threads). */
function message(request: PublishRequest): string {
  return request.parts.join('\n\n');
}

function firstLink(text: string): string | undefined {
  return /\bhttps?:\/\/[^\s<>"]+/i.exec(text)?.[0]?.replace(/[.,;:!?)]+$/, '');
}

/** A comparison key for a message as the Page returns it. */
export function facebookMatchKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Facebook Pages: a message up to 63,206 characters, up to 10 photos or one MP4 video (not both). */
export function validateFacebook(request: PublishRequest): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const error = (text: string) => findings.push({ severity: 'error', message: text });
  const text = message(request);
  if (text.trim() === '' && request.media.length === 0) error('There is nothing to post.');
  if (text.length > FACEBOOK_MAX_MESSAGE)
    error(`The post is ${text.length} of ${FACEBOOK_MAX_MESSAGE} characters Facebook allows.`);
  if (request.parts.length > 1)
    findings.push({ severity: 'warning', message: 'Facebook has no threads: the parts are posted as one post.' });
  const videos = request.media.filter((m) => m.kind === 'video');
  if (videos.length > 1) error('A Facebook Page post takes one video; post the others separately.');
  if (videos.length > 0 && videos.length < request.media.length)
    error('A Facebook Page post takes either photos or one video, not both; remove the photos or the video.');
  for (const item of videos) {
    const name = basename(item.path);
    if (!VIDEO_MIME.includes(item.mime)) error(`${name}: Facebook's video upload takes MP4 only; export it as MP4.`);
    if (item.bytes > MAX_VIDEO_BYTES) error(`${name} is ${item.bytes} bytes; Facebook takes videos up to 10 GB.`);
    if (item.durationMs !== null && item.durationMs > MAX_VIDEO_MS)
      error(`${name} runs ${Math.ceil(item.durationMs / 60_000)} minutes; Facebook takes videos up to 240 minutes.`);
  }
  if (request.media.length > MAX_PHOTOS) error(`Cadence posts at most ${MAX_PHOTOS} photos to a Facebook Page.`);
  for (const item of request.media.filter((m) => m.kind === 'image')) {
    const name = basename(item.path);
    if (!PHOTO_MIME.includes(item.mime)) error(`${name}: Facebook does not accept ${item.mime}.`);
    if (item.bytes > MAX_PHOTO_BYTES) error(`${name} is ${item.bytes} bytes; Facebook takes photos up to 10 MB.`);
  }
  return findings;
}

/**
 * Facebook Pages through the Graph API: `POST /{page-id}/feed`, `/{page-id}/photos` (published or
 * not, then `attached_media`), reactions/comments/shares summaries and `/insights`, followers.
 * Publishing needs a Page access token: `token.extra.pageAccessToken`, else one found through
 * `GET /me/accounts` with the user token.
 */
export function createFacebookConnector(options: FacebookConnectorOptions = {}): PlatformConnector {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const video = {
    upload: { chunkBytes: options.uploadChunkBytes ?? 4 * 1024 * 1024, maxStalls: options.maxUploadStalls ?? 3 },
    pollMs: options.videoPollMs ?? 15_000,
  };
  const call = <T>(context: ConnectorContext, request: GraphCall): Promise<T> =>
    graphFetch<T>(context, request, timeoutMs);

  /** The Page this account posts as, with its Page access token. */
  async function page(context: ConnectorContext): Promise<{ id: string; name: string; token: string }> {
    const extra = context.token.extra ?? {};
    const wanted = context.account.externalId ?? extra.pageId ?? null;
    if (extra.pageAccessToken && wanted) {
      return { id: wanted, name: context.account.handle, token: extra.pageAccessToken };
    }
    const body = await call<{ data?: PageEntry[] }>(context, {
      method: 'GET',
      path: '/me/accounts',
      query: { fields: 'id,name,access_token' },
      accessToken: context.token.accessToken,
    });
    const pages = body.data ?? [];
    const found = wanted ? pages.find((p) => p.id === wanted) : pages[0];
    if (!found?.access_token) {
      throw new ConnectorError(
        'missing_scope',
        wanted
          ? `This Facebook login does not manage the Page ${wanted} any more; reconnect with that Page selected.`
          : 'This Facebook login manages no Page; reconnect and select a Page.',
      );
    }
    return { id: found.id, name: found.name, token: found.access_token };
  }

  async function uploadPhoto(
    context: ConnectorContext,
    target: { id: string; token: string },
    item: MediaItem,
    published: boolean,
    caption: string,
  ): Promise<{ id: string; post_id?: string }> {
    if (item.publicUrl) {
      return call(context, {
        method: 'POST',
        path: `/${target.id}/photos`,
        json: { url: item.publicUrl, published, ...(published && caption ? { caption } : {}) },
        accessToken: target.token,
      });
    }
    const bytes = await readFile(item.path);
    const form = new FormData();
    form.set('published', String(published));
    if (published && caption) form.set('caption', caption);
    if (item.altText.trim()) form.set('alt_text_custom', item.altText);
    form.set('source', new Blob([bytes], { type: item.mime }), basename(item.path));
    return call(context, { method: 'POST', path: `/${target.id}/photos`, form, accessToken: target.token });
  }

  return {
    platform: 'facebook',
    auth: {
      kind: 'oauth2-pkce',
      authorizeUrl: `https://www.facebook.com/${GRAPH_VERSION}/dialog/oauth`,
      tokenUrl: `https://graph.facebook.com/${GRAPH_VERSION}/oauth/access_token`,
      scopes: FACEBOOK_SCOPES,
      requiredScopes: ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement'],
      // The code exchange and the long-lived exchange need the app secret; the login dialog takes
      // comma-separated scopes (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow).
      exchange: 'confidential',
      scopeSeparator: ',',
    },

    validate: validateFacebook,

    async publish(context, request) {
      const errors = validateFacebook(request).filter((f) => f.severity === 'error');
      if (errors.length > 0) throw new ConnectorError('invalid', errors.map((f) => f.message).join(' '));
      const target = await page(context);
      const text = message(request);
      const clip = request.media.find((m) => m.kind === 'video');
      if (clip) {
        const words = { ...(request.title ? { title: request.title } : {}), description: text };
        return publishVideo(call, context, target, clip, words, video);
      }
      if (request.media.length === 1) {
        const item = request.media[0] as MediaItem;
        const photo = await uploadPhoto(context, target, item, true, text);
        return { status: 'published', ...toRef(photo.post_id ?? `${target.id}_${photo.id}`) };
      }
      const photoIds: string[] = [];
      for (const item of request.media) photoIds.push((await uploadPhoto(context, target, item, false, '')).id);
      const link = photoIds.length === 0 ? firstLink(text) : undefined;
      const post = await call<{ id: string }>(context, {
        method: 'POST',
        path: `/${target.id}/feed`,
        json: {
          ...(text ? { message: text } : {}),
          ...(link ? { link } : {}),
          ...(photoIds.length ? { attached_media: photoIds.map((id) => ({ media_fbid: id })) } : {}),
        },
        accessToken: target.token,
      });
      return { status: 'published', ...toRef(post.id) };
    },

    async checkStatus(context, remote) {
      // Only a video is ever pending (posts and photos are live when the call returns).
      const state = videoRemoteSchema.safeParse(remote);
      if (!state.success) throw new ConnectorError('invalid', 'This pending Facebook publish is not a video upload.');
      const target = await page(context);
      if (target.id !== state.data.page)
        throw new ConnectorError('invalid', `The video was uploaded to the Page ${state.data.page}, not this one.`);
      return videoOutcome(call, context, target, state.data.video, state.data.checks, video.pollMs);
    },

    async findExisting(context, request, since) {
      const target = await page(context);
      if (request.media.some((m) => m.kind === 'video')) {
        const key = facebookMatchKey(message(request));
        return findVideo(call, context, target, since, (description) => facebookMatchKey(description) === key);
      }
      const body = await call<{ data?: GraphPost[] }>(context, {
        method: 'GET',
        path: `/${target.id}/posts`,
        query: {
          fields: 'id,message,created_time',
          since: String(Math.floor(Date.parse(since) / 1000) - 60),
          limit: '100',
        },
        accessToken: target.token,
      });
      const key = facebookMatchKey(message(request));
      const found = (body.data ?? []).find((p) => facebookMatchKey(p.message ?? '') === key);
      return found ? toRef(found.id) : null;
    },

    async delete(context, externalId) {
      const target = await page(context);
      try {
        await call(context, { method: 'DELETE', path: `/${externalId}`, accessToken: target.token });
      } catch (error) {
        if (!(error instanceof ConnectorError && error.kind === 'not_found')) throw error;
      }
    },

    async postMetrics(context, externalIds) {
      const target = await page(context);
      const metrics = new Map<string, MetricCounts>();
      for (const id of externalIds) {
        // A video is known by its video id (no `<page>_` prefix), a post by its post id.
        if (!id.includes('_')) {
          const counts = await videoMetrics(call, context, target, id);
          if (counts) metrics.set(id, counts);
          continue;
        }
        let node: EngagementNode;
        try {
          node = await call<EngagementNode>(context, {
            method: 'GET',
            path: `/${id}`,
            query: { fields: 'reactions.summary(true),comments.summary(true),shares' },
            accessToken: target.token,
          });
        } catch (error) {
          if (error instanceof ConnectorError && error.kind === 'not_found') continue;
          throw error;
        }
        const values = new Map<string, number>();
        try {
          const insights = await call<InsightsBody>(context, {
            method: 'GET',
            path: `/${id}/insights`,
            query: { metric: 'post_impressions,post_impressions_unique,post_clicks' },
            accessToken: target.token,
          });
          for (const entry of insights.data ?? []) {
            const value = entry.values?.[0]?.value;
            if (typeof value === 'number') values.set(entry.name, value);
          }
        } catch (error) {
          // Without read_insights the counts below still come from the post itself.
          if (!(error instanceof ConnectorError && error.kind === 'missing_scope')) throw error;
        }
        metrics.set(id, {
          impressions: values.get('post_impressions') ?? null,
          reach: values.get('post_impressions_unique') ?? null,
          views: null,
          likes: node.reactions?.summary?.total_count ?? null,
          comments: node.comments?.summary?.total_count ?? null,
          shares: node.shares?.count ?? 0,
          saves: null,
          clicks: values.get('post_clicks') ?? null,
        });
      }
      return metrics;
    },

    async accountMetrics(context) {
      const target = await page(context);
      const body = await call<{ followers_count?: number }>(context, {
        method: 'GET',
        path: `/${target.id}`,
        query: { fields: 'followers_count' },
        accessToken: target.token,
      });
      return { followers: body.followers_count ?? null };
    },

    async whoAmI(context) {
      const target = await page(context);
      const body = await call<{ id: string; name: string }>(context, {
        method: 'GET',
        path: `/${target.id}`,
        query: { fields: 'id,name' },
        accessToken: target.token,
      });
      return {
        externalId: body.id,
        handle: body.name,
        displayName: body.name,
        ...(context.token.scopes ? { scopes: context.token.scopes } : {}),
      };
    },
  };
}

function toRef(postId: string): PublishedRef {
  const [pageId, storyId] = postId.split('_');
  const url = storyId ? `https://www.facebook.com/${pageId}/posts/${storyId}` : `https://www.facebook.com/${postId}`;
  return { externalId: postId, url, partIds: [postId] };
}
