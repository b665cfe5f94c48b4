import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { mastodonLength } from '../../../../shared/platforms/mastodon';
import {
  ConnectorError,
  type ConnectorContext,
  type MetricCounts,
  type PlatformConnector,
  type PublishOutcome,
  type PublishRequest,
  type PublishedRef,
  type RemoteState,
  type ValidationFinding,
} from '../connector';
import { mastodonFetch, type MastodonCall } from './mastodon.http';
import { matchKey, statusPlainText } from './mastodon.text';

export interface MastodonConnectorOptions {
  /** Per-request limit before the call counts as timed out (outcome unknown for a publish). */
  timeoutMs?: number;
  /** Pause between media processing checks while publishing. */
  mediaPollMs?: number;
  /** Checks inside one publish before handing back `pending` (then `checkStatus` goes on). */
  mediaPollsPerPublish?: number;
  /** How long an instance's limits are reused before `/api/v2/instance` is read again. */
  instanceCacheMs?: number;
}

/** What an instance accepts (`GET /api/v2/instance` → configuration). */
export interface MastodonLimits {
  maxCharacters: number;
  maxMedia: number;
  supportedMime: string[] | null;
  imageSizeLimit: number | null;
  videoSizeLimit: number | null;
}

export const MASTODON_DEFAULT_LIMITS: MastodonLimits = {
  maxCharacters: 500,
  maxMedia: 4,
  supportedMime: null,
  imageSizeLimit: null,
  videoSizeLimit: null,
};

/** Mastodon's MediaAttachment description limit. */
const MAX_ALT_TEXT = 1500;
export const MASTODON_SCOPES = ['read', 'write:statuses', 'write:media'];

interface StatusJson {
  id: string;
  url: string | null;
  uri: string;
  created_at: string;
  in_reply_to_id: string | null;
  content: string;
  favourites_count: number;
  reblogs_count: number;
  replies_count: number;
}

interface AccountJson {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  followers_count: number;
}

/** The checks Mastodon's server makes, against one instance's limits. */
export function validateMastodon(request: PublishRequest, limits: MastodonLimits): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const error = (message: string) => findings.push({ severity: 'error', message });
  if (request.parts.length === 0) error('There is nothing to post.');
  request.parts.forEach((part, index) => {
    const length = mastodonLength(part);
    const where = request.parts.length > 1 ? `Part ${index + 1}` : 'The post';
    if (length > limits.maxCharacters) {
      error(`${where} is ${length} characters; this instance allows ${limits.maxCharacters}.`);
    }
    const hasMedia = index === 0 && request.media.length > 0;
    if (part.trim() === '' && !hasMedia) error(`${where} is empty.`);
  });
  if (request.media.length > limits.maxMedia) error(`Mastodon takes at most ${limits.maxMedia} attachments per post.`);
  const videos = request.media.filter((m) => m.kind === 'video').length;
  if (videos > 0 && request.media.length > 1) error('Mastodon takes one video alone, without other attachments.');
  for (const item of request.media) {
    const name = basename(item.path);
    if (limits.supportedMime && !limits.supportedMime.includes(item.mime)) {
      error(`${name}: this instance does not accept ${item.mime}.`);
    }
    const sizeLimit = item.kind === 'video' ? limits.videoSizeLimit : limits.imageSizeLimit;
    if (sizeLimit !== null && item.bytes > sizeLimit) {
      error(`${name} is ${item.bytes} bytes; this instance accepts up to ${sizeLimit}.`);
    }
    if (item.altText.length > MAX_ALT_TEXT) error(`${name}: alt text is longer than ${MAX_ALT_TEXT} characters.`);
    if (item.altText.trim() === '') findings.push({ severity: 'warning', message: `${name} has no alt text.` });
  }
  return findings;
}

/** Mastodon (any instance): statuses, media v2, Idempotency-Key on every status. */
export function createMastodonConnector(options: MastodonConnectorOptions = {}): PlatformConnector {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const mediaPollMs = options.mediaPollMs ?? 1_000;
  const pollsPerPublish = options.mediaPollsPerPublish ?? 10;
  const cacheMs = options.instanceCacheMs ?? 60 * 60 * 1000;
  const instances = new Map<string, { limits: MastodonLimits; at: number }>();

  const call = async <T>(context: ConnectorContext, request: MastodonCall): Promise<T> =>
    (await mastodonFetch(context, request, timeoutMs)).body as T;

  async function instanceLimits(context: ConnectorContext): Promise<MastodonLimits> {
    const cached = instances.get(context.baseUrl);
    if (cached && Date.now() - cached.at < cacheMs) return cached.limits;
    const body = await call<{ configuration?: Record<string, Record<string, unknown> | undefined> }>(context, {
      method: 'GET',
      path: '/api/v2/instance',
      bucket: 'instance',
    });
    const statuses = body.configuration?.statuses ?? {};
    const media = body.configuration?.media_attachments ?? {};
    const num = (value: unknown, fallback: number | null) => (typeof value === 'number' ? value : fallback);
    const limits: MastodonLimits = {
      maxCharacters: num(statuses.max_characters, 500) ?? 500,
      maxMedia: num(statuses.max_media_attachments, 4) ?? 4,
      supportedMime: Array.isArray(media.supported_mime_types) ? media.supported_mime_types.map(String) : null,
      imageSizeLimit: num(media.image_size_limit, null),
      videoSizeLimit: num(media.video_size_limit, null),
    };
    instances.set(context.baseUrl, { limits, at: Date.now() });
    return limits;
  }

  async function accountId(context: ConnectorContext): Promise<string> {
    if (context.account.externalId) return context.account.externalId;
    const me = await call<AccountJson>(context, {
      method: 'GET',
      path: '/api/v1/accounts/verify_credentials',
      bucket: 'api',
    });
    return me.id;
  }

  async function uploadMedia(context: ConnectorContext, request: PublishRequest): Promise<string[]> {
    const ids: string[] = [];
    for (const item of request.media) {
      const form = new FormData();
      form.set('file', new Blob([await readFile(item.path)], { type: item.mime }), basename(item.path));
      if (item.altText.trim() !== '') form.set('description', item.altText);
      const body = await call<{ id: string }>(context, {
        method: 'POST',
        path: '/api/v2/media',
        form,
        bucket: 'media',
      });
      ids.push(body.id);
    }
    return ids;
  }

  /** True when every attachment is processed (`GET /api/v1/media/:id` answers 200 with a url; 206 while processing). */
  async function mediaReady(context: ConnectorContext, ids: string[]): Promise<boolean> {
    for (const id of ids) {
      const response = await mastodonFetch(
        context,
        { method: 'GET', path: `/api/v1/media/${id}`, bucket: 'api' },
        timeoutMs,
      );
      const url = (response.body as { url?: string | null } | null)?.url;
      if (response.status !== 200 || !url) return false;
    }
    return true;
  }

  async function waitForMedia(context: ConnectorContext, ids: string[], polls: number): Promise<boolean> {
    for (let attempt = 0; attempt < polls; attempt += 1) {
      if (await mediaReady(context, ids)) return true;
      await new Promise((resolve) => setTimeout(resolve, mediaPollMs));
    }
    return false;
  }

  /** Posts each part as a reply to the previous; each has its own key derived from the job's. */
  async function postThread(
    context: ConnectorContext,
    parts: string[],
    mediaIds: string[],
    key: string,
  ): Promise<PublishOutcome> {
    const posted: StatusJson[] = [];
    for (const [index, text] of parts.entries()) {
      const previous = posted.at(-1);
      const status = await call<StatusJson>(context, {
        method: 'POST',
        path: '/api/v1/statuses',
        headers: { 'idempotency-key': index === 0 ? key : `${key}/${index + 1}` },
        json: {
          status: text,
          visibility: 'public',
          ...(index === 0 && mediaIds.length > 0 ? { media_ids: mediaIds } : {}),
          ...(previous ? { in_reply_to_id: previous.id } : {}),
        },
        bucket: 'statuses',
      });
      posted.push(status);
    }
    return { status: 'published', ...toRef(posted) };
  }

  return {
    platform: 'mastodon',
    auth: { kind: 'mastodon-app', scopes: MASTODON_SCOPES },

    validate: (request) => validateMastodon(request, MASTODON_DEFAULT_LIMITS),

    async publish(context, request) {
      const errors = validateMastodon(request, await instanceLimits(context)).filter((f) => f.severity === 'error');
      if (errors.length > 0) throw new ConnectorError('invalid', errors.map((f) => f.message).join(' '));
      const mediaIds = await uploadMedia(context, request);
      if (mediaIds.length > 0 && !(await waitForMedia(context, mediaIds, pollsPerPublish))) {
        return {
          status: 'pending',
          remote: { stage: 'media', mediaIds, parts: request.parts, idempotencyKey: request.idempotencyKey },
          checkAfterMs: mediaPollMs * 5,
        };
      }
      return postThread(context, request.parts, mediaIds, request.idempotencyKey);
    },

    async checkStatus(context, remote: RemoteState) {
      const { mediaIds, parts, idempotencyKey } = remote;
      if (!Array.isArray(mediaIds) || !Array.isArray(parts) || typeof idempotencyKey !== 'string') {
        throw new ConnectorError('invalid', 'This pending Mastodon publish has no media state to check.');
      }
      if (!(await mediaReady(context, mediaIds))) return { status: 'pending', remote, checkAfterMs: mediaPollMs * 5 };
      return postThread(context, parts, mediaIds, idempotencyKey);
    },

    async findExisting(context, request, since) {
      // A resend with the same Idempotency-Key within the hour is already safe; this covers the
      // rest by matching the text among the account's recent statuses.
      const id = await accountId(context);
      const sinceMs = Date.parse(since) - 60_000;
      const recent: StatusJson[] = [];
      let maxId: string | null = null;
      for (let page = 0; page < 5; page += 1) {
        const batch: StatusJson[] = await call<StatusJson[]>(context, {
          method: 'GET',
          path: `/api/v1/accounts/${id}/statuses`,
          query: { limit: '40', ...(maxId ? { max_id: maxId } : {}) },
          bucket: 'api',
        });
        recent.push(...batch);
        const last = batch.at(-1);
        if (!last || batch.length < 40 || Date.parse(last.created_at) < sinceMs) break;
        maxId = last.id;
      }
      const candidates = recent.filter((s) => Date.parse(s.created_at) >= sinceMs);
      const same = (status: StatusJson, text: string) => matchKey(statusPlainText(status.content)) === matchKey(text);
      const first = candidates.find((s) => s.in_reply_to_id === null && same(s, request.parts[0] ?? ''));
      if (!first) return null;
      const chain = [first];
      for (const part of request.parts.slice(1)) {
        const previous = chain.at(-1);
        const next = candidates.find((s) => s.in_reply_to_id === previous?.id && same(s, part));
        if (!next) break;
        chain.push(next);
      }
      return toRef(chain);
    },

    async delete(context, externalId) {
      try {
        await call(context, { method: 'DELETE', path: `/api/v1/statuses/${externalId}`, bucket: 'statuses' });
      } catch (error) {
        // Already gone is what a delete wants.
        if (!(error instanceof ConnectorError && error.kind === 'not_found')) throw error;
      }
    },

    async postMetrics(context, externalIds) {
      const metrics = new Map<string, MetricCounts>();
      for (const id of externalIds) {
        try {
          const status = await call<StatusJson>(context, {
            method: 'GET',
            path: `/api/v1/statuses/${id}`,
            bucket: 'api',
          });
          metrics.set(id, {
            impressions: null,
            reach: null,
            views: null,
            likes: status.favourites_count,
            comments: status.replies_count,
            shares: status.reblogs_count,
            saves: null,
            clicks: null,
          });
        } catch (error) {
          if (!(error instanceof ConnectorError && error.kind === 'not_found')) throw error;
        }
      }
      return metrics;
    },

    async accountMetrics(context) {
      const me = await call<AccountJson>(context, {
        method: 'GET',
        path: '/api/v1/accounts/verify_credentials',
        bucket: 'api',
      });
      return { followers: typeof me.followers_count === 'number' ? me.followers_count : null };
    },

    async whoAmI(context) {
      const me = await call<AccountJson>(context, {
        method: 'GET',
        path: '/api/v1/accounts/verify_credentials',
        bucket: 'api',
      });
      const host = new URL(context.account.instanceUrl ?? context.baseUrl).host;
      return {
        externalId: me.id,
        handle: me.acct.includes('@') ? `@${me.acct}` : `@${me.acct}@${host}`,
        displayName: me.display_name || me.username,
        ...(context.token.scopes ? { scopes: context.token.scopes } : {}),
      };
    },
  };
}

function toRef(chain: StatusJson[]): PublishedRef {
  const first = chain[0];
  if (!first) throw new ConnectorError('server', 'Mastodon returned no status');
  return { externalId: first.id, url: first.url ?? first.uri, partIds: chain.map((s) => s.id) };
}
