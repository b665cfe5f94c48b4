import { threadsLength, threadsLinkCount } from '../../../src/shared/platforms/threads';
import {
  createGraphCore,
  fetchMedia,
  graphErrorReply,
  invalidParameter,
  missingPermission,
  objectNotFound,
} from '../instagram/graph-peer';
import { type RestPeer, type RestReply, type RestRequest, startRestPeer } from '../shared/rest-peer';

/** Protocol peer of the Threads API (graph.threads.net): containers, publishing, replies, insights. See README.md. */

export const THREADS_ALL_SCOPES = [
  'threads_basic',
  'threads_content_publish',
  'threads_manage_insights',
  'threads_delete',
];

export interface ThreadsPeerOptions {
  /** Status checks an IMAGE/VIDEO/CAROUSEL container answers IN_PROGRESS before FINISHED (TEXT is ready at once). */
  mediaProcessingPolls?: number;
  /** Posts per 24 hours (replies have their own 1000). */
  publishLimit?: number;
  callLimit?: number;
}

type Status = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

export interface ThreadsContainer {
  id: string;
  mediaType: 'TEXT' | 'IMAGE' | 'VIDEO' | 'CAROUSEL';
  text: string;
  isCarouselItem: boolean;
  children: string[];
  replyToId: string | null;
  pollsLeft: number;
  status: Status;
  errorMessage: string | null;
  checks: Status[];
}

export interface ThreadsPost {
  id: string;
  text: string;
  mediaType: string;
  timestamp: string;
  permalink: string;
  replyToId: string | null;
  deleted: boolean;
  insights: Record<string, number>;
}

export interface ThreadsPeer extends RestPeer {
  readonly user: { id: string; username: string; name: string; followers: number };
  container(id: string): ThreadsContainer | undefined;
  posts(): ThreadsPost[];
  post(id: string): ThreadsPost | undefined;
  issueToken(scopes?: string[], expiresInMs?: number): string;
}

const CONTAINER_PARAMS = [
  'media_type',
  'text',
  'image_url',
  'video_url',
  'is_carousel_item',
  'children',
  'reply_to_id',
  'reply_control',
  'alt_text',
  'link_attachment',
  'quote_post_id',
  'topic_tag',
  'allowlisted_country_codes',
  'location_id',
] as const;
const REPLY_CONTROLS = [
  'everyone',
  'accounts_you_follow',
  'mentioned_only',
  'parent_post_author_only',
  'followers_only',
];
const POST_METRICS = new Set(['views', 'likes', 'replies', 'reposts', 'quotes', 'shares']);
const DAY_MS = 24 * 60 * 60 * 1000;

const notReady = (): RestReply =>
  graphErrorReply(400, {
    message: 'The media is not ready to be published. Please wait a moment.',
    code: 24,
    error_subcode: 4279009,
    error_user_title: 'Media Not Found',
  });

export async function startThreadsPeer(options: ThreadsPeerOptions = {}): Promise<ThreadsPeer> {
  const mediaPolls = options.mediaProcessingPolls ?? 1;
  const publishLimit = options.publishLimit ?? 250;
  const core = createGraphCore({ callLimit: options.callLimit ?? 200, idBase: 18_000_000_000_000_000n });
  const user = { id: '25000000000000001', username: 'creator', name: 'Peer Creator', followers: 789 };
  const containers = new Map<string, ThreadsContainer>();
  const posts = new Map<string, ThreadsPost>();
  const inWindow = (reply: boolean) =>
    [...posts.values()].filter((p) => (p.replyToId !== null) === reply && Date.parse(p.timestamp) > Date.now() - DAY_MS)
      .length;

  async function createContainer(params: Map<string, string>): Promise<RestReply> {
    const type = params.get('media_type');
    if (!type || !['TEXT', 'IMAGE', 'VIDEO', 'CAROUSEL'].includes(type))
      return invalidParameter('Param media_type must be one of {TEXT, IMAGE, VIDEO, CAROUSEL}');
    const item = params.get('is_carousel_item');
    if (item !== undefined && item !== 'true' && item !== 'false')
      return invalidParameter('Param is_carousel_item must be a boolean');
    const isItem = item === 'true';
    const text = params.get('text') ?? '';
    if (threadsLength(text) > 500) return invalidParameter('Param text must be at most 500 characters long', 4279028);
    if (threadsLinkCount(text) > 5) return invalidParameter('Param text has more than 5 links', 4279041);
    const control = params.get('reply_control');
    if (control !== undefined && !REPLY_CONTROLS.includes(control))
      return invalidParameter('Param reply_control is invalid');
    const replyTo = params.get('reply_to_id') ?? null;
    if (replyTo !== null) {
      const parent = posts.get(replyTo);
      if (!parent || parent.deleted) return invalidParameter(`Param reply_to_id: ${replyTo} is not a published post`);
    }
    if (isItem && (text || replyTo)) return invalidParameter('Carousel items take no text or reply_to_id');
    const base = { id: core.newId(), text, isCarouselItem: isItem, replyToId: replyTo, errorMessage: null, checks: [] };
    if (type === 'TEXT') {
      if (isItem) return invalidParameter('Carousel items are IMAGE or VIDEO');
      if (!text.trim()) return invalidParameter('Param text is required for media_type=TEXT');
      if (params.has('image_url') || params.has('video_url') || params.has('children'))
        return invalidParameter('A TEXT post takes no media');
      const container: ThreadsContainer = {
        ...base,
        mediaType: 'TEXT',
        children: [],
        pollsLeft: 0,
        status: 'FINISHED',
      };
      containers.set(container.id, container);
      return { status: 200, body: { id: container.id } };
    }
    if (type === 'CAROUSEL') {
      if (isItem) return invalidParameter('A carousel cannot be a carousel item');
      const children = (params.get('children') ?? '').split(',').filter(Boolean);
      if (children.length < 2 || children.length > 20)
        return invalidParameter('Param children must list 2 to 20 containers');
      for (const id of children) {
        const child = containers.get(id);
        if (!child || !child.isCarouselItem)
          return invalidParameter(`Param children: ${id} is not a carousel item container`);
        if (child.status !== 'FINISHED') return notReady();
      }
      const container: ThreadsContainer = {
        ...base,
        mediaType: 'CAROUSEL',
        children,
        pollsLeft: mediaPolls,
        status: 'IN_PROGRESS',
      };
      containers.set(container.id, container);
      return { status: 200, body: { id: container.id } };
    }
    const urlKey = type === 'IMAGE' ? 'image_url' : 'video_url';
    const url = params.get(urlKey);
    if (!url) return invalidParameter(`Param ${urlKey} is required for media_type=${type}`);
    if (params.has(type === 'IMAGE' ? 'video_url' : 'image_url') || params.has('children'))
      return invalidParameter(`media_type=${type} takes only ${urlKey}`);
    // Threads downloads the media while the container processes; a failed download is ERROR.
    const contentType = await fetchMedia(url);
    const okType =
      contentType !== null &&
      (type === 'IMAGE' ? /^image\/(jpeg|png)/.test(contentType) : /^video\/(mp4|quicktime)/.test(contentType));
    const container: ThreadsContainer = {
      ...base,
      mediaType: type === 'IMAGE' ? 'IMAGE' : 'VIDEO',
      children: [],
      pollsLeft: mediaPolls,
      status: okType ? 'IN_PROGRESS' : 'ERROR',
      errorMessage: okType ? null : 'FAILED_DOWNLOADING_VIDEO',
    };
    if (!okType && type === 'IMAGE') container.errorMessage = 'UNKNOWN';
    containers.set(container.id, container);
    return { status: 200, body: { id: container.id } };
  }

  function publish(params: Map<string, string>): RestReply {
    const id = params.get('creation_id');
    if (!id) return invalidParameter('The parameter creation_id is required');
    const container = containers.get(id);
    if (!container || container.isCarouselItem)
      return invalidParameter(`Param creation_id: ${id} is not a valid container`);
    if (container.status !== 'FINISHED') return notReady();
    const reply = container.replyToId !== null;
    if (inWindow(reply) >= (reply ? 1000 : publishLimit)) {
      return graphErrorReply(400, {
        message: 'Application request limit reached',
        code: 4,
        error_subcode: 2207051,
        is_transient: true,
      });
    }
    container.status = 'PUBLISHED';
    const post: ThreadsPost = {
      id: core.newId(),
      text: container.text,
      mediaType:
        container.mediaType === 'TEXT'
          ? 'TEXT_POST'
          : container.mediaType === 'CAROUSEL'
            ? 'CAROUSEL_ALBUM'
            : container.mediaType,
      timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, '+0000'),
      permalink: '',
      replyToId: container.replyToId,
      deleted: false,
      insights: { views: 0, likes: 0, replies: 0, reposts: 0, quotes: 0, shares: 0 },
    };
    post.permalink = `https://www.threads.net/@${user.username}/post/${Buffer.from(post.id).toString('base64url').slice(0, 11)}`;
    posts.set(post.id, post);
    return { status: 200, body: { id: post.id } };
  }

  const fieldsOf = (params: Map<string, string>, allowed: string[]): string[] | RestReply => {
    const fields = (params.get('fields') ?? '').split(',').filter(Boolean);
    const unknown = fields.find((f) => !allowed.includes(f));
    return unknown ? invalidParameter(`Tried accessing nonexisting field (${unknown})`) : fields;
  };
  const pick = (fields: string[], values: Record<string, unknown>) =>
    Object.fromEntries(['id', ...fields].map((f) => [f, values[f]]).filter(([, v]) => v !== undefined && v !== null));
  const postJson = (fields: string[], p: ThreadsPost) =>
    pick(fields, {
      id: p.id,
      text: p.text,
      timestamp: p.timestamp,
      permalink: p.permalink,
      media_type: p.mediaType,
      is_reply: p.replyToId !== null,
      username: user.username,
    });
  const POST_FIELDS = ['id', 'text', 'timestamp', 'permalink', 'media_type', 'is_reply', 'username'];

  const list = (params: Map<string, string>, replies: boolean): RestReply => {
    const fields = fieldsOf(params, POST_FIELDS);
    if (!Array.isArray(fields)) return fields;
    const since = params.has('since') ? Number(params.get('since')) * 1000 : 0;
    if (!Number.isFinite(since)) return invalidParameter('Param since must be a unix timestamp');
    const limit = Math.min(Number(params.get('limit') ?? 25) || 25, 100);
    const found = [...posts.values()]
      .filter((p) => !p.deleted && (p.replyToId !== null) === replies && Date.parse(p.timestamp) >= since - 999)
      .reverse()
      .slice(0, limit);
    return {
      status: 200,
      body: { data: found.map((p) => postJson(fields, p)), paging: { cursors: { before: 'QVFI', after: 'QVFJ' } } },
    };
  };

  const handle = async (req: RestRequest): Promise<RestReply> => {
    const path = core.unversioned(req.path);
    if (path === null)
      return graphErrorReply(400, { message: 'Unknown path components: the API version is required', code: 2500 });
    const auth = core.authenticate(req);
    if (!('entry' in auth)) return auth;
    const { token, entry } = auth;
    const meter = core.meter(token, entry.userId, 'threads');
    const reply = (r: RestReply): RestReply => ({ ...r, headers: { ...meter.headers, ...r.headers } });
    if (meter.exceeded) return reply(meter.exceeded);
    const has = (...scopes: string[]) => scopes.every((s) => entry.scopes.includes(s));
    if (!has('threads_basic')) return reply(missingPermission());
    const route = `${req.method} ${path}`;
    const self = (id: string | undefined) => id === user.id || id === 'me';
    let match: RegExpExecArray | null;

    if ((match = /^POST \/(\w+)\/threads$/.exec(route)) && self(match[1])) {
      if (!has('threads_content_publish')) return reply(missingPermission());
      const params = core.params(req, CONTAINER_PARAMS);
      if (!(params instanceof Map)) return reply(params);
      return reply(await createContainer(params));
    }
    if ((match = /^POST \/(\w+)\/threads_publish$/.exec(route)) && self(match[1])) {
      if (!has('threads_content_publish')) return reply(missingPermission());
      const params = core.params(req, ['creation_id']);
      if (!(params instanceof Map)) return reply(params);
      return reply(publish(params));
    }
    if ((match = /^DELETE \/(\d+)$/.exec(route))) {
      if (!has('threads_delete')) return reply(missingPermission());
      const post = posts.get(match[1] ?? '');
      if (!post || post.deleted) return reply(objectNotFound(match[1] ?? ''));
      post.deleted = true;
      return reply({ status: 200, body: { success: true, deleted_id: post.id } });
    }
    if (req.method !== 'GET') return reply(invalidParameter(`Unsupported ${req.method.toLowerCase()} request.`));
    const params = core.params(req, [
      'fields',
      'metric',
      'since',
      'until',
      'limit',
      'after',
      'before',
      'period',
      'breakdown',
    ]);
    if (!(params instanceof Map)) return reply(params);

    if ((match = /^GET \/(\w+)\/threads_publishing_limit$/.exec(route)) && self(match[1])) {
      const fields = fieldsOf(params, ['quota_usage', 'config', 'reply_quota_usage', 'reply_config']);
      if (!Array.isArray(fields)) return reply(fields);
      const row: Record<string, unknown> = {
        quota_usage: inWindow(false),
        config: { quota_total: publishLimit, quota_duration: 86_400 },
        reply_quota_usage: inWindow(true),
        reply_config: { quota_total: 1000, quota_duration: 86_400 },
      };
      const wanted = fields.length ? fields : ['quota_usage'];
      return reply({
        status: 200,
        body: { data: [Object.fromEntries(Object.entries(row).filter(([k]) => wanted.includes(k)))] },
      });
    }
    if ((match = /^GET \/(\w+)\/threads$/.exec(route)) && self(match[1])) return reply(list(params, false));
    if ((match = /^GET \/(\w+)\/replies$/.exec(route)) && self(match[1])) return reply(list(params, true));
    if ((match = /^GET \/(\w+)\/threads_insights$/.exec(route)) && self(match[1])) {
      if (!has('threads_manage_insights')) return reply(missingPermission());
      const metrics = (params.get('metric') ?? '').split(',').filter(Boolean);
      const allowed = [
        'views',
        'likes',
        'replies',
        'reposts',
        'quotes',
        'clicks',
        'followers_count',
        'follower_demographics',
      ];
      if (metrics.length === 0 || metrics.some((m) => !allowed.includes(m)))
        return reply(invalidParameter(`metric must be one of the following values: ${allowed.join(', ')}`));
      return reply({
        status: 200,
        body: {
          data: metrics.map((name) => ({
            name,
            period: 'day',
            title: name,
            description: name,
            total_value: { value: name === 'followers_count' ? user.followers : 0 },
            id: `${user.id}/insights/${name}/day`,
          })),
        },
      });
    }
    if ((match = /^GET \/(\d+)\/insights$/.exec(route))) {
      if (!has('threads_manage_insights')) return reply(missingPermission());
      const post = posts.get(match[1] ?? '');
      if (!post || post.deleted) return reply(objectNotFound(match[1] ?? ''));
      const metrics = (params.get('metric') ?? '').split(',').filter(Boolean);
      if (metrics.length === 0 || metrics.some((m) => !POST_METRICS.has(m)))
        return reply(invalidParameter(`metric must be one of the following values: ${[...POST_METRICS].join(', ')}`));
      return reply({
        status: 200,
        body: {
          data: metrics.map((name) => ({
            name,
            period: 'lifetime',
            values: [{ value: post.insights[name] ?? 0 }],
            title: name,
            description: name,
            id: `${post.id}/insights/${name}/lifetime`,
          })),
        },
      });
    }
    if (route === 'GET /me' || ((match = /^GET \/(\d+)$/.exec(route)) && match[1] === user.id)) {
      const fields = fieldsOf(params, ['id', 'username', 'name', 'threads_profile_picture_url', 'threads_biography']);
      if (!Array.isArray(fields)) return reply(fields);
      return reply({ status: 200, body: pick(fields, { id: user.id, username: user.username, name: user.name }) });
    }
    if ((match = /^GET \/(\d+)$/.exec(route))) {
      const id = match[1] ?? '';
      const container = containers.get(id);
      if (container) {
        const fields = fieldsOf(params, ['id', 'status', 'error_message']);
        if (!Array.isArray(fields)) return reply(fields);
        if (container.status === 'IN_PROGRESS') {
          container.pollsLeft -= 1;
          if (container.pollsLeft <= 0) container.status = 'FINISHED';
        }
        container.checks.push(container.status);
        return reply({
          status: 200,
          body: pick(fields, { id, status: container.status, error_message: container.errorMessage }),
        });
      }
      const post = posts.get(id);
      if (post && !post.deleted) {
        const fields = fieldsOf(params, POST_FIELDS);
        if (!Array.isArray(fields)) return reply(fields);
        return reply({ status: 200, body: postJson(fields, post) });
      }
      return reply(objectNotFound(id));
    }
    return reply(invalidParameter('Unsupported get request.'));
  };

  const peer = await startRestPeer(handle);
  return {
    ...peer,
    user,
    container: (id) => containers.get(id),
    posts: () => [...posts.values()].filter((p) => !p.deleted),
    post: (id) => posts.get(id),
    issueToken: (scopes = THREADS_ALL_SCOPES, expiresInMs) => core.issue(user.id, scopes, expiresInMs),
  };
}
