import { randomBytes } from 'node:crypto';
import type { RestReply, RestRequest } from '../shared/rest-peer';
import { graphError, invalidParam, params, truthy, unknownObject } from './graph-reply';
import type { RawRequest } from './upload-front';

/**
 * Page videos on the Facebook peer:
 * - Resumable Upload API (developers.facebook.com/docs/graph-api/guides/upload): `POST /{app-id}/uploads`
 *   (`file_name`, `file_length`, `file_type`; user token) → `{id: "upload:<session>"}`; `POST /upload:<session>`
 *   with `Authorization: OAuth <token>` and `file_offset`, raw bytes → `{h}` once the file is complete;
 *   `GET /upload:<session>` → `{id, file_offset}`.
 * - Video API publishing (developers.facebook.com/docs/video-api/guides/publishing): `POST /{page-id}/videos`
 *   with `title`, `description`, `fbuploader_video_file_chunk=<handle>`; Page token, `pages_manage_posts`,
 *   `pages_read_engagement`, `pages_show_list` → `{id}`.
 * - Video status (developers.facebook.com/docs/graph-api/reference/video-status): `GET /{video-id}?fields=status`
 *   → `video_status` and `uploading_phase` / `processing_phase` / `publishing_phase`.
 */

export interface PeerToken {
  kind: 'user' | 'page';
  pageId: string | null;
  scopes: string[];
  expiresAt: number;
}

export interface UploadSession {
  id: string;
  sig: string;
  fileName: string;
  fileType: string;
  length: number;
  /** The bytes received so far, in order; their length is the session's `file_offset`. */
  received: Buffer;
  handle: string | null;
  /** The video created from the handle (a handle publishes once). */
  usedBy: string | null;
}

export interface PeerVideo {
  id: string;
  pageId: string;
  title: string | null;
  description: string;
  bytes: Buffer;
  createdTime: string;
  /** Status reads so far; encoding finishes after `processingPolls` of them. */
  statusReads: number;
  failWith: string | null;
  /** The Page post created once encoding ends. */
  postId: string | null;
  reactions: number;
  comments: number;
  insights: { total_video_views: number; total_video_impressions: number; total_video_impressions_unique: number };
  deleted: boolean;
}

export interface VideoDeps {
  appId: string;
  pageId: string;
  processingPolls: number;
  newId(): string;
  /** Creates the Page post a finished video appears in; returns its id. */
  createVideoPost(video: PeerVideo): string;
  deletePost(id: string): void;
  /** Page token for this Page with these scopes, else the Graph error. */
  pageAccess(entry: PeerToken, pageId: string, scopes: string[]): RestReply | null;
  fieldsOf(req: RestRequest, allowed: Set<string>, node: string): string[] | RestReply;
  /** The token entry for an upload request's `Authorization: OAuth …`, else the Graph error. */
  uploadToken(header: string | undefined): PeerToken | RestReply;
}

/** file_type values the Resumable Upload API takes. */
const UPLOAD_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/jpg', 'image/png', 'video/mp4']);
const VIDEO_KEYS = new Set(['title', 'description', 'fbuploader_video_file_chunk', 'published', 'no_story']);
const VIDEO_FIELDS = new Set([
  'id',
  'status',
  'permalink_url',
  'title',
  'description',
  'created_time',
  'reactions.summary(true)',
  'comments.summary(true)',
]);
/** graph-api/reference/video/video_insights: lifetime metrics of a Page video. */
const VIDEO_METRICS = new Set(['total_video_views', 'total_video_impressions', 'total_video_impressions_unique']);
const PUBLISH_SCOPES = ['pages_manage_posts', 'pages_read_engagement'];

const isReply = (value: unknown): value is RestReply =>
  typeof value === 'object' && value !== null && 'status' in value && typeof value.status === 'number';

export function createVideoRoutes(deps: VideoDeps) {
  const sessions = new Map<string, UploadSession>();
  const videos = new Map<string, PeerVideo>();
  const failures: string[] = [];

  const startSession = (req: RestRequest, entry: PeerToken, appId: string): RestReply => {
    if (appId !== deps.appId) return unknownObject(appId);
    if (entry.kind !== 'user') return invalidParam('Uploads need a user access token of an app admin or developer');
    const p = params(req);
    if (typeof p === 'string') return invalidParam(p);
    const name = p.get('file_name');
    const length = Number(p.get('file_length'));
    const type = p.get('file_type');
    if (typeof name !== 'string' || name === '') return invalidParam('The parameter file_name is required');
    if (!Number.isSafeInteger(length) || length <= 0)
      return invalidParam('Param file_length must be a positive integer');
    if (typeof type !== 'string' || !UPLOAD_TYPES.has(type))
      return invalidParam(`Param file_type must be one of ${[...UPLOAD_TYPES].join(', ')}`);
    const session: UploadSession = {
      id: randomBytes(12).toString('base64url'),
      sig: randomBytes(8).toString('base64url'),
      fileName: name,
      fileType: type,
      length,
      received: Buffer.alloc(0),
      handle: null,
      usedBy: null,
    };
    sessions.set(session.id, session);
    return { status: 200, body: { id: `upload:${session.id}?sig=${session.sig}` } };
  };

  /** `/vX/upload:<id>` with `?sig=`: the session it names, or the Graph error. */
  const sessionOf = (req: RawRequest): UploadSession | RestReply => {
    const id = /upload:([^/]+)$/.exec(req.path)?.[1] ?? '';
    const session = sessions.get(id);
    if (!session || req.query.get('sig') !== session.sig) return unknownObject(`upload:${id}`);
    return session;
  };

  const offsetBody = (session: UploadSession) => ({
    id: `upload:${session.id}`,
    file_offset: session.received.length,
  });

  /** The raw upload endpoints (through the front server). */
  const upload = (req: RawRequest): RestReply => {
    const entry = deps.uploadToken(req.headers.authorization);
    if (isReply(entry)) return entry;
    const session = sessionOf(req);
    if (isReply(session)) return session;
    if (req.method === 'GET') return { status: 200, body: offsetBody(session) };
    if (req.method !== 'POST') return invalidParam(`Unsupported method ${req.method}`);
    const header = req.headers.file_offset;
    const offset = Number(Array.isArray(header) ? header[0] : header);
    if (header === undefined || !Number.isSafeInteger(offset) || offset < 0)
      return invalidParam('The file_offset header is required and must be a non-negative integer');
    if (offset !== session.received.length)
      return invalidParam(
        `file_offset ${offset} does not match the ${session.received.length} bytes received; ask GET /upload:<id> for the offset`,
      );
    if (req.body.length === 0) return invalidParam('The request body must carry the file bytes from file_offset');
    if (offset + req.body.length > session.length)
      return invalidParam(`The upload is longer than the file_length ${session.length} given for the session`);
    session.received = Buffer.concat([session.received, req.body]);
    if (session.received.length < session.length) return { status: 200, body: offsetBody(session) };
    session.handle = `2:${randomBytes(18).toString('base64url')}`;
    return { status: 200, body: { h: session.handle } };
  };

  const createVideo = (req: RestRequest, entry: PeerToken, pageId: string): RestReply => {
    const denied = deps.pageAccess(entry, pageId, PUBLISH_SCOPES);
    if (denied) return denied;
    const p = params(req);
    if (typeof p === 'string') return invalidParam(p);
    const unknown = [...p.keys()].find((k) => !VIDEO_KEYS.has(k));
    if (unknown) return invalidParam(`Param ${unknown} is not a valid parameter`);
    const handle = p.get('fbuploader_video_file_chunk');
    if (typeof handle !== 'string') return invalidParam('Requires the param fbuploader_video_file_chunk');
    const session = [...sessions.values()].find((s) => s.handle === handle);
    if (!session || session.usedBy)
      return invalidParam('fbuploader_video_file_chunk is not a valid uploaded file handle');
    if (session.fileType !== 'video/mp4') return invalidParam('The uploaded file is not a video');
    const title = p.get('title');
    const description = p.get('description') ?? '';
    if ((title !== undefined && typeof title !== 'string') || typeof description !== 'string')
      return invalidParam('Params title and description must be strings');
    if (truthy(p.get('published'), true) === null) return invalidParam('Param published must be a boolean');
    const video: PeerVideo = {
      id: deps.newId(),
      pageId,
      title: title ?? null,
      description,
      bytes: session.received,
      createdTime: new Date().toISOString(),
      statusReads: 0,
      failWith: failures.shift() ?? null,
      postId: null,
      reactions: 0,
      comments: 0,
      insights: { total_video_views: 0, total_video_impressions: 0, total_video_impressions_unique: 0 },
      deleted: false,
    };
    session.usedBy = video.id;
    videos.set(video.id, video);
    return { status: 200, body: { id: video.id } };
  };

  /** The status object after one more read: encoding takes `processingPolls` reads, then ready or error. */
  const status = (video: PeerVideo): Record<string, unknown> => {
    video.statusReads += 1;
    const done = video.statusReads > deps.processingPolls;
    const uploading = { status: 'complete', bytes_transferred: video.bytes.length };
    if (done && video.failWith)
      return {
        video_status: 'error',
        uploading_phase: uploading,
        processing_phase: { status: 'error', errors: [{ code: 1363008, message: video.failWith }] },
        publishing_phase: { status: 'not_started' },
      };
    if (!done)
      return {
        video_status: 'processing',
        uploading_phase: uploading,
        processing_phase: { status: 'in_progress' },
        publishing_phase: { status: 'not_started' },
      };
    video.postId ??= deps.createVideoPost(video);
    return {
      video_status: 'ready',
      uploading_phase: uploading,
      processing_phase: { status: 'complete' },
      publishing_phase: { status: 'complete', publish_status: 'published', publish_time: video.createdTime },
    };
  };

  const videoJson = (video: PeerVideo, fields: string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = { id: video.id };
    for (const field of fields) {
      if (field === 'status') out.status = status(video);
      if (field === 'title' && video.title) out.title = video.title;
      if (field === 'description' && video.description) out.description = video.description;
      if (field === 'created_time') out.created_time = video.createdTime.replace(/\.\d{3}Z$/, '+0000');
      if (field === 'permalink_url') out.permalink_url = `/${video.pageId}/videos/${video.id}/`;
      if (field.startsWith('reactions')) out.reactions = { data: [], summary: { total_count: video.reactions } };
      if (field.startsWith('comments')) out.comments = { data: [], summary: { total_count: video.comments } };
    }
    return out;
  };

  const insights = (video: PeerVideo, req: RestRequest, entry: PeerToken): RestReply => {
    if (!entry.scopes.includes('read_insights') || !entry.scopes.includes('pages_read_engagement'))
      return graphError('(#10) Requires read_insights and pages_read_engagement permissions', 10, {
        type: 'OAuthException',
        status: 403,
      });
    const metrics = (req.query.get('metric') ?? '').split(',').filter(Boolean);
    const bad = metrics.find((m) => !VIDEO_METRICS.has(m));
    if (metrics.length === 0 || bad)
      return invalidParam(`The value must be a valid insights metric${bad ? `: ${bad}` : ''}`);
    return {
      status: 200,
      body: {
        data: metrics.map((name) => ({
          name,
          period: 'lifetime',
          values: [{ value: video.insights[name as keyof PeerVideo['insights']] }],
          id: `${video.id}/video_insights/${name}/lifetime`,
        })),
        paging: {},
      },
    };
  };

  /** Graph routes for videos; null when the request is not one of them. */
  const route = (req: RestRequest, entry: PeerToken, path: string): RestReply | null => {
    let match: RegExpExecArray | null;
    if (req.method === 'GET' && path === '/app') {
      return { status: 200, body: { id: deps.appId, name: 'Cadence peer app', link: 'https://www.facebook.com/' } };
    }
    if (req.method === 'POST' && (match = /^\/(\d+)\/uploads$/.exec(path)))
      return startSession(req, entry, match[1] ?? '');
    if (req.method === 'POST' && (match = /^\/(\d+)\/videos$/.exec(path)))
      return createVideo(req, entry, match[1] ?? '');
    if (req.method === 'GET' && (match = /^\/(\d+)\/videos$/.exec(path)) && match[1] === deps.pageId) {
      const denied = deps.pageAccess(entry, deps.pageId, ['pages_read_engagement']);
      if (denied) return denied;
      const fields = deps.fieldsOf(req, VIDEO_FIELDS, 'Video');
      if (!Array.isArray(fields)) return fields;
      const sinceMs = Number(req.query.get('since') ?? 0) * 1000;
      if (!Number.isFinite(sinceMs)) return invalidParam('Param since must be a Unix timestamp');
      const list = [...videos.values()].filter((v) => !v.deleted && Date.parse(v.createdTime) >= sinceMs).reverse();
      return { status: 200, body: { data: list.map((v) => videoJson(v, fields)) } };
    }
    if ((match = /^\/(\d+)(\/video_insights)?$/.exec(path))) {
      const video = videos.get(match[1] ?? '');
      if (!video) return null;
      if (video.deleted || entry.pageId !== video.pageId) return unknownObject(video.id);
      if (req.method === 'DELETE' && !match[2]) {
        const denied = deps.pageAccess(entry, video.pageId, ['pages_manage_posts']);
        if (denied) return denied;
        video.deleted = true;
        if (video.postId) deps.deletePost(video.postId);
        return { status: 200, body: { success: true } };
      }
      if (req.method !== 'GET') return null;
      if (match[2]) return insights(video, req, entry);
      const fields = deps.fieldsOf(req, VIDEO_FIELDS, 'Video');
      return Array.isArray(fields) ? { status: 200, body: videoJson(video, fields) } : fields;
    }
    return null;
  };

  return {
    route,
    upload,
    sessions: () => [...sessions.values()],
    video: (id: string) => videos.get(id),
    /** The next video created fails encoding with this reason (Meta's `processing_phase.errors`). */
    failNextVideo: (reason: string) => void failures.push(reason),
  };
}
