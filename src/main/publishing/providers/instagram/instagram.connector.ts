import { basename } from 'node:path';
import { instagramHashtagCount, instagramMentionCount } from '../../../../shared/platforms/instagram-tags';
import { codePointLength } from '../../../../shared/platforms/text-units';
import {
  ConnectorError,
  type ConnectorContext,
  type MediaItem,
  type MetricCounts,
  type PlatformConnector,
  type PublishRequest,
  type ValidationFinding,
} from '../connector';
import { containerFlow, textMatchKey } from '../meta-graph/container-flow';
import { graphFetch, type GraphCall, type GraphClient } from '../meta-graph/graph.http';

export interface InstagramConnectorOptions {
  timeoutMs?: number;
  /** Pause between container status checks. */
  pollMs?: number;
  /** Status checks inside one publish (or one checkStatus) before handing back `pending`. */
  pollsPerPublish?: number;
  /** Graph API version path segment. */
  version?: string;
}

export const INSTAGRAM_SCOPES = [
  'instagram_business_basic',
  'instagram_business_content_publish',
  'instagram_business_manage_insights',
];
export const INSTAGRAM_REQUIRED_SCOPES = ['instagram_business_basic', 'instagram_business_content_publish'];

export const INSTAGRAM_CAPTION_LIMIT = 2200;
export const INSTAGRAM_HASHTAG_LIMIT = 30;
export const INSTAGRAM_MENTION_LIMIT = 20;
const MAX_CAROUSEL = 10;
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
const MAX_VIDEO_BYTES = 300 * 1024 * 1024;
const VIDEO_MIME = ['video/mp4', 'video/quicktime'];
const METRICS = ['reach', 'likes', 'comments', 'shares', 'saved', 'views'] as const;

interface Insights {
  data?: { name: string; values?: { value: number }[]; total_value?: { value: number } }[];
}
interface MediaNode {
  id: string;
  caption?: string;
  timestamp?: string;
  permalink?: string;
}

/** Instagram's rules: media is required (1 image, 1 reel, or a carousel of 2–10), fetched from a public URL. */
export function validateInstagram(request: PublishRequest): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const error = (message: string) => findings.push({ severity: 'error', message });
  if (request.parts.length > 1) {
    error('Instagram has no threads: join the parts into one caption.');
  }
  const caption = request.parts.join('\n\n');
  const length = codePointLength(caption);
  if (length > INSTAGRAM_CAPTION_LIMIT) error(`The caption is ${length} of ${INSTAGRAM_CAPTION_LIMIT} characters.`);
  const tags = instagramHashtagCount(caption);
  if (tags > INSTAGRAM_HASHTAG_LIMIT) error(`The caption has ${tags} hashtags; Instagram takes at most 30.`);
  const mentions = instagramMentionCount(caption);
  if (mentions > INSTAGRAM_MENTION_LIMIT) error(`The caption has ${mentions} @mentions; Instagram takes at most 20.`);
  if (request.media.length === 0) error('Instagram posts need an image or a video.');
  if (request.media.length > MAX_CAROUSEL) error(`A carousel takes at most ${MAX_CAROUSEL} items.`);
  for (const item of request.media) {
    const name = basename(item.path);
    if (!item.publicUrl) {
      error(
        `${name} has no public URL. Instagram fetches media from the web: turn on the media relay (the sync service) or set your own host for media.`,
      );
    }
    if (item.kind === 'image' && item.mime !== 'image/jpeg') error(`${name}: Instagram takes JPEG images only.`);
    if (item.kind === 'video' && !VIDEO_MIME.includes(item.mime)) error(`${name}: Instagram takes MP4 or MOV video.`);
    const limit = item.kind === 'video' ? MAX_VIDEO_BYTES : MAX_IMAGE_BYTES;
    if (item.bytes > limit) error(`${name} is ${item.bytes} bytes; Instagram accepts up to ${limit}.`);
  }
  return findings;
}

/**
 * Instagram API with Instagram Login (graph.instagram.com): containers (`POST /{ig-user-id}/media`),
 * status (`GET /{container}?fields=status_code`), `POST /{ig-user-id}/media_publish`, insights.
 */
export function createInstagramConnector(options: InstagramConnectorOptions = {}): PlatformConnector {
  const client: GraphClient = {
    name: 'Instagram',
    version: options.version ?? 'v23.0',
    timeoutMs: options.timeoutMs ?? 30_000,
  };
  const call = <T>(context: ConnectorContext, request: GraphCall) => graphFetch<T>(client, context, request);

  async function me(
    context: ConnectorContext,
  ): Promise<{ user_id?: string; id: string; username: string; name?: string }> {
    return call(context, { method: 'GET', path: '/me', query: { fields: 'user_id,username,name' } });
  }
  async function userId(context: ConnectorContext): Promise<string> {
    if (context.account.externalId) return context.account.externalId;
    const user = await me(context);
    return user.user_id ?? user.id;
  }
  const create = async (context: ConnectorContext, form: Record<string, string>): Promise<string> => {
    const body = await call<{ id: string }>(context, { method: 'POST', path: `/${await userId(context)}/media`, form });
    return body.id;
  };
  const mediaFields = (item: MediaItem): Record<string, string> =>
    item.kind === 'video' ? { video_url: item.publicUrl ?? '' } : { image_url: item.publicUrl ?? '' };

  /** The 24-hour publishing quota (`content_publishing_limit`), reported as a rate-limit bucket. */
  async function checkQuota(context: ConnectorContext): Promise<void> {
    const body = await call<{ data?: { quota_usage?: number; config?: { quota_total?: number } }[] }>(context, {
      method: 'GET',
      path: `/${await userId(context)}/content_publishing_limit`,
      query: { fields: 'quota_usage,config' },
    });
    const entry = body.data?.[0];
    const total = entry?.config?.quota_total ?? null;
    const used = entry?.quota_usage ?? null;
    if (total === null || used === null) return;
    context.onRateLimit?.({
      bucket: 'content_publishing_limit',
      limit: total,
      remaining: Math.max(0, total - used),
      resetAt: null,
    });
    if (used >= total) {
      throw new ConnectorError(
        'rate_limited',
        `Instagram: this account has published ${used} of ${total} posts in 24 hours.`,
        {
          platformCode: 'content_publishing_limit',
          resetAt: null,
        },
      );
    }
  }

  const flow = containerFlow(
    {
      name: 'Instagram',
      async createPart(context, text, media) {
        const [only] = media;
        if (media.length === 1 && only) {
          return {
            container: await create(context, {
              ...mediaFields(only),
              ...(only.kind === 'video' ? { media_type: 'REELS' } : {}),
              ...(text ? { caption: text } : {}),
              ...(only.kind === 'image' && only.altText.trim() ? { alt_text: only.altText } : {}),
            }),
          };
        }
        const children: string[] = [];
        for (const item of media) {
          children.push(
            await create(context, {
              ...mediaFields(item),
              ...(item.kind === 'video' ? { media_type: 'VIDEO' } : {}),
              is_carousel_item: 'true',
            }),
          );
        }
        return { children };
      },
      createCarousel: (context, text, children) =>
        create(context, { media_type: 'CAROUSEL', children: children.join(','), ...(text ? { caption: text } : {}) }),
      async status(context, id) {
        const body = await call<{ status_code?: string; status?: string }>(context, {
          method: 'GET',
          path: `/${id}`,
          query: { fields: 'status_code,status' },
        });
        return { status: body.status_code ?? 'IN_PROGRESS', message: body.status ?? null };
      },
      async publish(context, creationId) {
        const body = await call<{ id: string }>(context, {
          method: 'POST',
          path: `/${await userId(context)}/media_publish`,
          form: { creation_id: creationId },
        });
        return body.id;
      },
      async ref(context, ids) {
        const id = ids[0] ?? '';
        const node = await call<MediaNode>(context, {
          method: 'GET',
          path: `/${id}`,
          query: { fields: 'id,permalink' },
        });
        return { externalId: id, url: node.permalink ?? null, partIds: ids };
      },
    },
    { pollMs: options.pollMs ?? 5_000, pollsPerStep: options.pollsPerPublish ?? 6 },
  );

  return {
    platform: 'instagram',
    auth: {
      kind: 'oauth2-pkce',
      authorizeUrl: 'https://www.instagram.com/oauth/authorize',
      tokenUrl: 'https://api.instagram.com/oauth/access_token',
      scopes: INSTAGRAM_SCOPES,
      requiredScopes: INSTAGRAM_REQUIRED_SCOPES,
      // Business Login: the code exchange and ig_exchange_token need the app secret; scopes are
      // comma-separated (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login).
      exchange: 'confidential',
      scopeSeparator: ',',
    },

    validate: validateInstagram,

    async publish(context, request) {
      const errors = validateInstagram(request).filter((f) => f.severity === 'error');
      if (errors.length > 0) throw new ConnectorError('invalid', errors.map((f) => f.message).join(' '));
      await checkQuota(context);
      return flow.start(context, [request.parts.join('\n\n')], request.media);
    },

    checkStatus: (context, remote) => flow.resume(context, remote),

    async findExisting(context, request, since) {
      const body = await call<{ data?: MediaNode[] }>(context, {
        method: 'GET',
        path: `/${await userId(context)}/media`,
        query: { fields: 'id,caption,timestamp,permalink', limit: '50' },
      });
      const after = Date.parse(since) - 60_000;
      const key = textMatchKey(request.parts.join('\n\n'));
      const found = (body.data ?? []).find(
        (m) => Date.parse(m.timestamp ?? '') >= after && textMatchKey(m.caption ?? '') === key,
      );
      return found ? { externalId: found.id, url: found.permalink ?? null, partIds: [found.id] } : null;
    },

    delete() {
      // The Instagram API has no endpoint to delete a published post.
      return Promise.reject(
        new ConnectorError('invalid', 'Instagram does not let apps delete posts: delete it in the Instagram app.'),
      );
    },

    async postMetrics(context, externalIds) {
      const metrics = new Map<string, MetricCounts>();
      for (const id of externalIds) {
        let body: Insights;
        try {
          body = await call<Insights>(context, {
            method: 'GET',
            path: `/${id}/insights`,
            query: { metric: METRICS.join(',') },
          });
        } catch (error) {
          if (error instanceof ConnectorError && error.kind === 'not_found') continue;
          throw error;
        }
        const value = (name: string): number | null => {
          const entry = body.data?.find((d) => d.name === name);
          return entry?.values?.[0]?.value ?? entry?.total_value?.value ?? null;
        };
        metrics.set(id, {
          impressions: null,
          reach: value('reach'),
          views: value('views'),
          likes: value('likes'),
          comments: value('comments'),
          shares: value('shares'),
          saves: value('saved'),
          clicks: null,
        });
      }
      return metrics;
    },

    async accountMetrics(context) {
      const body = await call<{ followers_count?: number }>(context, {
        method: 'GET',
        path: `/${await userId(context)}`,
        query: { fields: 'followers_count' },
      });
      return { followers: body.followers_count ?? null };
    },

    async whoAmI(context) {
      const user = await me(context);
      return {
        externalId: user.user_id ?? user.id,
        handle: `@${user.username}`,
        displayName: user.name ?? user.username,
        ...(context.token.scopes ? { scopes: context.token.scopes } : {}),
      };
    },
  };
}
