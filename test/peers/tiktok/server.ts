import { randomBytes } from 'node:crypto';
import {
  bearer,
  type RestFault,
  type RestPeer,
  type RestReply,
  type RestRequest,
  startRestPeer,
} from '../shared/rest-peer';

/** Protocol peer of TikTok's Content Posting API (Direct Post, FILE_UPLOAD) and Display API. See README.md. */

export const TIKTOK_ALL_SCOPES = ['user.info.basic', 'video.publish', 'video.upload', 'video.list'];
const PRIVACY = ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY'];
const MB = 1024 * 1024;

export interface TikTokPeerOptions {
  /** An audited client may post publicly; an unaudited one only SELF_ONLY to a private account. */
  audited?: boolean;
  /** The creator's account is private (its options then lack PUBLIC_TO_EVERYONE). */
  privateAccount?: boolean;
  /** Status fetches answered PROCESSING_UPLOAD after the last chunk before PUBLISH_COMPLETE. */
  processingPolls?: number;
  /** Requests per token per endpoint per minute (TikTok: init 6, creator_info 20, status 30, video 600). */
  limits?: Partial<Record<string, number>>;
}

export interface PeerVideo {
  publishId: string;
  postId: string;
  title: string;
  privacy: string;
  size: number;
  chunkSize: number;
  chunks: number;
  received: number;
  chunksReceived: number;
  pollsLeft: number;
  createdAt: number;
  metrics: { like_count: number; comment_count: number; share_count: number; view_count: number };
}

export interface TikTokPeer extends RestPeer {
  readonly creator: { openId: string; username: string; nickname: string; followers: number };
  videos(): PeerVideo[];
  byPublishId(id: string): PeerVideo | undefined;
  issueToken(scopes?: string[], expiresInMs?: number): string;
}

const DEFAULT_LIMITS: Record<string, number> = {
  '/v2/post/publish/video/init/': 6,
  '/v2/post/publish/creator_info/query/': 20,
  '/v2/post/publish/status/fetch/': 30,
  '/v2/video/query/': 600,
  '/v2/video/list/': 600,
  '/v2/user/info/': 600,
};
const SCOPES: Record<string, string> = {
  '/v2/post/publish/video/init/': 'video.publish',
  '/v2/post/publish/creator_info/query/': 'video.publish',
  '/v2/post/publish/status/fetch/': 'video.publish',
  '/v2/video/query/': 'video.list',
  '/v2/video/list/': 'video.list',
  '/v2/user/info/': 'user.info.basic',
};

const logId = () => `2026${randomBytes(12).toString('hex').toUpperCase()}`;
const ok = (data: unknown): RestReply => ({
  status: 200,
  body: { data, error: { code: 'ok', message: '', log_id: logId() } },
});
const fail = (status: number, code: string, message: string): RestReply => ({
  status,
  body: { data: {}, error: { code, message, log_id: logId() } },
});
const invalid = (message: string) => fail(400, 'invalid_params', message);

function checkKeys(value: unknown, allowed: string[], where: string): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${where} must be an object`;
  const extra = Object.keys(value).find((k) => !allowed.includes(k));
  return extra ? `${where}.${extra} is not a known field` : null;
}

export async function startTikTokPeer(options: TikTokPeerOptions = {}): Promise<TikTokPeer> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits } as Record<string, number>;
  const processingPolls = options.processingPolls ?? 1;
  const creator = {
    openId: '-000OiOyl7ZzGKFD4vKJ8Jf6Vg',
    username: 'peer.creator',
    nickname: 'Peer Creator',
    followers: 812,
  };
  const tokens = new Map<string, { scopes: string[]; expiresAt: number }>();
  const videos = new Map<string, PeerVideo>();
  const uploads = new Map<string, string>();
  const usage = new Map<string, number[]>();
  // Post ids are int64 in JSON: kept below 2^53 here so a JavaScript reader keeps every digit.
  let nextId = 7_400_000_000_000_000n;
  const newId = (): string => String((nextId += 1n));
  let origin = '';

  const privacyOptions = () =>
    options.privateAccount ? ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'] : [...PRIVACY];

  const init = (req: RestRequest): RestReply => {
    if (req.body.kind !== 'json') return invalid('The request body must be JSON.');
    const body = req.body.value as { post_info?: Record<string, unknown>; source_info?: Record<string, unknown> };
    const bad =
      checkKeys(body, ['post_info', 'source_info'], 'body') ??
      checkKeys(
        body.post_info,
        [
          'title',
          'privacy_level',
          'disable_duet',
          'disable_comment',
          'disable_stitch',
          'video_cover_timestamp_ms',
          'brand_content_toggle',
          'brand_organic_toggle',
          'is_aigc',
        ],
        'post_info',
      ) ??
      checkKeys(
        body.source_info,
        ['source', 'video_size', 'chunk_size', 'total_chunk_count', 'video_url'],
        'source_info',
      );
    if (bad) return invalid(bad);
    const post = body.post_info ?? {};
    const source = body.source_info ?? {};
    if (post.title !== undefined && typeof post.title !== 'string') return invalid('post_info.title must be a string');
    const title = typeof post.title === 'string' ? post.title : '';
    if (title.length > 2200) return invalid('post_info.title is longer than 2200 UTF-16 runes');
    for (const key of ['disable_duet', 'disable_comment', 'disable_stitch'])
      if (post[key] !== undefined && typeof post[key] !== 'boolean')
        return invalid(`post_info.${key} must be a boolean`);
    if (!PRIVACY.includes(String(post.privacy_level))) return invalid('post_info.privacy_level is required');
    if (!privacyOptions().includes(String(post.privacy_level)))
      return fail(
        400,
        'privacy_level_option_mismatch',
        "The privacy_level is not one of the creator's privacy_level_options.",
      );
    if (!options.audited && (post.privacy_level !== 'SELF_ONLY' || !options.privateAccount))
      return fail(
        403,
        'unaudited_client_can_only_post_to_private_accounts',
        'Unaudited clients can only post SELF_ONLY to private accounts.',
      );
    if (source.source !== 'FILE_UPLOAD')
      return invalid('source_info.source must be FILE_UPLOAD (PULL_FROM_URL needs a verified domain)');
    const size = source.video_size;
    const chunk = source.chunk_size;
    const count = source.total_chunk_count;
    if (![size, chunk, count].every((v) => typeof v === 'number' && Number.isInteger(v) && v > 0))
      return invalid('source_info.video_size, chunk_size and total_chunk_count must be positive integers');
    const s = size as number;
    const c = chunk as number;
    const n = count as number;
    if (s < 5 * MB) {
      if (c !== s || n !== 1)
        return invalid('A video under 5 MB is uploaded whole: chunk_size = video_size, total_chunk_count = 1');
    } else {
      if (c < 5 * MB || c > 64 * MB || c > s) return invalid('chunk_size must be between 5 MB and 64 MB');
      if (n !== Math.floor(s / c)) return invalid('total_chunk_count must be video_size / chunk_size, rounded down');
      if (n > 1000) return invalid('total_chunk_count must be at most 1000');
      if (s - (n - 1) * c > 128 * MB) return invalid('The final chunk may be at most 128 MB');
    }
    const publishId = `v_pub_file~v2-1.${newId()}`;
    const uploadPath = `/upload/?upload_id=${newId()}&upload_token=${randomBytes(8).toString('hex')}`;
    uploads.set(uploadPath, publishId);
    videos.set(publishId, {
      publishId,
      postId: newId(),
      title,
      privacy: String(post.privacy_level),
      size: s,
      chunkSize: c,
      chunks: n,
      received: 0,
      chunksReceived: 0,
      pollsLeft: processingPolls,
      createdAt: Math.floor(Date.now() / 1000),
      metrics: { like_count: 0, comment_count: 0, share_count: 0, view_count: 0 },
    });
    return ok({ publish_id: publishId, upload_url: `${origin}${uploadPath}` });
  };

  const putChunk = (req: RestRequest): RestReply => {
    const path = `${req.path}?${req.query.toString()}`;
    const video = videos.get(uploads.get(path) ?? '');
    if (!video)
      return { status: 404, body: { error: { code: 'upload_not_found', message: 'Unknown or expired upload_url' } } };
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers['content-range'] ?? ''));
    const length = Number(req.headers['content-length'] ?? -1);
    if (!String(req.headers['content-type'] ?? '').startsWith('video/'))
      return {
        status: 400,
        body: { error: { code: 'invalid_file_upload', message: 'Content-Type must be the video MIME type' } },
      };
    if (!range)
      return {
        status: 400,
        body: { error: { code: 'invalid_file_upload', message: 'Content-Range must be bytes {first}-{last}/{total}' } },
      };
    const [first, last, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    const isLast = video.chunksReceived === video.chunks - 1;
    const expectedLength = isLast ? video.size - video.received : video.chunkSize;
    if (
      total !== video.size ||
      first !== video.received ||
      last - first + 1 !== expectedLength ||
      length !== expectedLength
    )
      return {
        status: 416,
        body: {
          error: {
            code: 'invalid_file_upload',
            message: `Expected bytes ${video.received}-${video.received + expectedLength - 1}/${video.size}`,
          },
        },
      };
    video.received += length;
    video.chunksReceived += 1;
    return { status: video.received === video.size ? 201 : 206 };
  };

  const api = (req: RestRequest): RestReply => {
    if (req.method === 'PUT' && req.path === '/upload/') return putChunk(req);
    const token = bearer(req.headers);
    const entry = token === undefined ? undefined : tokens.get(token);
    if (token === undefined || !entry || entry.expiresAt <= Date.now())
      return fail(401, 'access_token_invalid', 'The access token is invalid or not found in the request.');
    const scope = SCOPES[req.path];
    if (!scope) return fail(404, 'not_found', `Unknown endpoint ${req.method} ${req.path}`);
    if (!entry.scopes.includes(scope))
      return fail(
        401,
        'scope_not_authorized',
        `The user did not authorize the scope required for completing this request: ${scope}.`,
      );
    const key = `${token}:${req.path}`;
    const now = Date.now();
    const window = (usage.get(key) ?? []).filter((t) => t > now - 60_000);
    window.push(now);
    usage.set(key, window);
    if (window.length > (limits[req.path] ?? 600))
      return fail(429, 'rate_limit_exceeded', 'The API rate limit was exceeded. Please try again later.');
    const json = req.body.kind === 'json' ? (req.body.value as Record<string, unknown>) : {};

    switch (`${req.method} ${req.path}`) {
      case 'POST /v2/post/publish/creator_info/query/':
        return ok({
          creator_avatar_url: 'https://p16.tiktokcdn.example/avatar.jpeg',
          creator_username: creator.username,
          creator_nickname: creator.nickname,
          privacy_level_options: privacyOptions(),
          comment_disabled: false,
          duet_disabled: false,
          stitch_disabled: true,
          max_video_post_duration_sec: 600,
        });
      case 'POST /v2/post/publish/video/init/':
        return init(req);
      case 'POST /v2/post/publish/status/fetch/': {
        const bad = checkKeys(json, ['publish_id'], 'body');
        if (bad) return invalid(bad);
        const video = videos.get(String(json.publish_id));
        if (!video) return invalid('publish_id is invalid');
        if (video.received < video.size) return ok({ status: 'PROCESSING_UPLOAD', uploaded_bytes: video.received });
        if (video.pollsLeft > 0) {
          video.pollsLeft -= 1;
          return ok({ status: 'PROCESSING_UPLOAD', uploaded_bytes: video.received });
        }
        return ok({
          status: 'PUBLISH_COMPLETE',
          publicaly_available_post_id: [Number(video.postId)],
          uploaded_bytes: video.size,
        });
      }
      case 'POST /v2/video/query/': {
        const ids = (json.filters as { video_ids?: unknown } | undefined)?.video_ids;
        if (!Array.isArray(ids) || ids.length < 1 || ids.length > 20)
          return invalid('filters.video_ids must hold 1 to 20 ids');
        const fields = (req.query.get('fields') ?? '').split(',');
        const found = [...videos.values()].filter(
          (v) => ids.includes(v.postId) && v.pollsLeft === 0 && v.received === v.size,
        );
        return ok({
          videos: found.map((v) => ({
            id: v.postId,
            ...Object.fromEntries(Object.entries(v.metrics).filter(([k]) => fields.includes(k))),
            ...(fields.includes('title') ? { title: v.title } : {}),
          })),
          cursor: 0,
          has_more: false,
        });
      }
      case 'POST /v2/video/list/': {
        const max = json.max_count ?? 10;
        if (typeof max !== 'number' || max < 1 || max > 20) return invalid('max_count must be between 1 and 20');
        const done = [...videos.values()]
          .filter((v) => v.pollsLeft === 0 && v.received === v.size)
          .reverse()
          .slice(0, max);
        return ok({
          videos: done.map((v) => ({
            id: v.postId,
            title: v.title,
            video_description: v.title,
            create_time: v.createdAt,
          })),
          cursor: 0,
          has_more: false,
        });
      }
      case 'GET /v2/user/info/': {
        const fields = (req.query.get('fields') ?? '').split(',').filter(Boolean);
        if (fields.includes('follower_count') && !entry.scopes.includes('user.info.stats'))
          return fail(401, 'scope_not_authorized', 'follower_count needs user.info.stats.');
        const user: Record<string, unknown> = {
          open_id: creator.openId,
          display_name: creator.nickname,
          follower_count: creator.followers,
        };
        return ok({ user: Object.fromEntries(Object.entries(user).filter(([k]) => fields.includes(k))) });
      }
      default:
        return fail(404, 'not_found', `Unknown endpoint ${req.method} ${req.path}`);
    }
  };

  const peer = await startRestPeer((req) => api(req));
  origin = peer.origin;
  return {
    ...peer,
    creator,
    videos: () => [...videos.values()],
    byPublishId: (id) => videos.get(id),
    issueToken: (scopes = TIKTOK_ALL_SCOPES, expiresInMs = 24 * 3600 * 1000) => {
      const token = `act.${randomBytes(24).toString('hex')}`;
      tokens.set(token, { scopes, expiresAt: Date.now() + expiresInMs });
      return token;
    },
  };
}

/** Failures in TikTok's envelope. TikTok documents no rate-limit headers. */
export const tiktokFaults = {
  rateLimited: (path?: RegExp): RestFault => ({
    kind: 'error',
    status: 429,
    body: {
      data: {},
      error: {
        code: 'rate_limit_exceeded',
        message: 'The API rate limit was exceeded. Please try again later.',
        log_id: logId(),
      },
    },
    ...(path ? { path } : {}),
  }),
  serverError: (status = 500, path?: RegExp): RestFault => ({
    kind: 'error',
    status,
    body: {
      data: {},
      error: { code: 'internal_error', message: 'Something went wrong. Please try again later.', log_id: logId() },
    },
    ...(path ? { path } : {}),
  }),
};
