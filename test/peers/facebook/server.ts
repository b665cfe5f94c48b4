import { randomBytes } from 'node:crypto';
import {
  bearer,
  type RestFault,
  type RestPeer,
  type RestReply,
  type RestRequest,
  startRestPeer,
} from '../shared/rest-peer';
import { graphError, invalidParam, params, truthy, unknownObject } from './graph-reply';
import { startUploadFront, type UploadFault } from './upload-front';
import { createVideoRoutes, type PeerToken, type PeerVideo, type UploadSession } from './videos';

/** Protocol peer of the Facebook Graph API for Pages (feed, photos, videos, insights, Page tokens). See README.md. */

export const FACEBOOK_ALL_SCOPES = ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement', 'read_insights'];

export interface FacebookPeerOptions {
  /** Calls per token per hour before the throttling error (code 4 / 32). */
  rateLimit?: number;
  /** Video status reads that still say `processing` before the video is ready (2 by default). */
  videoProcessingPolls?: number;
}

export interface PeerPhoto {
  id: string;
  pageId: string;
  published: boolean;
  /** Set once the photo is attached to a post (an unpublished photo is attached once). */
  attachedTo: string | null;
  bytes: number;
  url: string | null;
  altText: string | null;
}

export interface PeerPost {
  id: string;
  pageId: string;
  message: string;
  link: string | null;
  photoIds: string[];
  /** The Page video this post shows (a video post's `status_type` is `added_video`). */
  videoId: string | null;
  createdTime: string;
  reactions: number;
  comments: number;
  shares: number;
  insights: { post_impressions: number; post_impressions_unique: number; post_clicks: number };
  deleted: boolean;
}

export interface FacebookPeer extends RestPeer {
  readonly page: { id: string; name: string; followers: number };
  /** The app the peer's tokens belong to (`GET /app`, `/{app-id}/uploads`). */
  readonly appId: string;
  posts(): PeerPost[];
  video(id: string): PeerVideo | undefined;
  uploadSessions(): UploadSession[];
  /** The next video created fails encoding with this reason. */
  failNextVideo(reason: string): void;
  /** A fault for the next request on the raw upload endpoints (`/upload:<session>`). */
  injectUpload(fault: UploadFault): void;
  post(id: string): PeerPost | undefined;
  photo(id: string): PeerPhoto | undefined;
  /** A user access token (every scope unless given); `expiresInMs: 0` = expired at once. */
  issueUserToken(scopes?: string[], expiresInMs?: number): string;
  /** The Page access token `GET /me/accounts` would hand out. */
  issuePageToken(scopes?: string[], expiresInMs?: number): string;
}

const MAX_MESSAGE = 63_206;
const FEED_KEYS = new Set([
  'message',
  'link',
  'attached_media',
  'published',
  'scheduled_publish_time',
  'place',
  'tags',
  'no_story',
  'targeting',
  'feed_targeting',
]);
const PHOTO_KEYS = new Set([
  'url',
  'source',
  'caption',
  'message',
  'published',
  'alt_text_custom',
  'temporary',
  'no_story',
]);
const NODE_FIELDS = new Set([
  'id',
  'message',
  'created_time',
  'permalink_url',
  'shares',
  'reactions.summary(true)',
  'comments.summary(true)',
  'reactions.summary(true).limit(0)',
  'comments.summary(true).limit(0)',
]);
const PAGE_FIELDS = new Set(['id', 'name', 'followers_count', 'fan_count', 'username', 'link']);
const INSIGHT_METRICS = new Set([
  'post_impressions',
  'post_impressions_unique',
  'post_impressions_organic',
  'post_impressions_paid',
  'post_clicks',
  'post_reactions_by_type_total',
  'post_media_view',
]);

export async function startFacebookPeer(options: FacebookPeerOptions = {}): Promise<FacebookPeer> {
  const rateLimit = options.rateLimit ?? 200;
  const page = { id: '104000000000001', name: 'Peer Creator Page', followers: 2468 };
  const appId = '584544743160774';
  const tokens = new Map<string, PeerToken>();
  const posts = new Map<string, PeerPost>();
  const photos = new Map<string, PeerPhoto>();
  const usage = new Map<string, { windowStart: number; used: number }>();
  let nextId = 900_000_000_000_000n;
  const newId = (): string => String((nextId += 1n));

  const issue = (kind: PeerToken['kind'], scopes: string[], expiresInMs = 60 * 24 * 3600 * 1000): string => {
    const token = `EAA${randomBytes(24).toString('base64url')}`;
    tokens.set(token, { kind, pageId: kind === 'page' ? page.id : null, scopes, expiresAt: Date.now() + expiresInMs });
    return token;
  };

  /** Usage headers in percent of the hourly budget; page tokens report business use case usage. */
  const usageHeaders = (token: string, entry: PeerToken): { headers: Record<string, string>; exceeded: boolean } => {
    const now = Date.now();
    let u = usage.get(token);
    if (!u || now - u.windowStart >= 3_600_000) usage.set(token, (u = { windowStart: now, used: 0 }));
    u.used += 1;
    const percent = Math.min(100, Math.round((u.used / rateLimit) * 100));
    const exceeded = u.used > rateLimit;
    const regain = exceeded ? Math.max(1, Math.ceil((u.windowStart + 3_600_000 - now) / 60_000)) : 0;
    const headers: Record<string, string> =
      entry.kind === 'page'
        ? {
            'x-business-use-case-usage': JSON.stringify({
              [page.id]: [
                {
                  type: 'pages',
                  call_count: percent,
                  total_cputime: Math.min(percent, 5),
                  total_time: Math.min(percent, 5),
                  estimated_time_to_regain_access: regain,
                },
              ],
            }),
          }
        : { 'x-app-usage': JSON.stringify({ call_count: percent, total_cputime: 1, total_time: 1 }) };
    return { headers, exceeded };
  };

  const needScopes = (entry: PeerToken, needed: string[]): RestReply | null =>
    needed.every((s) => entry.scopes.includes(s))
      ? null
      : graphError(
          `(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin with sufficient administrative permission (missing: ${needed.filter((s) => !entry.scopes.includes(s)).join(', ')})`,
          200,
          { type: 'OAuthException', status: 403 },
        );

  const needPageToken = (entry: PeerToken, pageId: string): RestReply | null => {
    if (pageId !== page.id) return unknownObject(pageId);
    if (entry.kind !== 'page' || entry.pageId !== pageId)
      return graphError('(#210) A page access token is required to request this resource.', 210, {
        type: 'OAuthException',
        status: 403,
      });
    return null;
  };

  const fieldsOf = (req: RestRequest, allowed: Set<string>, node: string): string[] | RestReply => {
    const fields = (req.query.get('fields') ?? 'id').split(',').filter(Boolean);
    const bad = fields.find((f) => !allowed.has(f));
    return bad ? invalidParam(`Tried accessing nonexisting field (${bad}) on node type (${node})`) : fields;
  };

  const postJson = (post: PeerPost, fields: string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = { id: post.id };
    for (const field of fields) {
      if (field === 'message' && post.message) out.message = post.message;
      if (field === 'created_time') out.created_time = post.createdTime.replace(/\.\d{3}Z$/, '+0000');
      if (field === 'permalink_url') out.permalink_url = `https://www.facebook.com/${post.id.replace('_', '/posts/')}`;
      if (field === 'shares' && post.shares > 0) out.shares = { count: post.shares };
      if (field.startsWith('reactions'))
        out.reactions = { data: [], summary: { total_count: post.reactions, viewer_reaction: 'NONE' } };
      if (field.startsWith('comments'))
        out.comments = { data: [], summary: { order: 'ranked', total_count: post.comments, can_comment: true } };
    }
    return out;
  };

  const createPost = (fields: {
    message: string;
    link: string | null;
    photoIds: string[];
    videoId?: string;
  }): PeerPost => {
    const post: PeerPost = {
      id: `${page.id}_${newId()}`,
      pageId: page.id,
      ...fields,
      videoId: fields.videoId ?? null,
      createdTime: new Date().toISOString(),
      reactions: 0,
      comments: 0,
      shares: 0,
      insights: { post_impressions: 0, post_impressions_unique: 0, post_clicks: 0 },
      deleted: false,
    };
    posts.set(post.id, post);
    return post;
  };

  const duplicate = (text: string): boolean => {
    const last = [...posts.values()].filter((p) => !p.deleted && p.pageId === page.id).at(-1);
    return text !== '' && last?.message === text;
  };

  const feed = (req: RestRequest, entry: PeerToken, pageId: string): RestReply => {
    const denied = needPageToken(entry, pageId) ?? needScopes(entry, ['pages_manage_posts', 'pages_read_engagement']);
    if (denied) return denied;
    const p = params(req);
    if (typeof p === 'string') return invalidParam(p);
    const unknown = [...p.keys()].find((k) => !FEED_KEYS.has(k) && !/^attached_media\[\d+\]$/.test(k));
    if (unknown) return invalidParam(`Param ${unknown} is not a valid parameter`);
    const message = p.get('message') ?? '';
    const link = p.get('link');
    if (typeof message !== 'string') return invalidParam('Param message must be a string');
    if (link !== undefined && (typeof link !== 'string' || !/^https?:\/\//.test(link)))
      return invalidParam('Param link must be a valid URL');
    if (message.length > MAX_MESSAGE) return invalidParam(`Param message must be at most ${MAX_MESSAGE} characters`);
    let attached: unknown[] = [];
    const raw = p.get('attached_media');
    if (raw !== undefined) {
      if (!Array.isArray(raw)) return invalidParam('Param attached_media must be an array');
      attached = raw;
    }
    for (const [key, value] of p) {
      if (!/^attached_media\[\d+\]$/.test(key)) continue;
      try {
        attached.push(JSON.parse(String(value)) as unknown);
      } catch {
        return invalidParam(`Param ${key} must be a JSON object`);
      }
    }
    const photoIds: string[] = [];
    for (const [index, item] of attached.entries()) {
      const fbid = (item as { media_fbid?: unknown } | null)?.media_fbid;
      const keys = typeof item === 'object' && item !== null ? Object.keys(item) : [];
      if (typeof fbid !== 'string' || keys.some((k) => k !== 'media_fbid'))
        return invalidParam(`Param attached_media[${index}] must be an object with a media_fbid string`);
      const photo = photos.get(fbid);
      if (!photo || photo.pageId !== page.id || photo.published || photo.attachedTo)
        return invalidParam(`attached_media[${index}] has an invalid media_fbid: ${fbid}`);
      photoIds.push(fbid);
    }
    if (!message && link === undefined && photoIds.length === 0)
      return invalidParam('Requires one of the params: message, link, place, attached_media');
    if (duplicate(message)) return graphError('Duplicate status message', 506, { type: 'OAuthException' });
    const post = createPost({ message, link: (link as string | undefined) ?? null, photoIds });
    for (const id of photoIds) (photos.get(id) as PeerPhoto).attachedTo = post.id;
    return { status: 200, body: { id: post.id } };
  };

  const uploadPhoto = (req: RestRequest, entry: PeerToken, pageId: string): RestReply => {
    const denied = needPageToken(entry, pageId) ?? needScopes(entry, ['pages_manage_posts', 'pages_read_engagement']);
    if (denied) return denied;
    const p = params(req);
    if (typeof p === 'string') return invalidParam(p);
    const unknown = [...p.keys()].find((k) => !PHOTO_KEYS.has(k));
    if (unknown) return invalidParam(`Param ${unknown} is not a valid parameter`);
    const source = p.get('source');
    const url = p.get('url');
    if ((source === undefined) === (url === undefined))
      return graphError('(#324) Requires upload file', 324, { type: 'OAuthException' });
    if (source !== undefined && !(source instanceof Blob))
      return invalidParam('Param source must be a file sent as multipart/form-data');
    if (url !== undefined && (typeof url !== 'string' || !/^https?:\/\//.test(url)))
      return invalidParam('Param url must be a valid URL');
    const size = source instanceof Blob ? source.size : 0;
    if (source instanceof Blob && (size === 0 || size > 10 * 1024 * 1024))
      return graphError('(#1) An unknown error occurred: the photo is empty or larger than 10 MB', 1);
    const published = truthy(p.get('published'), true);
    if (published === null) return invalidParam('Param published must be a boolean');
    const caption = p.get('caption') ?? p.get('message') ?? '';
    if (typeof caption !== 'string') return invalidParam('Param caption must be a string');
    const alt = p.get('alt_text_custom');
    const photo: PeerPhoto = {
      id: newId(),
      pageId,
      published,
      attachedTo: null,
      bytes: size,
      url: typeof url === 'string' ? url : null,
      altText: typeof alt === 'string' ? alt : null,
    };
    photos.set(photo.id, photo);
    if (!published) return { status: 200, body: { id: photo.id } };
    const post = createPost({ message: caption, link: null, photoIds: [photo.id] });
    photo.attachedTo = post.id;
    return { status: 200, body: { id: photo.id, post_id: post.id } };
  };

  /** The token's entry, or Graph's answer to a missing, unknown or expired token (400 code 190, not 401). */
  const tokenCheck = (token: string | undefined): PeerToken | RestReply => {
    if (!token)
      return graphError('An active access token must be used to query information about the current user.', 2500, {
        type: 'OAuthException',
      });
    const entry = tokens.get(token);
    const authHeader = { 'www-authenticate': 'OAuth "Facebook Platform" "invalid_token"' };
    if (!entry)
      return graphError('Invalid OAuth access token - Cannot parse access token', 190, { headers: authHeader });
    if (entry.expiresAt <= Date.now())
      return graphError(
        `Error validating access token: Session has expired on ${new Date(entry.expiresAt).toUTCString()}. The current time is ${new Date().toUTCString()}.`,
        190,
        { subcode: 463, headers: authHeader },
      );
    return entry;
  };

  const videoRoutes = createVideoRoutes({
    appId,
    pageId: page.id,
    processingPolls: options.videoProcessingPolls ?? 2,
    newId,
    createVideoPost: (video) =>
      createPost({ message: video.description, link: null, photoIds: [], videoId: video.id }).id,
    deletePost: (id) => {
      const post = posts.get(id);
      if (post) post.deleted = true;
    },
    pageAccess: (entry, pageId, scopes) => needPageToken(entry, pageId) ?? needScopes(entry, scopes),
    fieldsOf,
    // graph-api/guides/upload: the upload calls carry the user token as `Authorization: OAuth <token>`.
    uploadToken: (header) => {
      const entry = tokenCheck(/^OAuth\s+(.+)$/.exec(header ?? '')?.[1]?.trim());
      if ('status' in entry) return entry;
      return entry.kind === 'user' ? entry : invalidParam('Uploads need a user access token');
    },
  });

  const api = (req: RestRequest): RestReply => {
    const token = bearer(req.headers) ?? req.query.get('access_token') ?? undefined;
    const entry = tokenCheck(token);
    if ('status' in entry) return entry;
    const limits = usageHeaders(token ?? '', entry);
    const reply = (r: RestReply): RestReply => ({ ...r, headers: { ...limits.headers, ...r.headers } });
    if (limits.exceeded)
      return reply(
        entry.kind === 'page'
          ? graphError('(#32) Page request limit reached', 32, { type: 'OAuthException', status: 403 })
          : graphError('(#4) Application request limit reached', 4, { type: 'OAuthException', status: 403 }),
      );

    const path = req.path.replace(/^\/v\d+\.\d+(?=\/)/, '');
    const route = `${req.method} ${path}`;
    let match: RegExpExecArray | null;
    const video = videoRoutes.route(req, entry, path);
    if (video) return reply(video);
    if (route === 'GET /me/accounts') {
      if (entry.kind !== 'user')
        return reply(invalidParam('Tried accessing nonexisting field (accounts) on node type (Page)'));
      if (!entry.scopes.includes('pages_show_list'))
        return reply(
          graphError('(#10) This endpoint requires the pages_show_list permission.', 10, {
            type: 'OAuthException',
            status: 403,
          }),
        );
      return reply({
        status: 200,
        body: {
          data: [
            {
              id: page.id,
              name: page.name,
              category: 'Digital creator',
              access_token: issue('page', entry.scopes),
              tasks: ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'],
            },
          ],
          paging: { cursors: { before: 'QVFI', after: 'QVFI' } },
        },
      });
    }
    if ((match = /^POST \/(\d+)\/feed$/.exec(route))) return reply(feed(req, entry, match[1] ?? ''));
    if ((match = /^POST \/(\d+)\/photos$/.exec(route))) return reply(uploadPhoto(req, entry, match[1] ?? ''));
    if ((match = /^GET \/(\d+)\/posts$/.exec(route))) {
      const denied = needPageToken(entry, match[1] ?? '') ?? needScopes(entry, ['pages_read_engagement']);
      if (denied) return reply(denied);
      const fields = fieldsOf(req, NODE_FIELDS, 'Post');
      if (!Array.isArray(fields)) return reply(fields);
      const limit = Number(req.query.get('limit') ?? 25);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) return reply(invalidParam('Param limit must be 1–100'));
      const since = req.query.get('since');
      const sinceMs = since === null ? 0 : Number(since) * 1000;
      if (!Number.isFinite(sinceMs)) return reply(invalidParam('Param since must be a Unix timestamp'));
      const list = [...posts.values()]
        .filter((p) => !p.deleted && Date.parse(p.createdTime) >= sinceMs)
        .reverse()
        .slice(0, limit);
      return reply({ status: 200, body: { data: list.map((p) => postJson(p, fields)) } });
    }
    if ((match = /^GET \/(\d+_\d+)\/insights$/.exec(route))) {
      const post = posts.get(match[1] ?? '');
      if (!post || post.deleted) return reply(unknownObject(match[1] ?? ''));
      if (!entry.scopes.includes('read_insights') || !entry.scopes.includes('pages_read_engagement'))
        return reply(
          graphError('(#10) Requires read_insights and pages_read_engagement permissions', 10, {
            type: 'OAuthException',
            status: 403,
          }),
        );
      const metrics = (req.query.get('metric') ?? '').split(',').filter(Boolean);
      const bad = metrics.find((m) => !INSIGHT_METRICS.has(m));
      if (metrics.length === 0 || bad)
        return reply(invalidParam(`The value must be a valid insights metric${bad ? `: ${bad}` : ''}`));
      return reply({
        status: 200,
        body: {
          data: metrics.map((name) => ({
            name,
            period: 'lifetime',
            values: [{ value: (post.insights as Record<string, number>)[name] ?? 0 }],
            title: name,
            description: name,
            id: `${post.id}/insights/${name}/lifetime`,
          })),
          paging: {},
        },
      });
    }
    if ((match = /^GET \/(\d+_\d+)$/.exec(route))) {
      const post = posts.get(match[1] ?? '');
      if (!post || post.deleted || entry.pageId !== post.pageId) return reply(unknownObject(match[1] ?? ''));
      const fields = fieldsOf(req, NODE_FIELDS, 'Post');
      return reply(Array.isArray(fields) ? { status: 200, body: postJson(post, fields) } : fields);
    }
    if ((match = /^DELETE \/(\d+_\d+)$/.exec(route))) {
      const post = posts.get(match[1] ?? '');
      if (!post || post.deleted) return reply(unknownObject(match[1] ?? ''));
      const denied = needPageToken(entry, post.pageId) ?? needScopes(entry, ['pages_manage_posts']);
      if (denied) return reply(denied);
      post.deleted = true;
      return reply({ status: 200, body: { success: true } });
    }
    if ((match = /^GET \/(\d+)$/.exec(route))) {
      if (match[1] !== page.id) return reply(unknownObject(match[1] ?? ''));
      const fields = fieldsOf(req, PAGE_FIELDS, 'Page');
      if (!Array.isArray(fields)) return reply(fields);
      const all: Record<string, unknown> = {
        id: page.id,
        name: page.name,
        followers_count: page.followers,
        fan_count: page.followers,
      };
      return reply({ status: 200, body: Object.fromEntries(fields.map((f) => [f, all[f] ?? null])) });
    }
    return reply(graphError(`Unknown path components: ${path}`, 2500, { type: 'OAuthException' }));
  };

  const peer = await startRestPeer(api);
  const front = await startUploadFront(peer.origin, videoRoutes.upload, (raw) =>
    peer.requests.push({
      method: raw.method,
      path: raw.path,
      query: raw.query,
      headers: raw.headers,
      body: { kind: 'none' },
    }),
  );
  return {
    ...peer,
    origin: front.origin,
    close: async () => {
      await front.close();
      await peer.close();
    },
    page,
    appId,
    video: (id) => videoRoutes.video(id),
    uploadSessions: () => videoRoutes.sessions(),
    failNextVideo: (reason) => videoRoutes.failNextVideo(reason),
    injectUpload: (fault) => front.injectUpload(fault),
    posts: () => [...posts.values()].filter((p) => !p.deleted),
    post: (id) => posts.get(id),
    photo: (id) => photos.get(id),
    issueUserToken: (scopes = FACEBOOK_ALL_SCOPES, expiresInMs) => issue('user', scopes, expiresInMs),
    issuePageToken: (scopes = FACEBOOK_ALL_SCOPES, expiresInMs) => issue('page', scopes, expiresInMs),
  };
}

/** Failures with Graph's own codes, bodies and usage headers. */
export const facebookFaults = {
  /** Page throttled (code 32) for `minutes`, with `x-business-use-case-usage`. */
  rateLimited: (pageId: string, minutes: number, path?: RegExp): RestFault => ({
    kind: 'error',
    status: 403,
    body: {
      error: { message: '(#32) Page request limit reached', type: 'OAuthException', code: 32, fbtrace_id: 'AbCdEf' },
    },
    headers: {
      'x-business-use-case-usage': JSON.stringify({
        [pageId]: [
          {
            type: 'pages',
            call_count: 100,
            total_cputime: 10,
            total_time: 10,
            estimated_time_to_regain_access: minutes,
          },
        ],
      }),
    },
    ...(path ? { path } : {}),
  }),
  serverError: (status = 500, path?: RegExp): RestFault => ({
    kind: 'error',
    status,
    body: {
      error: {
        message: 'An unexpected error has occurred. Please retry your request later.',
        type: 'OAuthException',
        is_transient: true,
        code: 2,
        fbtrace_id: 'AbCdEf',
      },
    },
    ...(path ? { path } : {}),
  }),
};
