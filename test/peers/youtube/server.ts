import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearer } from '../shared/rest-peer';

/** Protocol peer of the YouTube Data API v3 (resumable upload, videos, channels, playlistItems). See README.md. */

export const YT_UPLOAD = 'https://www.googleapis.com/auth/youtube.upload';
export const YT_READONLY = 'https://www.googleapis.com/auth/youtube.readonly';
export const YT_FULL = 'https://www.googleapis.com/auth/youtube';
export const YT_FORCE_SSL = 'https://www.googleapis.com/auth/youtube.force-ssl';
export const YT_PARTNER = 'https://www.googleapis.com/auth/youtubepartner';

const CHUNK_UNIT = 256 * 1024;
const CATEGORIES = new Set(['1', '2', '10', '15', '17', '19', '20', '22', '23', '24', '25', '26', '27', '28', '29']);
const SNIPPET_KEYS = new Set(['title', 'description', 'tags', 'categoryId', 'defaultLanguage', 'defaultAudioLanguage']);
const STATUS_KEYS = new Set([
  'privacyStatus',
  'embeddable',
  'license',
  'publicStatsViewable',
  'publishAt',
  'selfDeclaredMadeForKids',
  'containsSyntheticMedia',
]);
/** Quota costs (units) per the Data API quota table. */
const COST = { upload: 100, list: 1, delete: 50 };

export type YouTubeFault =
  | { kind: 'error'; status: number; body: unknown; path?: RegExp; method?: string }
  | { kind: 'drop-before'; path?: RegExp; method?: string }
  /** During an upload PUT: keep the first `afterBytes` bytes of this request's body, then cut the connection. */
  | { kind: 'drop-upload'; afterBytes: number }
  | { kind: 'stall'; path?: RegExp; method?: string };

export interface PeerVideo {
  id: string;
  title: string;
  description: string;
  tags: string[];
  categoryId: string;
  privacyStatus: string;
  publishedAt: string;
  bytes: number;
  statistics: { viewCount: number; likeCount: number; commentCount: number };
  deleted: boolean;
}

export interface PeerSession {
  id: string;
  total: number;
  contentType: string;
  /** Bytes persisted so far (always a prefix of the file). */
  received: number;
  metadata: { snippet: Record<string, unknown>; status: Record<string, unknown> };
  videoId: string | null;
}

export interface UploadPut {
  contentRange: string;
  /** Body bytes this request delivered to the peer. */
  bytes: number;
}

export interface YouTubePeer {
  readonly origin: string;
  readonly channel: { id: string; title: string; handle: string; subscribers: number; uploads: string };
  readonly puts: UploadPut[];
  readonly requests: { method: string; path: string; query: URLSearchParams }[];
  /** Quota units spent today. */
  quotaUsed(): number;
  videos(): PeerVideo[];
  video(id: string): PeerVideo | undefined;
  session(id: string): PeerSession | undefined;
  inject(fault: YouTubeFault): void;
  issueToken(scopes?: string[], expiresInMs?: number): string;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const googleError = (status: number, reason: string, message: string, domain = 'youtube.video'): Reply => ({
  status,
  body: {
    error: {
      code: status,
      message,
      errors: [{ message, domain, reason }],
      ...(status === 401 ? { status: 'UNAUTHENTICATED' } : status === 403 ? { status: 'PERMISSION_DENIED' } : {}),
    },
  },
});
const UNAUTHORIZED: Reply = {
  ...googleError(
    401,
    'authError',
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
    'global',
  ),
  headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
};
/**
 * A token without any scope the method accepts (developers.google.com/youtube/v3/docs/errors:
 * forbidden/insufficientPermissions; the header per RFC 6750 §3.1 `insufficient_scope`).
 */
const insufficient = (anyOf: string[]): Reply => {
  const reply = googleError(
    403,
    'insufficientPermissions',
    'Request had insufficient authentication scopes.',
    'global',
  );
  const body = reply.body as { error: { errors: { message: string }[] } };
  body.error.errors = body.error.errors.map((e) => ({ ...e, message: 'Insufficient Permission' }));
  return {
    ...reply,
    headers: {
      'www-authenticate': `Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="${anyOf.join(' ')}"`,
    },
  };
};
const bad = (reason: string, message: string) => googleError(400, reason, message);

/** YouTube's tag budget: the tags joined by commas, a tag with a space counted with its quotes. */
export function youtubeTagLength(tags: string[]): number {
  return tags.reduce((sum, tag, i) => sum + tag.length + (tag.includes(' ') ? 2 : 0) + (i > 0 ? 1 : 0), 0);
}

export async function startYouTubePeer(options: { dailyQuota?: number } = {}): Promise<YouTubePeer> {
  const dailyQuota = options.dailyQuota ?? 10_000;
  const channel = {
    id: 'UCpeer0000000000000000001',
    title: 'Peer Creator',
    handle: '@peercreator',
    subscribers: 1357,
    uploads: 'UUpeer0000000000000000001',
  };
  const tokens = new Map<string, { scopes: string[]; expiresAt: number }>();
  const videos = new Map<string, PeerVideo>();
  const sessions = new Map<string, PeerSession>();
  const faults: YouTubeFault[] = [];
  const puts: UploadPut[] = [];
  const requests: YouTubePeer['requests'] = [];
  let quotaUsed = 0;

  const issue = (scopes = [YT_UPLOAD, YT_READONLY], expiresInMs = 3600_000): string => {
    const token = `ya29.${randomBytes(24).toString('base64url')}`;
    tokens.set(token, { scopes, expiresAt: Date.now() + expiresInMs });
    return token;
  };

  const takeFault = (method: string, path: string): YouTubeFault | undefined => {
    const index = faults.findIndex((f) =>
      f.kind === 'drop-upload'
        ? method === 'PUT'
        : (f.path === undefined || f.path.test(path)) && (f.method === undefined || f.method === method),
    );
    return index === -1 ? undefined : faults.splice(index, 1)[0];
  };

  const send = (res: ServerResponse, reply: Reply): void => {
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      ...(text ? { 'content-type': 'application/json; charset=UTF-8' } : {}),
      'content-length': String(Buffer.byteLength(text)),
      ...reply.headers,
    });
    res.end(text);
  };

  /** Auth, scope and quota for an API call; null when it may proceed. */
  const guard = (req: IncomingMessage, anyOf: string[], cost: number): Reply | null => {
    const token = bearer(req.headers);
    const entry = token === undefined ? undefined : tokens.get(token);
    if (!entry || entry.expiresAt <= Date.now()) return UNAUTHORIZED;
    if (!anyOf.some((s) => entry.scopes.includes(s))) {
      // developers.google.com/youtube/v3/determine_quota_cost: every request, even an invalid one, costs
      // at least one unit.
      quotaUsed = Math.min(dailyQuota, quotaUsed + 1);
      return insufficient(anyOf);
    }
    if (quotaUsed + cost > dailyQuota)
      return googleError(
        403,
        'quotaExceeded',
        'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
        'youtube.quota',
      );
    quotaUsed += cost;
    return null;
  };

  const readAll = async (req: IncomingMessage): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  const videoJson = (v: PeerVideo, parts: string[]): Record<string, unknown> => ({
    kind: 'youtube#video',
    etag: randomBytes(8).toString('hex'),
    id: v.id,
    ...(parts.includes('snippet')
      ? {
          snippet: {
            publishedAt: v.publishedAt,
            channelId: channel.id,
            title: v.title,
            description: v.description,
            tags: v.tags,
            categoryId: v.categoryId,
            channelTitle: channel.title,
          },
        }
      : {}),
    ...(parts.includes('status')
      ? { status: { uploadStatus: 'uploaded', privacyStatus: v.privacyStatus, license: 'youtube', embeddable: true } }
      : {}),
    ...(parts.includes('statistics')
      ? {
          statistics: {
            viewCount: String(v.statistics.viewCount),
            likeCount: String(v.statistics.likeCount),
            favoriteCount: '0',
            commentCount: String(v.statistics.commentCount),
          },
        }
      : {}),
  });

  const startSession = async (req: IncomingMessage, url: URL, origin: string): Promise<Reply> => {
    const body = await readAll(req);
    const denied = guard(req, [YT_UPLOAD, YT_FULL, YT_FORCE_SSL], COST.upload);
    if (denied) return denied;
    if (url.searchParams.get('uploadType') !== 'resumable')
      return bad('invalidUploadType', 'This peer supports uploadType=resumable only.');
    const parts = (url.searchParams.get('part') ?? '').split(',').filter(Boolean);
    if (!parts.includes('snippet')) return bad('missingRequiredParameter', 'No filter selected. Expected one of: part');
    const type = (req.headers['content-type'] ?? '').toLowerCase();
    if (!type.startsWith('application/json')) return bad('parseError', 'The metadata must be application/json.');
    const length = Number(req.headers['x-upload-content-length']);
    const mediaType = String(req.headers['x-upload-content-type'] ?? '');
    if (!Number.isInteger(length) || length <= 0)
      return bad('badContent', 'X-Upload-Content-Length must be the size of the video in bytes.');
    if (!/^video\/|^application\/octet-stream$/.test(mediaType))
      return bad('badContent', 'The media content type is not a video (X-Upload-Content-Type).');
    let metadata: Record<string, unknown>;
    try {
      metadata = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return bad('parseError', 'Parse Error');
    }
    if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata))
      return bad('parseError', 'Parse Error');
    const unexpected = Object.keys(metadata).find((k) => !parts.includes(k));
    if (unexpected) return bad('unexpectedPart', `The request metadata specifies an unexpected part: ${unexpected}.`);
    const snippet = (metadata.snippet ?? {}) as Record<string, unknown>;
    const status = (metadata.status ?? {}) as Record<string, unknown>;
    const unknownSnippet = Object.keys(snippet).find((k) => !SNIPPET_KEYS.has(k));
    const unknownStatus = Object.keys(status).find((k) => !STATUS_KEYS.has(k));
    if (unknownSnippet || unknownStatus)
      return bad('invalidVideoMetadata', `Unknown property ${unknownSnippet ?? unknownStatus} in the video resource.`);
    const { title, description = '', tags = [], categoryId = '22' } = snippet;
    if (typeof title !== 'string' || title.trim() === '' || title.length > 100 || /[<>]/.test(title))
      return bad('invalidTitle', 'The request metadata specifies an invalid or empty video title.');
    if (typeof description !== 'string' || Buffer.byteLength(description) > 5000 || /[<>]/.test(description))
      return bad('invalidDescription', 'The request metadata specifies an invalid video description.');
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string') || youtubeTagLength(tags as string[]) > 500)
      return bad('invalidTags', 'The request metadata specifies invalid video keywords.');
    if (typeof categoryId !== 'string' || !CATEGORIES.has(categoryId))
      return bad('invalidCategoryId', 'The snippet.categoryId property specifies an invalid category ID.');
    const privacy = status.privacyStatus ?? 'public';
    if (!['public', 'unlisted', 'private'].includes(String(privacy)))
      return bad('invalidVideoMetadata', 'status.privacyStatus must be public, unlisted or private.');
    if (status.selfDeclaredMadeForKids !== undefined && typeof status.selfDeclaredMadeForKids !== 'boolean')
      return bad('invalidVideoMetadata', 'status.selfDeclaredMadeForKids must be a boolean.');
    const id = randomBytes(18).toString('base64url');
    sessions.set(id, {
      id,
      total: length,
      contentType: mediaType,
      received: 0,
      metadata: { snippet: { title, description, tags, categoryId }, status: { ...status, privacyStatus: privacy } },
      videoId: null,
    });
    const location = `${origin}/upload/youtube/v3/videos?uploadType=resumable&part=${parts.join(',')}&upload_id=${id}`;
    return { status: 200, headers: { location, 'x-guploader-uploadid': id } };
  };

  const finish = (s: PeerSession): Reply => {
    if (!s.videoId) {
      const v: PeerVideo = {
        id: randomBytes(8).toString('base64url').slice(0, 11),
        title: String(s.metadata.snippet.title),
        description: String(s.metadata.snippet.description),
        tags: s.metadata.snippet.tags as string[],
        categoryId: String(s.metadata.snippet.categoryId),
        privacyStatus: String(s.metadata.status.privacyStatus),
        publishedAt: new Date().toISOString(),
        bytes: s.total,
        statistics: { viewCount: 0, likeCount: 0, commentCount: 0 },
        deleted: false,
      };
      videos.set(v.id, v);
      s.videoId = v.id;
    }
    return { status: 200, body: videoJson(videos.get(s.videoId) as PeerVideo, ['snippet', 'status']) };
  };

  const rangeHeader = (s: PeerSession): Record<string, string> =>
    s.received > 0 ? { range: `bytes=0-${s.received - 1}` } : {};

  /** A PUT to the session URI: a chunk, the last chunk, or a status query (`bytes *\/total`). */
  const uploadPut = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    fault: YouTubeFault | undefined,
  ): Promise<void> => {
    const session = sessions.get(url.searchParams.get('upload_id') ?? '');
    const contentRange = String(req.headers['content-range'] ?? '');
    if (!session) {
      await readAll(req);
      return send(res, {
        status: 404,
        body: { error: { code: 404, message: 'Upload session not found or expired.' } },
      });
    }
    const query = /^bytes \*\/(\d+)$/.exec(contentRange);
    const chunk = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(contentRange);
    if (query) {
      await readAll(req);
      puts.push({ contentRange, bytes: 0 });
      if (Number(query[1]) !== session.total)
        return send(res, bad('badContent', 'Content-Range total does not match.'));
      if (session.videoId) return send(res, finish(session));
      return send(res, { status: 308, headers: rangeHeader(session) });
    }
    if (!chunk) {
      await readAll(req);
      return send(res, bad('badContent', 'Content-Range is required: bytes first-last/total or bytes */total.'));
    }
    const [first, last, total] = [Number(chunk[1]), Number(chunk[2]), Number(chunk[3])];
    const length = last - first + 1;
    const isFinal = last + 1 === total;
    let got = 0;
    const kept: Buffer[] = [];
    const limit = fault?.kind === 'drop-upload' ? fault.afterBytes : Number.POSITIVE_INFINITY;
    for await (const piece of req) {
      const buffer = piece as Buffer;
      const room = limit - got;
      kept.push(buffer.subarray(0, Math.max(0, room)));
      got += Math.min(buffer.length, Math.max(0, room));
      if (got >= limit) break;
    }
    const valid =
      total === session.total &&
      first === session.received &&
      last >= first &&
      last < total &&
      (isFinal || length % CHUNK_UNIT === 0);
    if (fault?.kind === 'drop-upload') {
      // The connection broke mid-body: what arrived before the cut is persisted.
      if (valid) session.received += Math.min(got, length);
      puts.push({ contentRange, bytes: Math.min(got, length) });
      res.socket?.destroy();
      return;
    }
    puts.push({ contentRange, bytes: got });
    if (total !== session.total) return send(res, bad('badContent', 'Content-Range total does not match the session.'));
    if (first !== session.received)
      return send(res, {
        ...bad('badContent', `Expected the upload to continue at byte ${session.received}.`),
        headers: rangeHeader(session),
      });
    if (got !== length) return send(res, bad('badContent', 'The body length does not match Content-Range.'));
    if (!isFinal && length % CHUNK_UNIT !== 0)
      return send(res, bad('badContent', 'Each chunk but the last must be a multiple of 256 KiB.'));
    session.received += got;
    if (session.received < session.total) return send(res, { status: 308, headers: rangeHeader(session) });
    return send(res, finish(session));
  };

  const api = async (req: IncomingMessage, url: URL): Promise<Reply> => {
    const route = `${req.method} ${url.pathname}`;
    const q = url.searchParams;
    const parts = (q.get('part') ?? '').split(',').filter(Boolean);
    if (route === 'GET /youtube/v3/videos') {
      const denied = guard(req, [YT_READONLY, YT_FULL, YT_FORCE_SSL], COST.list);
      if (denied) return denied;
      if (parts.length === 0 || parts.some((p) => !['snippet', 'status', 'statistics', 'id'].includes(p)))
        return bad('invalidPart', `The part parameter is invalid: ${q.get('part')}`);
      const ids = (q.get('id') ?? '').split(',').filter(Boolean);
      if (ids.length === 0 || ids.length > 50) return bad('invalidFilters', 'id must list 1 to 50 video ids.');
      const items = ids.flatMap((id) => {
        const v = videos.get(id);
        return v && !v.deleted ? [videoJson(v, parts)] : [];
      });
      return {
        status: 200,
        body: {
          kind: 'youtube#videoListResponse',
          items,
          pageInfo: { totalResults: items.length, resultsPerPage: items.length },
        },
      };
    }
    if (route === 'DELETE /youtube/v3/videos') {
      // developers.google.com/youtube/v3/docs/videos/delete: youtube, youtube.force-ssl or youtubepartner
      // (never youtube.upload / youtube.readonly); 50 units; 204 with no body; videoNotFound 404.
      const denied = guard(req, [YT_FULL, YT_FORCE_SSL, YT_PARTNER], COST.delete);
      if (denied) return denied;
      if (!q.get('id')) return bad('missingRequiredParameter', 'No filter selected. Expected one of: id');
      const v = videos.get(q.get('id') ?? '');
      if (!v || v.deleted)
        return googleError(404, 'videoNotFound', 'The video that you are trying to delete cannot be found.');
      v.deleted = true;
      return { status: 204 };
    }
    if (route === 'GET /youtube/v3/channels') {
      const denied = guard(req, [YT_READONLY, YT_FULL, YT_FORCE_SSL], COST.list);
      if (denied) return denied;
      if (q.get('mine') !== 'true') return bad('missingRequiredParameter', 'This peer knows mine=true only.');
      if (parts.length === 0 || parts.some((p) => !['snippet', 'statistics', 'contentDetails', 'id'].includes(p)))
        return bad('invalidPart', `The part parameter is invalid: ${q.get('part')}`);
      const item: Record<string, unknown> = { kind: 'youtube#channel', id: channel.id };
      if (parts.includes('snippet')) item.snippet = { title: channel.title, customUrl: channel.handle };
      if (parts.includes('statistics'))
        item.statistics = {
          viewCount: '0',
          subscriberCount: String(channel.subscribers),
          hiddenSubscriberCount: false,
          videoCount: String(videos.size),
        };
      if (parts.includes('contentDetails'))
        item.contentDetails = { relatedPlaylists: { likes: '', uploads: channel.uploads } };
      return { status: 200, body: { kind: 'youtube#channelListResponse', items: [item] } };
    }
    if (route === 'GET /youtube/v3/playlistItems') {
      const denied = guard(req, [YT_READONLY, YT_FULL, YT_FORCE_SSL], COST.list);
      if (denied) return denied;
      if (q.get('playlistId') !== channel.uploads)
        return googleError(
          404,
          'playlistNotFound',
          "The playlist identified with the request's playlistId parameter cannot be found.",
        );
      const max = Number(q.get('maxResults') ?? 5);
      if (!Number.isInteger(max) || max < 0 || max > 50) return bad('invalidParameter', 'maxResults must be 0 to 50.');
      const items = [...videos.values()]
        .filter((v) => !v.deleted)
        .reverse()
        .slice(0, max)
        .map((v) => ({
          kind: 'youtube#playlistItem',
          id: `PLI${v.id}`,
          snippet: {
            publishedAt: v.publishedAt,
            title: v.title,
            description: v.description,
            resourceId: { kind: 'youtube#video', videoId: v.id },
          },
        }));
      return { status: 200, body: { kind: 'youtube#playlistItemListResponse', items } };
    }
    await readAll(req);
    return googleError(404, 'notFound', `Unknown route ${route}`, 'global');
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://peer.invalid');
      const method = req.method ?? 'GET';
      requests.push({ method, path: url.pathname, query: url.searchParams });
      const fault = takeFault(method, url.pathname);
      if (fault?.kind === 'drop-before') return void res.socket?.destroy();
      if (fault?.kind === 'stall') return;
      if (fault?.kind === 'error') return send(res, { status: fault.status, body: fault.body });
      if (method === 'POST' && url.pathname === '/upload/youtube/v3/videos')
        return send(res, await startSession(req, url, origin));
      if (method === 'PUT' && url.pathname === '/upload/youtube/v3/videos') return uploadPut(req, res, url, fault);
      send(res, await api(req, url));
    })().catch((error: unknown) => {
      console.error('youtube peer failed', error);
      if (!res.headersSent) res.writeHead(599);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    channel,
    puts,
    requests,
    quotaUsed: () => quotaUsed,
    videos: () => [...videos.values()].filter((v) => !v.deleted),
    video: (id) => videos.get(id),
    session: (id) => sessions.get(id),
    inject: (fault) => void faults.push(fault),
    issueToken: issue,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Google's error bodies for the usual faults. */
export const youtubeFaults = {
  quotaExceeded: (path?: RegExp): YouTubeFault => ({
    kind: 'error',
    status: 403,
    body: googleError(
      403,
      'quotaExceeded',
      'The request cannot be completed because you have exceeded your quota.',
      'youtube.quota',
    ).body,
    ...(path ? { path } : {}),
  }),
  rateLimited: (path?: RegExp): YouTubeFault => ({
    kind: 'error',
    status: 429,
    body: googleError(429, 'rateLimitExceeded', 'Too many requests.', 'usageLimits').body,
    ...(path ? { path } : {}),
  }),
  serverError: (status = 503, path?: RegExp, method?: string): YouTubeFault => ({
    kind: 'error',
    status,
    body: googleError(status, 'backendError', 'Backend Error', 'global').body,
    ...(path ? { path } : {}),
    ...(method ? { method } : {}),
  }),
};
