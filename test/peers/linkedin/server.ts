import { randomBytes } from 'node:crypto';
import {
  bearer,
  type RestFault,
  type RestPeer,
  type RestReply,
  type RestRequest,
  startRestPeer,
} from '../shared/rest-peer';
import { err, littleToShown, schemaError, validatePost } from './post-schema';
import { type PartFault, type PeerVideo, startVideoPeer, type VideoPeerOptions } from './videos';

export { littleToShown } from './post-schema';

/** Protocol peer of LinkedIn's Posts API, Images API and OpenID userinfo. See README.md. */

export const LINKEDIN_ALL_SCOPES = ['openid', 'profile', 'w_member_social', 'r_member_social'];

export interface LinkedInPeerOptions extends VideoPeerOptions {
  /** The oldest `LinkedIn-Version` still served (YYYYMM); older ones get 426 NONEXISTENT_VERSION. */
  oldestVersion?: string;
  /** The newest version released; later ones get 426 too. */
  newestVersion?: string;
  /** Posts a member may create per (UTC) day before 429. */
  dailyPostLimit?: number;
}

export interface PeerPost {
  urn: string;
  author: string;
  /** As sent (little text). */
  commentary: string;
  /** As LinkedIn shows it: escapes resolved, cut at the first unescaped reserved character. */
  shown: string;
  images: string[];
  /** The video URN of a video post. */
  video: string | null;
  /** `content.media.title`, when sent. */
  title: string | null;
  createdAt: number;
  deleted: boolean;
}

export interface LinkedInPeer extends RestPeer {
  readonly member: { sub: string; name: string; givenName: string; familyName: string };
  posts(): PeerPost[];
  post(urn: string): PeerPost | undefined;
  image(urn: string): { owner: string; status: 'WAITING_UPLOAD' | 'AVAILABLE'; bytes: number } | undefined;
  video(urn: string): PeerVideo | undefined;
  videos(): PeerVideo[];
  /** The next finalized video ends in PROCESSING_FAILED. */
  failNextProcessing(): void;
  /** Fails the next PUT of one part (a status, or the connection dropped). */
  failPart(fault: PartFault): void;
  issueToken(scopes?: string[], expiresInMs?: number): string;
  revoke(token: string): void;
}

export async function startLinkedInPeer(options: LinkedInPeerOptions = {}): Promise<LinkedInPeer> {
  const oldest = options.oldestVersion ?? '202509';
  const newest = options.newestVersion ?? '202608';
  const dailyLimit = options.dailyPostLimit ?? 150;
  const member = { sub: 'Ab3dEfGh1J', name: 'Peer Creator', givenName: 'Peer', familyName: 'Creator' };
  const personUrn = `urn:li:person:${member.sub}`;
  const tokens = new Map<string, { scopes: string[]; expiresAt: number; revoked: boolean }>();
  const posts = new Map<string, PeerPost>();
  const images = new Map<string, { owner: string; status: 'WAITING_UPLOAD' | 'AVAILABLE'; bytes: number }>();
  const uploads = new Map<string, string>();
  const daily = new Map<string, number>();
  let nextId = 7_300_000_000_000_000_000n;
  const newId = (): string => String((nextId += 1n));

  const issue = (scopes = LINKEDIN_ALL_SCOPES, expiresInMs = 60 * 24 * 3600 * 1000): string => {
    const token = `AQ${randomBytes(24).toString('base64url')}`;
    tokens.set(token, { scopes, expiresAt: Date.now() + expiresInMs, revoked: false });
    return token;
  };

  const checkVersion = (req: RestRequest): RestReply | undefined => {
    const version = req.headers['linkedin-version'];
    if (typeof version !== 'string' || version === '')
      return err(
        400,
        'VERSION_MISSING',
        'A version must be present. Please specify a version by adding the LinkedIn-Version header.',
      );
    if (!/^\d{6}(\.\d{2})?$/.test(version))
      return err(400, 'INVALID_VERSION', `Invalid version: ${version}. Expected format: YYYYMM or YYYYMM.RR`);
    const month = version.slice(0, 6);
    if (month < oldest || month > newest)
      return err(426, 'NONEXISTENT_VERSION', `Requested version ${version.replace('.', '')} is not active`);
    if (req.headers['x-restli-protocol-version'] !== '2.0.0')
      return err(400, 'ILLEGAL_ARGUMENT', 'X-Restli-Protocol-Version 2.0.0 is required for this resource');
    return undefined;
  };

  const createPost = (req: RestRequest, scopes: string[]): RestReply => {
    if (!scopes.includes('w_member_social'))
      return err(403, 'ACCESS_DENIED', `Not enough permissions to access: partnerApiPostsExternal.CREATE.${newest}`);
    if (req.body.kind !== 'json')
      return err(400, 'ILLEGAL_ARGUMENT', 'Request body could not be converted to data map');
    const checked = validatePost(req.body.value);
    if ('status' in checked) return checked;
    const body = checked.value;
    const author = String(body.author);
    if (author !== personUrn) return err(403, 'ACCESS_DENIED', `Member is not allowed to create a post as ${author}`);
    const commentary = String(body.commentary);
    const shown = littleToShown(commentary);
    if ([...shown].length > 3000)
      return schemaError([`/commentary :: length of ${[...shown].length} exceeds the maximum allowed length of 3000`]);
    const content = body.content as
      { media?: { id: string; title?: unknown }; multiImage?: { images: { id?: unknown }[] } } | undefined;
    const videoUrn = content?.media?.id.startsWith('urn:li:video:') ? content.media.id : null;
    const title = typeof content?.media?.title === 'string' ? content.media.title : null;
    if (videoUrn) {
      // A video is referenced once finalized and processed (videos-api: status AVAILABLE).
      const video = videos.video(videoUrn);
      if (!video || video.owner !== author)
        return err(400, 'ILLEGAL_ARGUMENT', `/content/media/id :: ${videoUrn} is not a valid video urn`);
      if (video.status !== 'AVAILABLE')
        return err(400, 'ILLEGAL_ARGUMENT', `Video ${videoUrn} is not ready: status ${video.status}`);
    }
    const imageIds = videoUrn
      ? []
      : content?.media
        ? [content.media.id]
        : (content?.multiImage?.images ?? []).map((i) => String(i.id));
    for (const id of imageIds) {
      const image = images.get(id);
      if (!image) return err(400, 'ILLEGAL_ARGUMENT', `/content :: ${id} is not a valid image urn`);
      if (image.status !== 'AVAILABLE')
        return err(400, 'ILLEGAL_ARGUMENT', `Image ${id} is not ready: status ${image.status}`);
    }
    const day = new Date().toISOString().slice(0, 10);
    const used = (daily.get(`${author}:${day}`) ?? 0) + 1;
    if (used > dailyLimit)
      return err(
        429,
        'TOO_MANY_REQUESTS',
        'Resource level throttle MEMBER DAY limit for calls to this resource is reached.',
        101,
      );
    const duplicate = [...posts.values()].find(
      (p) => !p.deleted && p.author === author && p.commentary === commentary && commentary !== '',
    );
    if (duplicate)
      return {
        status: 422,
        body: {
          errorDetailType: 'com.linkedin.common.error.BadRequest',
          message: `com.linkedin.content.common.exception.BadRequestResponseException: Content is a duplicate of ${duplicate.urn}`,
          errorDetails: {
            inputErrors: [{ description: 'Duplicate post is detected', input: {}, code: 'DUPLICATE_POST' }],
          },
          status: 422,
        },
      };
    daily.set(`${author}:${day}`, used);
    const urn = `urn:li:share:${newId()}`;
    posts.set(urn, {
      urn,
      author,
      commentary,
      shown,
      images: imageIds,
      video: videoUrn,
      title,
      createdAt: Date.now(),
      deleted: false,
    });
    return { status: 201, headers: { 'x-restli-id': urn, 'x-linkedin-id': urn } };
  };

  const api = (req: RestRequest): RestReply => {
    if (req.method === 'PUT' && req.path.startsWith('/dms-uploads/')) {
      // The upload URL is pre-signed but still wants the member's bearer token.
      const imageUrn = uploads.get(req.path);
      const token = bearer(req.headers);
      if (!imageUrn || !token || !tokens.has(token)) return { status: 401, body: undefined };
      const image = images.get(imageUrn);
      if (!image) return { status: 404 };
      image.status = 'AVAILABLE';
      image.bytes = Number(req.headers['content-length'] ?? 0);
      uploads.delete(req.path);
      return { status: 201 };
    }
    const token = bearer(req.headers);
    if (token === undefined) return err(401, 'EMPTY_ACCESS_TOKEN', 'Empty oauth2_access_token', 65604);
    const entry = tokens.get(token);
    if (!entry) return err(401, 'INVALID_ACCESS_TOKEN', 'Invalid access token', 65600);
    if (entry.revoked)
      return err(401, 'REVOKED_ACCESS_TOKEN', 'The token used in the request has been revoked by the user', 65601);
    if (entry.expiresAt <= Date.now())
      return err(401, 'EXPIRED_ACCESS_TOKEN', 'The token used in the request has expired', 65602);
    const route = `${req.method} ${req.path}`;

    if (route === 'GET /v2/userinfo') {
      if (!entry.scopes.includes('openid'))
        return err(403, 'ACCESS_DENIED', 'Not enough permissions to access: userinfo.GET.NO_VERSION');
      return {
        status: 200,
        body: {
          sub: member.sub,
          ...(entry.scopes.includes('profile')
            ? {
                name: member.name,
                given_name: member.givenName,
                family_name: member.familyName,
                locale: { country: 'US', language: 'en' },
              }
            : {}),
        },
      };
    }
    if (!req.path.startsWith('/rest/')) return err(404, 'NOT_FOUND', `No virtual resource found for ${req.path}`);
    const bad = checkVersion(req);
    if (bad) return bad;

    if (route === 'POST /rest/images') {
      if (req.query.get('action') !== 'initializeUpload') return err(400, 'ILLEGAL_ARGUMENT', 'Unsupported action');
      if (!entry.scopes.includes('w_member_social'))
        return err(403, 'ACCESS_DENIED', `Not enough permissions to access: images.ACTION.${newest}`);
      const body =
        req.body.kind === 'json' ? (req.body.value as { initializeUploadRequest?: { owner?: unknown } }) : null;
      const owner = body?.initializeUploadRequest?.owner;
      if (typeof owner !== 'string')
        return schemaError([
          '/initializeUploadRequest/owner :: field is required but not found and has no default value',
        ]);
      if (owner !== personUrn) return err(403, 'ACCESS_DENIED', `Member is not allowed to upload images for ${owner}`);
      const id = newId();
      const image = `urn:li:image:D4E10AQ${id}`;
      const path = `/dms-uploads/${id}`;
      images.set(image, { owner, status: 'WAITING_UPLOAD', bytes: 0 });
      uploads.set(path, image);
      return {
        status: 200,
        body: { value: { uploadUrlExpiresAt: Date.now() + 3600_000, uploadUrl: `${origin}${path}`, image } },
      };
    }
    if (route === 'POST /rest/videos') {
      if (!entry.scopes.includes('w_member_social'))
        return err(403, 'ACCESS_DENIED', `Not enough permissions to access: videos.ACTION.${newest}`);
      const action = req.query.get('action');
      if (action === 'initializeUpload') return videos.initialize(req, personUrn);
      if (action === 'finalizeUpload') return videos.finalize(req, personUrn);
      return err(400, 'ILLEGAL_ARGUMENT', 'Unsupported action');
    }
    let match: RegExpExecArray | null;
    if ((match = /^GET \/rest\/videos\/(.+)$/.exec(route)))
      return videos.get(decodeURIComponent(match[1] ?? ''), personUrn);
    if ((match = /^GET \/rest\/images\/(.+)$/.exec(route))) {
      const urn = decodeURIComponent(match[1] ?? '');
      const image = images.get(urn);
      return image
        ? { status: 200, body: { id: urn, owner: image.owner, status: image.status } }
        : err(404, 'NOT_FOUND', `Image ${urn} not found`);
    }
    if (route === 'POST /rest/posts') return createPost(req, entry.scopes);
    if (route === 'GET /rest/posts') {
      if (req.query.get('q') !== 'author') return err(400, 'ILLEGAL_ARGUMENT', 'Unsupported finder');
      if (!entry.scopes.includes('r_member_social'))
        return err(
          403,
          'ACCESS_DENIED',
          `Not enough permissions to access: partnerApiPostsExternal.FINDER-author.${newest}`,
        );
      const author = req.query.get('author') ?? '';
      const count = Math.min(Number(req.query.get('count') ?? 10), 100);
      const found = [...posts.values()]
        .filter((p) => !p.deleted && p.author === author)
        .reverse()
        .slice(0, count);
      return {
        status: 200,
        body: {
          paging: { start: 0, count, links: [] },
          elements: found.map((p) => ({
            id: p.urn,
            author: p.author,
            commentary: p.commentary,
            visibility: 'PUBLIC',
            lifecycleState: 'PUBLISHED',
            createdAt: p.createdAt,
            publishedAt: p.createdAt,
            lastModifiedAt: p.createdAt,
          })),
        },
      };
    }
    if ((match = /^DELETE \/rest\/posts\/(.+)$/.exec(route))) {
      if (!entry.scopes.includes('w_member_social'))
        return err(403, 'ACCESS_DENIED', `Not enough permissions to access: partnerApiPostsExternal.DELETE.${newest}`);
      const urn = decodeURIComponent(match[1] ?? '');
      const post = posts.get(urn);
      if (!post || post.deleted) return err(404, 'NOT_FOUND', `Post ${urn} not found`);
      post.deleted = true;
      return { status: 204 };
    }
    return err(404, 'NOT_FOUND', `No virtual resource found for ${route}`);
  };

  let origin = '';
  const videos = await startVideoPeer(options);
  const peer = await startRestPeer((req) => api(req));
  origin = peer.origin;
  return {
    ...peer,
    close: async () => {
      await videos.close();
      await peer.close();
    },
    video: (urn) => videos.video(urn),
    videos: () => videos.videos(),
    failNextProcessing: () => videos.failNextProcessing(),
    failPart: (fault) => videos.failPart(fault),
    member,
    posts: () => [...posts.values()].filter((p) => !p.deleted),
    post: (urn) => posts.get(urn),
    image: (urn) => images.get(urn),
    issueToken: (scopes, expiresInMs) => issue(scopes, expiresInMs),
    revoke: (token) => {
      const entry = tokens.get(token);
      if (entry) entry.revoked = true;
    },
  };
}

/** Failures in LinkedIn's own shape. LinkedIn documents no rate-limit headers. */
export const linkedInFaults = {
  rateLimited: (path?: RegExp): RestFault => ({
    kind: 'error',
    status: 429,
    body: {
      status: 429,
      serviceErrorCode: 101,
      code: 'TOO_MANY_REQUESTS',
      message: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.',
    },
    ...(path ? { path } : {}),
  }),
  serverError: (status = 503, path?: RegExp): RestFault => ({
    kind: 'error',
    status,
    body: { status, serviceErrorCode: 0, code: 'INTERNAL_SERVER_ERROR', message: 'Internal Server Error' },
    ...(path ? { path } : {}),
  }),
};
