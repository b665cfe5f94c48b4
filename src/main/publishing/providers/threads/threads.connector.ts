import { basename } from 'node:path';
import { threadsLength, threadsLinkCount } from '../../../../shared/platforms/threads';
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

export interface ThreadsConnectorOptions {
  timeoutMs?: number;
  pollMs?: number;
  pollsPerPublish?: number;
  version?: string;
}

export const THREADS_SCOPES = ['threads_basic', 'threads_content_publish', 'threads_manage_insights', 'threads_delete'];
export const THREADS_REQUIRED_SCOPES = ['threads_basic', 'threads_content_publish'];
export const THREADS_TEXT_LIMIT = 500;
const MAX_LINKS = 5;
const MAX_CAROUSEL = 20;
const IMAGE_MIME = ['image/jpeg', 'image/png'];
const VIDEO_MIME = ['video/mp4', 'video/quicktime'];
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
const MAX_VIDEO_BYTES = 1024 * 1024 * 1024;
const METRICS = ['views', 'likes', 'replies', 'reposts', 'quotes', 'shares'] as const;

interface Insights {
  data?: { name: string; values?: { value: number }[]; total_value?: { value: number } }[];
}
interface ThreadNode {
  id: string;
  text?: string;
  timestamp?: string;
  permalink?: string;
  is_reply?: boolean;
}

/** Threads' rules: 500 characters per post (emoji as UTF-8 bytes), 5 links, media from a public URL. */
export function validateThreads(request: PublishRequest): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const error = (message: string) => findings.push({ severity: 'error', message });
  if (request.parts.length === 0) error('There is nothing to post.');
  request.parts.forEach((part, index) => {
    const where = request.parts.length > 1 ? `Part ${index + 1}` : 'The post';
    const length = threadsLength(part);
    if (length > THREADS_TEXT_LIMIT) error(`${where} is ${length} of ${THREADS_TEXT_LIMIT} characters.`);
    if (threadsLinkCount(part) > MAX_LINKS) error(`${where} has more than ${MAX_LINKS} links.`);
    if (part.trim() === '' && !(index === 0 && request.media.length > 0)) error(`${where} is empty.`);
  });
  if (request.media.length > MAX_CAROUSEL) error(`A carousel takes at most ${MAX_CAROUSEL} items.`);
  for (const item of request.media) {
    const name = basename(item.path);
    if (!item.publicUrl) {
      error(
        `${name} has no public URL. Threads fetches media from the web: turn on the media relay (the sync service) or set your own host for media.`,
      );
    }
    const allowed = item.kind === 'video' ? VIDEO_MIME : IMAGE_MIME;
    if (!allowed.includes(item.mime)) error(`${name}: Threads does not accept ${item.mime}.`);
    const limit = item.kind === 'video' ? MAX_VIDEO_BYTES : MAX_IMAGE_BYTES;
    if (item.bytes > limit) error(`${name} is ${item.bytes} bytes; Threads accepts up to ${limit}.`);
  }
  return findings;
}

/** Threads API (graph.threads.net): containers, `threads_publish`, threads as replies, insights. */
export function createThreadsConnector(options: ThreadsConnectorOptions = {}): PlatformConnector {
  const client: GraphClient = {
    name: 'Threads',
    version: options.version ?? 'v1.0',
    timeoutMs: options.timeoutMs ?? 30_000,
  };
  const call = <T>(context: ConnectorContext, request: GraphCall) => graphFetch<T>(client, context, request);

  const me = (context: ConnectorContext) =>
    call<{ id: string; username: string; name?: string }>(context, {
      method: 'GET',
      path: '/me',
      query: { fields: 'id,username,name' },
    });
  const userId = async (context: ConnectorContext) => context.account.externalId ?? (await me(context)).id;
  const create = async (context: ConnectorContext, form: Record<string, string>): Promise<string> => {
    const body = await call<{ id: string }>(context, {
      method: 'POST',
      path: `/${await userId(context)}/threads`,
      form,
    });
    return body.id;
  };
  const mediaFields = (item: MediaItem): Record<string, string> => ({
    ...(item.kind === 'video'
      ? { media_type: 'VIDEO', video_url: item.publicUrl ?? '' }
      : { media_type: 'IMAGE', image_url: item.publicUrl ?? '' }),
    ...(item.altText.trim() ? { alt_text: item.altText } : {}),
  });

  const flow = containerFlow(
    {
      name: 'Threads',
      async createPart(context, text, media, replyTo) {
        const reply: Record<string, string> = replyTo ? { reply_to_id: replyTo } : {};
        const [only] = media;
        if (media.length === 0) return { container: await create(context, { media_type: 'TEXT', text, ...reply }) };
        if (media.length === 1 && only) {
          return { container: await create(context, { ...mediaFields(only), ...(text ? { text } : {}), ...reply }) };
        }
        const children: string[] = [];
        for (const item of media)
          children.push(await create(context, { ...mediaFields(item), is_carousel_item: 'true' }));
        return { children };
      },
      createCarousel: (context, text, children) =>
        create(context, { media_type: 'CAROUSEL', children: children.join(','), ...(text ? { text } : {}) }),
      async status(context, id) {
        const body = await call<{ status?: string; error_message?: string }>(context, {
          method: 'GET',
          path: `/${id}`,
          query: { fields: 'status,error_message' },
        });
        return { status: body.status ?? 'IN_PROGRESS', message: body.error_message ?? null };
      },
      async publish(context, creationId) {
        const body = await call<{ id: string }>(context, {
          method: 'POST',
          path: `/${await userId(context)}/threads_publish`,
          form: { creation_id: creationId },
        });
        return body.id;
      },
      async ref(context, ids) {
        const id = ids[0] ?? '';
        const node = await call<ThreadNode>(context, {
          method: 'GET',
          path: `/${id}`,
          query: { fields: 'id,permalink' },
        });
        return { externalId: id, url: node.permalink ?? null, partIds: ids };
      },
    },
    { pollMs: options.pollMs ?? 5_000, pollsPerStep: options.pollsPerPublish ?? 6 },
  );

  /** The 24-hour quota (250 posts, 1000 replies), reported as rate-limit buckets. */
  async function checkQuota(context: ConnectorContext, replies: number): Promise<void> {
    const body = await call<{
      data?: {
        quota_usage?: number;
        config?: { quota_total?: number };
        reply_quota_usage?: number;
        reply_config?: { quota_total?: number };
      }[];
    }>(context, {
      method: 'GET',
      path: `/${await userId(context)}/threads_publishing_limit`,
      query: { fields: 'quota_usage,config,reply_quota_usage,reply_config' },
    });
    const entry = body.data?.[0];
    const check = (bucket: string, used: number | undefined, total: number | undefined, needed: number) => {
      if (used === undefined || total === undefined) return;
      context.onRateLimit?.({ bucket, limit: total, remaining: Math.max(0, total - used), resetAt: null });
      if (needed > 0 && used + needed > total) {
        throw new ConnectorError(
          'rate_limited',
          `Threads: ${used} of ${total} ${bucket.replace('threads_', '')} used in 24 hours.`,
          {
            platformCode: bucket,
            resetAt: null,
          },
        );
      }
    };
    check('threads_posts', entry?.quota_usage, entry?.config?.quota_total, 1);
    check('threads_replies', entry?.reply_quota_usage, entry?.reply_config?.quota_total, replies);
  }

  return {
    platform: 'threads',
    auth: {
      kind: 'oauth2-pkce',
      authorizeUrl: 'https://threads.net/oauth/authorize',
      tokenUrl: 'https://graph.threads.net/oauth/access_token',
      scopes: THREADS_SCOPES,
      requiredScopes: THREADS_REQUIRED_SCOPES,
      // The code exchange and th_exchange_token need the app secret; scopes are comma-separated
      // (https://developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions).
      exchange: 'confidential',
      scopeSeparator: ',',
    },

    validate: validateThreads,

    async publish(context, request) {
      const errors = validateThreads(request).filter((f) => f.severity === 'error');
      if (errors.length > 0) throw new ConnectorError('invalid', errors.map((f) => f.message).join(' '));
      await checkQuota(context, request.parts.length - 1);
      return flow.start(context, request.parts, request.media);
    },

    checkStatus: (context, remote) => flow.resume(context, remote),

    async findExisting(context, request, since) {
      const after = Date.parse(since) - 60_000;
      const listed = async (path: string) =>
        (
          await call<{ data?: ThreadNode[] }>(context, {
            method: 'GET',
            path,
            query: {
              fields: 'id,text,timestamp,permalink',
              since: String(Math.floor(after / 1000)),
              limit: '100',
            },
          })
        ).data ?? [];
      const uid = await userId(context);
      const posts = await listed(`/${uid}/threads`);
      const same = (node: ThreadNode, text: string) => textMatchKey(node.text ?? '') === textMatchKey(text);
      const first = posts.find((p) => Date.parse(p.timestamp ?? '') >= after && same(p, request.parts[0] ?? ''));
      if (!first) return null;
      const ids = [first.id];
      if (request.parts.length > 1) {
        const replies = await listed(`/${uid}/replies`);
        for (const part of request.parts.slice(1)) {
          const next = replies.find(
            (r) => !ids.includes(r.id) && Date.parse(r.timestamp ?? '') >= after && same(r, part),
          );
          if (!next) break;
          ids.push(next.id);
        }
      }
      return { externalId: first.id, url: first.permalink ?? null, partIds: ids };
    },

    async delete(context, externalId) {
      try {
        await call(context, { method: 'DELETE', path: `/${externalId}` });
      } catch (error) {
        if (!(error instanceof ConnectorError && error.kind === 'not_found')) throw error;
      }
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
        const reposts = value('reposts');
        const quotes = value('quotes');
        const shares = value('shares');
        const all = [reposts, quotes, shares].filter((v): v is number => v !== null);
        metrics.set(id, {
          impressions: null,
          reach: null,
          views: value('views'),
          likes: value('likes'),
          comments: value('replies'),
          shares: all.length ? all.reduce((a, b) => a + b, 0) : null,
          saves: null,
          clicks: null,
        });
      }
      return metrics;
    },

    async accountMetrics(context) {
      const body = await call<Insights>(context, {
        method: 'GET',
        path: `/${await userId(context)}/threads_insights`,
        query: { metric: 'followers_count' },
      });
      const entry = body.data?.find((d) => d.name === 'followers_count');
      return { followers: entry?.total_value?.value ?? entry?.values?.[0]?.value ?? null };
    },

    async whoAmI(context) {
      const user = await me(context);
      return {
        externalId: user.id,
        handle: `@${user.username}`,
        displayName: user.name ?? user.username,
        ...(context.token.scopes ? { scopes: context.token.scopes } : {}),
      };
    },
  };
}
