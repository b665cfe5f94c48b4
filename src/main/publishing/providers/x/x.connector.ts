import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseXPost } from '../../../../shared/platforms/x';
import {
  ConnectorError,
  type ConnectorContext,
  type MediaItem,
  type MetricCounts,
  type PlatformConnector,
  type PublishOutcome,
  type PublishRequest,
  type PublishedRef,
  type ValidationFinding,
} from '../connector';
import { xFetch, type XCall } from './x.http';
import { xMatchKey } from './x.text';

export interface XConnectorOptions {
  timeoutMs?: number;
  /** APPEND chunk size (X takes up to 5 MB per chunk). */
  chunkBytes?: number;
  /** Pause between STATUS checks of a processing video (X's `check_after_secs` wins when shorter). */
  mediaPollMs?: number;
  /** STATUS checks inside one publish before handing back `pending`. */
  mediaPollsPerPublish?: number;
}

export const X_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access', 'media.write'];

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const MAX_GIF_BYTES = 15 * 1024 * 1024;
const MAX_VIDEO_BYTES = 512 * 1024 * 1024;
const MAX_ALT_TEXT = 1000;
const SUPPORTED_MIME = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'video/mp4', 'video/quicktime'];

interface ProcessingInfo {
  state: 'pending' | 'in_progress' | 'succeeded' | 'failed';
  check_after_secs?: number;
  error?: { message?: string };
}
interface MediaData {
  data: { id: string; processing_info?: ProcessingInfo };
}
interface TweetData {
  id: string;
  text: string;
  created_at?: string;
  referenced_tweets?: { type: string; id: string }[];
  public_metrics?: {
    retweet_count: number;
    reply_count: number;
    like_count: number;
    quote_count: number;
    bookmark_count?: number;
    impression_count?: number;
  };
}
interface UserData {
  data: { id: string; username: string; name: string; public_metrics?: { followers_count: number } };
}

function mediaCategory(item: MediaItem): string {
  if (item.kind === 'video') return 'tweet_video';
  return item.mime === 'image/gif' ? 'tweet_gif' : 'tweet_image';
}

/** X's rules: 280 weighted characters per post (twitter-text v3), 4 images or 1 video or 1 GIF. */
export function validateX(request: PublishRequest): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const error = (message: string) => findings.push({ severity: 'error', message });
  if (request.parts.length === 0) error('There is nothing to post.');
  request.parts.forEach((part, index) => {
    const where = request.parts.length > 1 ? `Part ${index + 1}` : 'The post';
    const parsed = parseXPost(part);
    if (parsed.weightedLength > 280) error(`${where} is ${parsed.weightedLength} of 280 weighted characters.`);
    if (part.trim() === '' && !(index === 0 && request.media.length > 0)) error(`${where} is empty.`);
  });
  const single = request.media.filter((m) => m.kind === 'video' || m.mime === 'image/gif').length;
  if (request.media.length > 4) error('X takes at most 4 images per post.');
  if (single > 0 && request.media.length > 1) error('X takes one video or GIF alone, without other media.');
  for (const item of request.media) {
    const name = basename(item.path);
    if (!SUPPORTED_MIME.includes(item.mime)) error(`${name}: X does not accept ${item.mime}.`);
    const limit = item.kind === 'video' ? MAX_VIDEO_BYTES : item.mime === 'image/gif' ? MAX_GIF_BYTES : MAX_IMAGE_BYTES;
    if (item.bytes > limit) error(`${name} is ${item.bytes} bytes; X accepts up to ${limit}.`);
    if (item.altText.length > MAX_ALT_TEXT) error(`${name}: alt text is longer than ${MAX_ALT_TEXT} characters.`);
    if (item.altText.trim() === '') findings.push({ severity: 'warning', message: `${name} has no alt text.` });
  }
  return findings;
}

/** X API v2: POST /2/tweets, media upload v2 (initialize / append / finalize / STATUS), public metrics. */
export function createXConnector(options: XConnectorOptions = {}): PlatformConnector {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const chunkBytes = options.chunkBytes ?? 4 * 1024 * 1024;
  const mediaPollMs = options.mediaPollMs ?? 2_000;
  const pollsPerPublish = options.mediaPollsPerPublish ?? 10;

  const call = <T>(context: ConnectorContext, request: XCall): Promise<T> => xFetch<T>(context, request, timeoutMs);

  async function me(context: ConnectorContext, withMetrics = false): Promise<UserData['data']> {
    const body = await call<UserData>(context, {
      method: 'GET',
      path: '/2/users/me',
      ...(withMetrics ? { query: { 'user.fields': 'public_metrics' } } : {}),
      bucket: 'GET /2/users/me',
    });
    return body.data;
  }

  async function uploadOne(context: ConnectorContext, item: MediaItem): Promise<{ id: string; done: boolean }> {
    const bytes = await readFile(item.path);
    const init = await call<MediaData>(context, {
      method: 'POST',
      path: '/2/media/upload/initialize',
      json: { media_type: item.mime, total_bytes: bytes.length, media_category: mediaCategory(item) },
      bucket: 'POST /2/media/upload/initialize',
    });
    const id = init.data.id;
    for (let offset = 0, segment = 0; offset < bytes.length; offset += chunkBytes, segment += 1) {
      const form = new FormData();
      form.set('segment_index', String(segment));
      form.set(
        'media',
        new Blob([bytes.subarray(offset, offset + chunkBytes)], { type: 'application/octet-stream' }),
        'chunk',
      );
      await call(context, {
        method: 'POST',
        path: `/2/media/upload/${id}/append`,
        form,
        bucket: 'POST /2/media/upload/append',
      });
    }
    const finalized = await call<MediaData>(context, {
      method: 'POST',
      path: `/2/media/upload/${id}/finalize`,
      bucket: 'POST /2/media/upload/finalize',
    });
    if (item.altText.trim() !== '') {
      await call(context, {
        method: 'POST',
        path: '/2/media/metadata',
        json: { id, metadata: { alt_text: { text: item.altText } } },
        bucket: 'POST /2/media/metadata',
      });
    }
    const state = finalized.data.processing_info?.state;
    return { id, done: state === undefined || state === 'succeeded' };
  }

  /** One STATUS check per unfinished upload; true when all have succeeded. */
  async function mediaReady(context: ConnectorContext, ids: string[]): Promise<boolean> {
    for (const id of ids) {
      const status = await call<MediaData>(context, {
        method: 'GET',
        path: '/2/media/upload',
        query: { command: 'STATUS', media_id: id },
        bucket: 'GET /2/media/upload',
      });
      const info = status.data.processing_info;
      if (info?.state === 'failed') {
        throw new ConnectorError(
          'invalid',
          `X could not process the media: ${info.error?.message ?? 'processing failed'}`,
        );
      }
      if (info && info.state !== 'succeeded') return false;
    }
    return true;
  }

  async function postThread(context: ConnectorContext, parts: string[], mediaIds: string[]): Promise<PublishOutcome> {
    const ids: string[] = [];
    for (const [index, text] of parts.entries()) {
      const previous = ids.at(-1);
      const body = await call<{ data: { id: string } }>(context, {
        method: 'POST',
        path: '/2/tweets',
        json: {
          text,
          ...(index === 0 && mediaIds.length > 0 ? { media: { media_ids: mediaIds } } : {}),
          ...(previous ? { reply: { in_reply_to_tweet_id: previous } } : {}),
        },
        bucket: 'POST /2/tweets',
      });
      ids.push(body.data.id);
    }
    return { status: 'published', ...toRef(context, ids) };
  }

  return {
    platform: 'x',
    auth: {
      kind: 'oauth2-pkce',
      authorizeUrl: 'https://x.com/i/oauth2/authorize',
      tokenUrl: 'https://api.x.com/2/oauth2/token',
      revokeUrl: 'https://api.x.com/2/oauth2/revoke',
      scopes: X_SCOPES,
      requiredScopes: ['tweet.read', 'tweet.write', 'users.read', 'media.write'],
    },

    validate: validateX,

    async publish(context, request) {
      const errors = validateX(request).filter((f) => f.severity === 'error');
      if (errors.length > 0) throw new ConnectorError('invalid', errors.map((f) => f.message).join(' '));
      const uploads: { id: string; done: boolean }[] = [];
      for (const item of request.media) uploads.push(await uploadOne(context, item));
      const mediaIds = uploads.map((u) => u.id);
      const waiting = uploads.filter((u) => !u.done).map((u) => u.id);
      let ready = waiting.length === 0;
      for (let poll = 0; !ready && poll < pollsPerPublish; poll += 1) {
        await new Promise((resolve) => setTimeout(resolve, mediaPollMs));
        ready = await mediaReady(context, waiting);
      }
      if (!ready) {
        return {
          status: 'pending',
          remote: { stage: 'media', mediaIds, waiting, parts: request.parts },
          checkAfterMs: mediaPollMs,
        };
      }
      return postThread(context, request.parts, mediaIds);
    },

    async checkStatus(context, remote) {
      const { mediaIds, waiting, parts } = remote;
      if (!Array.isArray(mediaIds) || !Array.isArray(waiting) || !Array.isArray(parts)) {
        throw new ConnectorError('invalid', 'This pending X publish has no media state to check.');
      }
      if (!(await mediaReady(context, waiting))) return { status: 'pending', remote, checkAfterMs: mediaPollMs };
      return postThread(context, parts, mediaIds);
    },

    async findExisting(context, request, since) {
      // X keeps no idempotency key: match the text among the user's posts since the attempt.
      const userId = context.account.externalId ?? (await me(context)).id;
      const start = new Date(Date.parse(since) - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const recent: TweetData[] = [];
      let token: string | undefined;
      for (let page = 0; page < 3; page += 1) {
        const body: { data?: TweetData[]; meta?: { next_token?: string } } = await call(context, {
          method: 'GET',
          path: `/2/users/${userId}/tweets`,
          query: {
            max_results: '100',
            start_time: start,
            'tweet.fields': 'created_at,referenced_tweets',
            ...(token ? { pagination_token: token } : {}),
          },
          bucket: 'GET /2/users/:id/tweets',
        });
        recent.push(...(body.data ?? []));
        token = body.meta?.next_token;
        if (!token) break;
      }
      const repliedTo = (t: TweetData) => t.referenced_tweets?.find((r) => r.type === 'replied_to')?.id ?? null;
      const same = (t: TweetData, text: string) => xMatchKey(t.text) === xMatchKey(text);
      const first = recent.find((t) => repliedTo(t) === null && same(t, request.parts[0] ?? ''));
      if (!first) return null;
      const ids = [first.id];
      for (const part of request.parts.slice(1)) {
        const next = recent.find((t) => repliedTo(t) === ids.at(-1) && same(t, part));
        if (!next) break;
        ids.push(next.id);
      }
      return toRef(context, ids);
    },

    async delete(context, externalId) {
      try {
        await call(context, { method: 'DELETE', path: `/2/tweets/${externalId}`, bucket: 'DELETE /2/tweets/:id' });
      } catch (error) {
        if (!(error instanceof ConnectorError && error.kind === 'not_found')) throw error;
      }
    },

    async postMetrics(context, externalIds) {
      const metrics = new Map<string, MetricCounts>();
      for (let i = 0; i < externalIds.length; i += 100) {
        const body = await call<{ data?: TweetData[] }>(context, {
          method: 'GET',
          path: '/2/tweets',
          query: { ids: externalIds.slice(i, i + 100).join(','), 'tweet.fields': 'public_metrics' },
          bucket: 'GET /2/tweets',
        });
        for (const tweet of body.data ?? []) {
          const m = tweet.public_metrics;
          if (!m) continue;
          metrics.set(tweet.id, {
            impressions: m.impression_count ?? null,
            reach: null,
            views: null,
            likes: m.like_count,
            comments: m.reply_count,
            shares: m.retweet_count + m.quote_count,
            saves: m.bookmark_count ?? null,
            clicks: null,
          });
        }
      }
      return metrics;
    },

    async accountMetrics(context) {
      const user = await me(context, true);
      return { followers: user.public_metrics?.followers_count ?? null };
    },

    async whoAmI(context) {
      const user = await me(context);
      return {
        externalId: user.id,
        handle: `@${user.username}`,
        displayName: user.name,
        ...(context.token.scopes ? { scopes: context.token.scopes } : {}),
      };
    },
  };
}

function toRef(context: ConnectorContext, ids: string[]): PublishedRef {
  const first = ids[0];
  if (first === undefined) throw new ConnectorError('server', 'X returned no post');
  const handle = context.account.handle.replace(/^@/, '');
  const url = handle ? `https://x.com/${handle}/status/${first}` : `https://x.com/i/web/status/${first}`;
  return { externalId: first, url, partIds: ids };
}
