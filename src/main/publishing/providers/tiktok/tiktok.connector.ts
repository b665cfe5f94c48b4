import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  ConnectorError,
  type ConnectorContext,
  type MediaItem,
  type MetricCounts,
  type PlatformConnector,
  type PublishOutcome,
  type PublishRequest,
  type RemoteState,
  type ValidationFinding,
} from '../connector';
import { tiktokFetch, tiktokPutChunk, type TikTokCall } from './tiktok.http';

export type TikTokPrivacy = 'PUBLIC_TO_EVERYONE' | 'MUTUAL_FOLLOW_FRIENDS' | 'FOLLOWER_OF_CREATOR' | 'SELF_ONLY';

export interface TikTokConnectorOptions {
  timeoutMs?: number;
  /** Bytes per chunk for videos of 5 MB and more (TikTok: 5–64 MB; the last chunk takes the rest). */
  chunkBytes?: number;
  /** Audited apps may post publicly; unaudited ones only SELF_ONLY (to private accounts). */
  audited?: boolean;
  statusPollMs?: number;
  statusPollsPerPublish?: number;
}

export const TIKTOK_SCOPES = ['user.info.basic', 'video.publish', 'video.upload'];
export const TIKTOK_MAX_TITLE = 2200;
const MB = 1024 * 1024;
const MIN_CHUNK = 5 * MB;
const MAX_CHUNK = 64 * MB;
const MAX_VIDEO_BYTES = 4 * 1024 * MB;
const VIDEO_MIME = ['video/mp4', 'video/quicktime', 'video/webm'];

interface CreatorInfo {
  creator_username: string;
  creator_nickname: string;
  privacy_level_options: TikTokPrivacy[];
  comment_disabled: boolean;
  duet_disabled: boolean;
  stitch_disabled: boolean;
  max_video_post_duration_sec: number;
}
interface PublishStatus {
  status: 'PROCESSING_UPLOAD' | 'PROCESSING_DOWNLOAD' | 'SEND_TO_USER_INBOX' | 'PUBLISH_COMPLETE' | 'FAILED';
  fail_reason?: string;
  /** TikTok's own spelling. */
  publicaly_available_post_id?: (number | string)[];
}
interface VideoData {
  id: string;
  title?: string;
  video_description?: string;
  create_time?: number;
  like_count?: number;
  comment_count?: number;
  share_count?: number;
  view_count?: number;
}

const titleOf = (request: PublishRequest): string => request.parts.map((p) => p.trim()).join('\n\n');

/** TikTok's rules: exactly one video, title up to 2200 characters. */
export function validateTikTok(request: PublishRequest): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const error = (message: string) => findings.push({ severity: 'error', message });
  const videos = request.media.filter((m) => m.kind === 'video');
  if (videos.length === 0) error('TikTok needs a video: add one to post there.');
  if (videos.length > 1) error('TikTok takes one video per post.');
  if (request.media.some((m) => m.kind === 'image')) error('Cadence posts only video to TikTok: remove the images.');
  if (request.parts.length > 1)
    findings.push({ severity: 'warning', message: 'TikTok has no threads: the parts become one caption.' });
  const title = titleOf(request);
  if (title.length > TIKTOK_MAX_TITLE) error(`The caption is ${title.length} of ${TIKTOK_MAX_TITLE} characters.`);
  for (const item of videos) {
    const name = basename(item.path);
    if (!VIDEO_MIME.includes(item.mime)) error(`${name}: TikTok does not accept ${item.mime}.`);
    if (item.bytes > MAX_VIDEO_BYTES) error(`${name} is larger than TikTok's 4 GB.`);
  }
  return findings;
}

/** How a FILE_UPLOAD is cut: under 5 MB whole; else chunks of `chunk` bytes, the last taking the rest. */
export function chunkPlan(size: number, preferred: number): { chunkSize: number; count: number } {
  if (size < MIN_CHUNK) return { chunkSize: size, count: 1 };
  const chunkSize = Math.min(Math.max(preferred, MIN_CHUNK), MAX_CHUNK, size);
  return { chunkSize, count: Math.floor(size / chunkSize) };
}

/** TikTok Content Posting API (Direct Post, FILE_UPLOAD), Display API for metrics. */
export function createTikTokConnector(options: TikTokConnectorOptions = {}): PlatformConnector {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const chunkBytes = options.chunkBytes ?? 10 * MB;
  const pollMs = options.statusPollMs ?? 3_000;
  const pollsPerPublish = options.statusPollsPerPublish ?? 5;
  const call = <T>(context: ConnectorContext, request: TikTokCall): Promise<T> =>
    tiktokFetch<T>(context, request, timeoutMs);

  const creatorInfo = (context: ConnectorContext) =>
    call<CreatorInfo>(context, {
      method: 'POST',
      path: '/v2/post/publish/creator_info/query/',
      bucket: 'POST /v2/post/publish/creator_info/query/',
    });

  function choosePrivacy(info: CreatorInfo): TikTokPrivacy {
    const offered = info.privacy_level_options;
    const wanted: TikTokPrivacy[] = options.audited ? ['PUBLIC_TO_EVERYONE', 'SELF_ONLY'] : ['SELF_ONLY'];
    const level = wanted.find((p) => offered.includes(p));
    if (!level) {
      throw new ConnectorError(
        'invalid',
        `TikTok offers this account only ${offered.join(', ') || 'no privacy levels'}; until Cadence's app is audited it may post only SELF_ONLY.`,
      );
    }
    return level;
  }

  async function upload(
    context: ConnectorContext,
    uploadUrl: string,
    video: MediaItem,
    size: number,
    chunkSize: number,
    count: number,
  ) {
    const file = await open(video.path, 'r');
    try {
      for (let index = 0; index < count; index += 1) {
        const first = index * chunkSize;
        const last = index === count - 1 ? size - 1 : first + chunkSize - 1;
        const chunk = Buffer.alloc(last - first + 1);
        await file.read(chunk, 0, chunk.length, first);
        await tiktokPutChunk(context, uploadUrl, chunk, { first, last, total: size }, video.mime, timeoutMs);
      }
    } finally {
      await file.close();
    }
  }

  async function status(context: ConnectorContext, publishId: string): Promise<PublishOutcome> {
    const body = await call<PublishStatus>(context, {
      method: 'POST',
      path: '/v2/post/publish/status/fetch/',
      json: { publish_id: publishId },
      bucket: 'POST /v2/post/publish/status/fetch/',
    });
    if (body.status === 'FAILED')
      throw new ConnectorError('invalid', `TikTok could not publish the video: ${body.fail_reason ?? 'failed'}`, {
        platformCode: body.fail_reason ?? 'FAILED',
      });
    if (body.status === 'PUBLISH_COMPLETE') {
      const postId = body.publicaly_available_post_id?.[0];
      const handle = context.account.handle.replace(/^@/, '');
      // Without a public post id (private posts, moderation) the publish id is all there is.
      return postId === undefined
        ? { status: 'published', externalId: publishId, url: null }
        : {
            status: 'published',
            externalId: String(postId),
            url: handle ? `https://www.tiktok.com/@${handle}/video/${String(postId)}` : null,
          };
    }
    return { status: 'pending', remote: { publishId }, checkAfterMs: pollMs };
  }

  return {
    platform: 'tiktok',
    auth: {
      kind: 'oauth2-pkce',
      authorizeUrl: 'https://www.tiktok.com/v2/auth/authorize/',
      tokenUrl: 'https://open.tiktokapis.com/v2/oauth/token/',
      revokeUrl: 'https://open.tiktokapis.com/v2/oauth/revoke/',
      scopes: TIKTOK_SCOPES,
      requiredScopes: ['video.publish', 'video.upload'],
      // Login Kit for Desktop (https://developers.tiktok.com/doc/login-kit-desktop/): the app id goes in
      // `client_key`, scopes are comma-separated, and the PKCE challenge is the hex SHA-256 of the
      // verifier; the token call needs client_secret
      // (https://developers.tiktok.com/doc/oauth-user-access-token-management).
      exchange: 'confidential',
      clientIdParam: 'client_key',
      scopeSeparator: ',',
      pkceChallengeEncoding: 'hex',
    },

    validate: validateTikTok,

    async publish(context, request) {
      const errors = validateTikTok(request).filter((f) => f.severity === 'error');
      if (errors.length > 0) throw new ConnectorError('invalid', errors.map((f) => f.message).join(' '));
      const video = request.media[0];
      if (!video) throw new ConnectorError('invalid', 'TikTok needs a video.');
      // creator_info first: privacy options and interaction settings must come from it.
      const info = await creatorInfo(context);
      if (video.durationMs !== null && video.durationMs > info.max_video_post_duration_sec * 1000)
        throw new ConnectorError(
          'invalid',
          `This account may post videos up to ${info.max_video_post_duration_sec} s.`,
        );
      const file = await open(video.path, 'r');
      const size = (await file.stat()).size;
      await file.close();
      const plan = chunkPlan(size, chunkBytes);
      const init = await call<{ publish_id: string; upload_url: string }>(context, {
        method: 'POST',
        path: '/v2/post/publish/video/init/',
        json: {
          post_info: {
            title: titleOf(request),
            privacy_level: choosePrivacy(info),
            disable_comment: info.comment_disabled,
            disable_duet: info.duet_disabled,
            disable_stitch: info.stitch_disabled,
          },
          source_info: {
            source: 'FILE_UPLOAD',
            video_size: size,
            chunk_size: plan.chunkSize,
            total_chunk_count: plan.count,
          },
        },
        bucket: 'POST /v2/post/publish/video/init/',
      });
      await upload(context, init.upload_url, video, size, plan.chunkSize, plan.count);
      let outcome = await status(context, init.publish_id);
      for (let poll = 1; outcome.status === 'pending' && poll < pollsPerPublish; poll += 1) {
        await new Promise((resolve) => setTimeout(resolve, pollMs));
        outcome = await status(context, init.publish_id);
      }
      return outcome;
    },

    async checkStatus(context, remote: RemoteState) {
      if (typeof remote.publishId !== 'string')
        throw new ConnectorError('invalid', 'This pending TikTok publish has no publish id to check.');
      return status(context, remote.publishId);
    },

    async findExisting(context, request, since) {
      // No idempotency key: match the caption among recent videos (needs video.list; else unknown).
      if (context.token.scopes && !context.token.scopes.includes('video.list')) return null;
      let body: { videos?: VideoData[] };
      try {
        body = await call(context, {
          method: 'POST',
          path: '/v2/video/list/',
          query: { fields: 'id,title,video_description,create_time' },
          json: { max_count: 20 },
          bucket: 'POST /v2/video/list/',
        });
      } catch (error) {
        if (error instanceof ConnectorError && error.kind === 'missing_scope') return null;
        throw error;
      }
      const after = Math.floor(Date.parse(since) / 1000) - 60;
      const wanted = titleOf(request).replace(/\s+/g, ' ').trim();
      const found = (body.videos ?? []).find(
        (v) =>
          (v.create_time ?? 0) >= after &&
          (v.video_description ?? v.title ?? '').replace(/\s+/g, ' ').trim() === wanted,
      );
      if (!found) return null;
      const handle = context.account.handle.replace(/^@/, '');
      return { externalId: found.id, url: handle ? `https://www.tiktok.com/@${handle}/video/${found.id}` : null };
    },

    async delete() {
      throw new ConnectorError('invalid', 'TikTok does not let apps delete posts: delete it in the TikTok app.');
    },

    async postMetrics(context, externalIds) {
      const metrics = new Map<string, MetricCounts>();
      const ids = externalIds.filter((id) => /^\d+$/.test(id));
      for (let i = 0; i < ids.length; i += 20) {
        const body = await call<{ videos?: VideoData[] }>(context, {
          method: 'POST',
          path: '/v2/video/query/',
          query: { fields: 'id,like_count,comment_count,share_count,view_count' },
          json: { filters: { video_ids: ids.slice(i, i + 20) } },
          bucket: 'POST /v2/video/query/',
        });
        for (const v of body.videos ?? []) {
          metrics.set(v.id, {
            impressions: null,
            reach: null,
            views: v.view_count ?? null,
            likes: v.like_count ?? null,
            comments: v.comment_count ?? null,
            shares: v.share_count ?? null,
            saves: null,
            clicks: null,
          });
        }
      }
      return metrics;
    },

    async accountMetrics(context) {
      // follower_count needs user.info.stats, which Cadence does not ask for by default.
      if (!context.token.scopes?.includes('user.info.stats')) return { followers: null };
      const body = await call<{ user: { follower_count?: number } }>(context, {
        method: 'GET',
        path: '/v2/user/info/',
        query: { fields: 'follower_count' },
        bucket: 'GET /v2/user/info/',
      });
      return { followers: body.user.follower_count ?? null };
    },

    async whoAmI(context) {
      const body = await call<{ user: { open_id: string; display_name?: string } }>(context, {
        method: 'GET',
        path: '/v2/user/info/',
        query: { fields: 'open_id,display_name' },
        bucket: 'GET /v2/user/info/',
      });
      const info = await creatorInfo(context);
      return {
        externalId: body.user.open_id,
        handle: `@${info.creator_username}`,
        displayName: body.user.display_name ?? info.creator_nickname,
        ...(context.token.scopes ? { scopes: context.token.scopes } : {}),
      };
    },
  };
}
