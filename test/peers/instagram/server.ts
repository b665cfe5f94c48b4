import { instagramHashtagCount, instagramMentionCount } from '../../../src/shared/platforms/instagram-tags';
import { codePointLength } from '../../../src/shared/platforms/text-units';
import { type RestPeer, type RestReply, type RestRequest, startRestPeer } from '../shared/rest-peer';
import {
  createGraphCore,
  fetchMedia,
  graphErrorReply,
  invalidParameter,
  missingPermission,
  objectNotFound,
} from './graph-peer';

/** Protocol peer of the Instagram API with Instagram Login (content publishing, insights). See README.md. */

export const INSTAGRAM_ALL_SCOPES = [
  'instagram_business_basic',
  'instagram_business_content_publish',
  'instagram_business_manage_insights',
];

export interface InstagramPeerOptions {
  /** Status checks a video (or carousel) container answers IN_PROGRESS before FINISHED. */
  videoProcessingPolls?: number;
  /** Posts per 24 hours (`content_publishing_limit`). */
  publishLimit?: number;
  /** Calls per token per hour before code 4. */
  callLimit?: number;
}

export type ContainerStatusCode = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

export interface PeerContainer {
  id: string;
  mediaType: 'IMAGE' | 'VIDEO' | 'REELS' | 'CAROUSEL';
  isCarouselItem: boolean;
  url: string | null;
  caption: string | null;
  altText: string | null;
  children: string[];
  pollsLeft: number;
  statusCode: ContainerStatusCode;
  status: string;
  /** Status checks answered, in order. */
  checks: ContainerStatusCode[];
}

export interface PeerMedia {
  id: string;
  containerId: string;
  mediaType: string;
  caption: string;
  timestamp: string;
  permalink: string;
  children: string[];
  insights: Record<string, number>;
}

export interface InstagramPeer extends RestPeer {
  readonly user: { id: string; username: string; name: string; followers: number };
  container(id: string): PeerContainer | undefined;
  media(): PeerMedia[];
  issueToken(scopes?: string[], expiresInMs?: number): string;
  revokeToken(token: string): void;
}

const CONTAINER_PARAMS = [
  'image_url',
  'video_url',
  'media_type',
  'caption',
  'is_carousel_item',
  'children',
  'alt_text',
  'location_id',
  'user_tags',
  'collaborators',
  'cover_url',
  'thumb_offset',
  'share_to_feed',
  'audio_name',
  'upload_type',
] as const;
const INSIGHT_METRICS = new Set([
  'reach',
  'likes',
  'comments',
  'shares',
  'saved',
  'views',
  'total_interactions',
  'follows',
  'profile_visits',
  'profile_activity',
  'ig_reels_avg_watch_time',
  'ig_reels_video_view_total_time',
]);
const DAY_MS = 24 * 60 * 60 * 1000;

const notReady = (): RestReply =>
  graphErrorReply(400, {
    message: 'Media ID is not available',
    code: 9007,
    error_subcode: 2207027,
    error_user_title: 'Media not ready for publishing',
    error_user_msg: 'The media is not ready for publishing, please wait for a moment',
  });
const downloadFailed = (): RestReply =>
  graphErrorReply(400, {
    message: 'Only photo or video can be accepted as media type.',
    code: 9004,
    error_subcode: 2207052,
    error_user_title: 'Media download has failed.',
    error_user_msg: 'The media could not be fetched from this URI',
  });

export async function startInstagramPeer(options: InstagramPeerOptions = {}): Promise<InstagramPeer> {
  const videoPolls = options.videoProcessingPolls ?? 2;
  const publishLimit = options.publishLimit ?? 100;
  const core = createGraphCore({ callLimit: options.callLimit ?? 200, idBase: 17_900_000_000_000_000n });
  const user = { id: '17841400000000001', username: 'creator', name: 'Peer Creator', followers: 2345 };
  const containers = new Map<string, PeerContainer>();
  const media = new Map<string, PeerMedia>();

  const publishedInWindow = () =>
    [...media.values()].filter((m) => Date.parse(m.timestamp) > Date.now() - DAY_MS).length;

  async function createContainer(params: Map<string, string>): Promise<RestReply> {
    const type = params.get('media_type');
    const carouselItem = params.get('is_carousel_item');
    if (carouselItem !== undefined && carouselItem !== 'true' && carouselItem !== 'false')
      return invalidParameter('Param is_carousel_item must be a boolean');
    const isItem = carouselItem === 'true';
    const caption = params.get('caption') ?? null;
    if (type !== undefined && !['IMAGE', 'VIDEO', 'REELS', 'CAROUSEL'].includes(type))
      return invalidParameter(`Param media_type must be one of {IMAGE, VIDEO, REELS, CAROUSEL, STORIES}`);
    if (isItem && caption !== null) return invalidParameter('Carousel items cannot have a caption');
    if (caption !== null) {
      if (codePointLength(caption) > 2200)
        return invalidParameter('The caption is longer than 2200 characters', 2207010);
      if (instagramHashtagCount(caption) > 30)
        return invalidParameter('The caption has more than 30 hashtags', 2207010);
      if (instagramMentionCount(caption) > 20)
        return invalidParameter('The caption has more than 20 mentions', 2207010);
    }
    const base = {
      id: core.newId(),
      isCarouselItem: isItem,
      caption,
      altText: params.get('alt_text') ?? null,
      checks: [],
    };
    if (type === 'CAROUSEL') {
      if (isItem) return invalidParameter('A carousel cannot be a carousel item');
      const children = (params.get('children') ?? '').split(',').filter(Boolean);
      if (children.length < 2 || children.length > 10)
        return invalidParameter('Param children must list 2 to 10 containers');
      for (const id of children) {
        const child = containers.get(id);
        if (!child || !child.isCarouselItem)
          return invalidParameter(`Param children: ${id} is not a carousel item container`);
        if (child.statusCode !== 'FINISHED') return notReady();
      }
      const container: PeerContainer = {
        ...base,
        mediaType: 'CAROUSEL',
        url: null,
        children,
        pollsLeft: 1,
        statusCode: 'IN_PROGRESS',
        status: 'In Progress',
      };
      containers.set(container.id, container);
      return { status: 200, body: { id: container.id } };
    }
    if (params.has('children')) return invalidParameter('Param children is only for media_type=CAROUSEL');
    const video = type === 'REELS' || type === 'VIDEO';
    if (type === 'VIDEO' && !isItem)
      return invalidParameter('media_type=VIDEO is only for carousel items; use REELS', 2207067);
    if (type === 'REELS' && isItem) return invalidParameter('Carousel video items use media_type=VIDEO');
    const url = video ? params.get('video_url') : params.get('image_url');
    if (!url) return invalidParameter(video ? 'Param video_url is required' : 'Param image_url is required');
    if (params.has(video ? 'image_url' : 'video_url'))
      return invalidParameter('Only one of image_url and video_url is allowed');
    // Meta's servers download the media from the URL: an image at once, a video while processing.
    const contentType = await fetchMedia(url);
    if (!video && (contentType === null || !contentType.startsWith('image/jpeg'))) return downloadFailed();
    const fetched = contentType !== null && contentType.startsWith('video/');
    const container: PeerContainer = {
      ...base,
      mediaType: type === 'REELS' ? 'REELS' : video ? 'VIDEO' : 'IMAGE',
      url,
      children: [],
      pollsLeft: video ? videoPolls : 0,
      statusCode: video ? (fetched ? 'IN_PROGRESS' : 'ERROR') : 'FINISHED',
      status: video ? (fetched ? 'In Progress' : 'Error: 2207026 — the video could not be fetched') : 'Finished',
    };
    containers.set(container.id, container);
    return { status: 200, body: { id: container.id } };
  }

  function publish(params: Map<string, string>): RestReply {
    const id = params.get('creation_id');
    if (!id) return invalidParameter('The parameter creation_id is required');
    const container = containers.get(id);
    if (!container) return invalidParameter(`Param creation_id: ${id} is not a valid container`);
    if (container.isCarouselItem) return invalidParameter('A carousel item cannot be published alone');
    if (container.statusCode !== 'FINISHED') return notReady();
    if (publishedInWindow() >= publishLimit) {
      return graphErrorReply(400, {
        message: 'Application request limit reached',
        code: 9,
        error_subcode: 2207042,
        error_user_title: 'Reached maximum number of posts',
        error_user_msg:
          'You reached the maximum number of posts that is allowed to be published by Content Publishing API.',
      });
    }
    container.statusCode = 'PUBLISHED';
    container.status = 'Published';
    const item: PeerMedia = {
      id: core.newId(),
      containerId: id,
      mediaType:
        container.mediaType === 'REELS' ? 'VIDEO' : container.mediaType === 'CAROUSEL' ? 'CAROUSEL_ALBUM' : 'IMAGE',
      caption: container.caption ?? '',
      timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, '+0000'),
      permalink: '',
      children: container.children,
      insights: { reach: 0, likes: 0, comments: 0, shares: 0, saved: 0, views: 0 },
    };
    item.permalink = `https://www.instagram.com/p/${Buffer.from(item.id).toString('base64url').slice(0, 11)}/`;
    media.set(item.id, item);
    return { status: 200, body: { id: item.id } };
  }

  const fieldsOf = (params: Map<string, string>, allowed: string[]): string[] | RestReply => {
    const fields = (params.get('fields') ?? '').split(',').filter(Boolean);
    const unknown = fields.find((f) => !allowed.includes(f));
    return unknown ? invalidParameter(`Tried accessing nonexisting field (${unknown})`) : fields;
  };
  const pick = (fields: string[], values: Record<string, unknown>) =>
    Object.fromEntries(['id', ...fields].map((f) => [f, values[f]]).filter(([, v]) => v !== undefined));

  const handle = async (req: RestRequest): Promise<RestReply> => {
    const path = core.unversioned(req.path);
    if (path === null)
      return graphErrorReply(400, { message: 'Unknown path components: the API version is required', code: 2500 });
    const auth = core.authenticate(req);
    if (!('entry' in auth)) return auth;
    const { token, entry } = auth;
    const meter = core.meter(token, entry.userId, 'instagram');
    const reply = (r: RestReply): RestReply => ({ ...r, headers: { ...meter.headers, ...r.headers } });
    if (meter.exceeded) return reply(meter.exceeded);
    const has = (...scopes: string[]) => scopes.every((s) => entry.scopes.includes(s));
    const route = `${req.method} ${path}`;
    const self = (id: string | undefined) => id === user.id || id === 'me';
    let match: RegExpExecArray | null;

    if ((match = /^POST \/(\w+)\/media$/.exec(route)) && self(match[1])) {
      if (!has('instagram_business_basic', 'instagram_business_content_publish')) return reply(missingPermission());
      const params = core.params(req, CONTAINER_PARAMS);
      if (!(params instanceof Map)) return reply(params);
      return reply(await createContainer(params));
    }
    if ((match = /^POST \/(\w+)\/media_publish$/.exec(route)) && self(match[1])) {
      if (!has('instagram_business_basic', 'instagram_business_content_publish')) return reply(missingPermission());
      const params = core.params(req, ['creation_id']);
      if (!(params instanceof Map)) return reply(params);
      return reply(publish(params));
    }
    if (req.method !== 'GET') return reply(invalidParameter(`Unsupported ${req.method.toLowerCase()} request.`));
    if (!has('instagram_business_basic')) return reply(missingPermission());
    const params = core.params(req, [
      'fields',
      'metric',
      'period',
      'limit',
      'since',
      'until',
      'after',
      'before',
      'breakdown',
      'metric_type',
    ]);
    if (!(params instanceof Map)) return reply(params);

    if ((match = /^GET \/(\w+)\/content_publishing_limit$/.exec(route)) && self(match[1])) {
      if (!has('instagram_business_content_publish')) return reply(missingPermission());
      const fields = fieldsOf(params, ['quota_usage', 'config']);
      if (!Array.isArray(fields)) return reply(fields);
      const wanted = fields.length ? fields : ['quota_usage'];
      const row: Record<string, unknown> = { quota_usage: publishedInWindow() };
      if (wanted.includes('config')) row.config = { quota_total: publishLimit, quota_duration: 86_400 };
      return reply({
        status: 200,
        body: { data: [Object.fromEntries(Object.entries(row).filter(([k]) => wanted.includes(k)))] },
      });
    }
    if ((match = /^GET \/(\w+)\/media$/.exec(route)) && self(match[1])) {
      const fields = fieldsOf(params, [
        'id',
        'caption',
        'timestamp',
        'permalink',
        'media_type',
        'like_count',
        'comments_count',
      ]);
      if (!Array.isArray(fields)) return reply(fields);
      const limit = Math.min(Number(params.get('limit') ?? 25) || 25, 100);
      const all = [...media.values()].reverse().slice(0, limit);
      return reply({
        status: 200,
        body: {
          data: all.map((m) =>
            pick(fields, {
              id: m.id,
              caption: m.caption,
              timestamp: m.timestamp,
              permalink: m.permalink,
              media_type: m.mediaType,
            }),
          ),
          paging: { cursors: { before: 'QVFIU0', after: 'QVFIU1' } },
        },
      });
    }
    if ((match = /^GET \/(\d+)\/insights$/.exec(route))) {
      if (!has('instagram_business_manage_insights')) return reply(missingPermission());
      const item = media.get(match[1] ?? '');
      if (!item) return reply(objectNotFound(match[1] ?? ''));
      const metrics = (params.get('metric') ?? '').split(',').filter(Boolean);
      const unknown = metrics.find((m) => !INSIGHT_METRICS.has(m));
      if (metrics.length === 0 || unknown) {
        return reply(
          invalidParameter(
            `metric[${metrics.indexOf(unknown ?? '')}] must be one of the following values: ${[...INSIGHT_METRICS].join(', ')}`,
          ),
        );
      }
      return reply({
        status: 200,
        body: {
          data: metrics.map((name) => ({
            name,
            period: 'lifetime',
            values: [{ value: item.insights[name] ?? 0 }],
            title: name,
            description: name,
            id: `${item.id}/insights/${name}/lifetime`,
          })),
        },
      });
    }
    if (route === 'GET /me' || ((match = /^GET \/(\d+)$/.exec(route)) && match[1] === user.id)) {
      const fields = fieldsOf(params, [
        'id',
        'user_id',
        'username',
        'name',
        'account_type',
        'followers_count',
        'follows_count',
        'media_count',
        'profile_picture_url',
      ]);
      if (!Array.isArray(fields)) return reply(fields);
      return reply({
        status: 200,
        body: pick(fields, {
          id: user.id,
          user_id: user.id,
          username: user.username,
          name: user.name,
          account_type: 'BUSINESS',
          followers_count: user.followers,
          media_count: media.size,
        }),
      });
    }
    if ((match = /^GET \/(\d+)$/.exec(route))) {
      const id = match[1] ?? '';
      const container = containers.get(id);
      if (container) {
        const fields = fieldsOf(params, ['id', 'status_code', 'status', 'copyright_check_status']);
        if (!Array.isArray(fields)) return reply(fields);
        if (container.statusCode === 'IN_PROGRESS') {
          container.pollsLeft -= 1;
          if (container.pollsLeft <= 0) {
            container.statusCode = 'FINISHED';
            container.status = 'Finished';
          }
        }
        container.checks.push(container.statusCode);
        return reply({
          status: 200,
          body: pick(fields, { status_code: container.statusCode, status: container.status, id }),
        });
      }
      const item = media.get(id);
      if (item) {
        const fields = fieldsOf(params, [
          'id',
          'caption',
          'timestamp',
          'permalink',
          'media_type',
          'like_count',
          'comments_count',
        ]);
        if (!Array.isArray(fields)) return reply(fields);
        return reply({
          status: 200,
          body: pick(fields, {
            id,
            caption: item.caption,
            timestamp: item.timestamp,
            permalink: item.permalink,
            media_type: item.mediaType,
          }),
        });
      }
      return reply(objectNotFound(id));
    }
    return reply(invalidParameter(`Unsupported get request.`));
  };

  const peer = await startRestPeer(handle);
  return {
    ...peer,
    user,
    container: (id) => containers.get(id),
    media: () => [...media.values()],
    issueToken: (scopes = INSTAGRAM_ALL_SCOPES, expiresInMs) => core.issue(user.id, scopes, expiresInMs),
    revokeToken: (token) => core.revoke(token),
  };
}
