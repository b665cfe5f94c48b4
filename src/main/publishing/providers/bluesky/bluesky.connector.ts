import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Agent } from '@atproto/api';
import { graphemeLength } from '../../../../shared/platforms/graphemes';
import {
  ConnectorError,
  type ConnectorContext,
  type MediaItem,
  type MetricCounts,
  type PlatformConnector,
  type PublishRequest,
  type PublishedRef,
  type ValidationFinding,
} from '../connector';
import { type BlueskyFacet, buildFacets, detectFacetDrafts, mentionedHandles } from './bluesky.facets';
import { blueskyAgent, type FetchLike, toConnectorError, xrpc } from './bluesky.http';

export interface BlueskyConnectorOptions {
  /** Per-request limit before the call counts as timed out (outcome unknown for a publish). */
  timeoutMs?: number;
  /** Replaces fetch (tests of error and rate-limit handling). */
  fetch?: FetchLike;
}

export const BLUESKY_LIMITS = {
  /** app.bsky.feed.post#text: maxGraphemes 300, maxLength 3000 (UTF-8 bytes). */
  graphemes: 300,
  textBytes: 3000,
  /** app.bsky.embed.images: at most 4 images, each blob ≤ 1,000,000 bytes, image/*. */
  images: 4,
  imageBytes: 1_000_000,
  /** app.bsky.feed.post#tags: at most 8 extra hashtags, each ≤ 64 graphemes / 640 bytes. */
  tags: 8,
  tagGraphemes: 64,
  tagBytes: 640,
} as const;

export const POST_COLLECTION = 'app.bsky.feed.post';

interface StrongRef {
  uri: string;
  cid: string;
}

interface PostRecord {
  $type: typeof POST_COLLECTION;
  text: string;
  createdAt: string;
  facets?: BlueskyFacet[];
  embed?: Record<string, unknown>;
  reply?: { root: StrongRef; parent: StrongRef };
  tags?: string[];
}

/** The checks a PDS makes on an app.bsky.feed.post, before anything is sent. */
export function validateBluesky(request: PublishRequest): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const error = (message: string) => findings.push({ severity: 'error', message });
  if (request.parts.length === 0) error('There is nothing to post.');
  request.parts.forEach((part, index) => {
    const where = request.parts.length > 1 ? `Part ${index + 1}` : 'The post';
    const length = graphemeLength(part);
    if (length > BLUESKY_LIMITS.graphemes) {
      error(`${where} is ${length} characters; Bluesky allows ${BLUESKY_LIMITS.graphemes}.`);
    }
    const bytes = Buffer.byteLength(part, 'utf8');
    if (bytes > BLUESKY_LIMITS.textBytes)
      error(`${where} is ${bytes} bytes; Bluesky allows ${BLUESKY_LIMITS.textBytes}.`);
    const hasMedia = index === 0 && request.media.length > 0;
    if (part.trim() === '' && !hasMedia) error(`${where} is empty.`);
  });
  if (request.media.some((m) => m.kind === 'video')) {
    error('Cadence cannot post video to Bluesky yet (it goes through Bluesky’s video service); post images instead.');
  }
  const images = request.media.filter((m) => m.kind === 'image');
  if (images.length > BLUESKY_LIMITS.images) error(`Bluesky takes at most ${BLUESKY_LIMITS.images} images per post.`);
  for (const item of images) {
    const name = basename(item.path);
    if (!item.mime.startsWith('image/')) error(`${name}: Bluesky does not accept ${item.mime} as an image.`);
    if (item.bytes > BLUESKY_LIMITS.imageBytes) {
      error(`${name} is ${item.bytes} bytes; Bluesky accepts images up to ${BLUESKY_LIMITS.imageBytes} bytes.`);
    }
    if (item.altText.trim() === '') findings.push({ severity: 'warning', message: `${name} has no alt text.` });
  }
  const tags = request.tags ?? [];
  if (tags.length > BLUESKY_LIMITS.tags) error(`Bluesky takes at most ${BLUESKY_LIMITS.tags} extra tags.`);
  for (const tag of tags) {
    if (graphemeLength(tag) > BLUESKY_LIMITS.tagGraphemes || Buffer.byteLength(tag) > BLUESKY_LIMITS.tagBytes) {
      error(`The tag “${tag}” is longer than Bluesky allows (${BLUESKY_LIMITS.tagGraphemes} characters).`);
    }
  }
  return findings;
}

/** at://did/collection/rkey → its parts. */
export function parseAtUri(uri: string): { repo: string; collection: string; rkey: string } {
  const match = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(uri);
  if (!match?.[1] || !match[2] || !match[3])
    throw new ConnectorError('invalid', `Not a Bluesky record address: ${uri}`);
  return { repo: match[1], collection: match[2], rkey: match[3] };
}

/** The post's page in the Bluesky app. */
export function postUrl(uri: string): string {
  const { repo, rkey } = parseAtUri(uri);
  return `https://bsky.app/profile/${repo}/post/${rkey}`;
}

/**
 * Bluesky (AT Protocol) on the account's PDS: posts are `app.bsky.feed.post` records in the
 * user's repo (createRecord), images are blobs (uploadBlob) in an `app.bsky.embed.images` embed,
 * threads are replies with root/parent strong refs, facets carry UTF-8 byte ranges.
 */
export function createBlueskyConnector(options: BlueskyConnectorOptions = {}): PlatformConnector {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const agentFor = (context: ConnectorContext): Agent => blueskyAgent(context, timeoutMs, options.fetch);

  function repoOf(context: ConnectorContext): string {
    const did = context.token.extra?.did ?? context.account.externalId;
    if (!did) throw new ConnectorError('auth_revoked', 'This Bluesky account has no DID stored; connect it again.');
    return did;
  }

  async function facetsFor(context: ConnectorContext, agent: Agent, text: string): Promise<BlueskyFacet[]> {
    const drafts = detectFacetDrafts(text);
    const dids = new Map<string, string>();
    for (const handle of mentionedHandles(drafts)) {
      try {
        const { data } = await agent.com.atproto.identity.resolveHandle({ handle });
        dids.set(handle, data.did);
      } catch (error) {
        const mapped = toConnectorError(error, context);
        // An unknown handle stays plain text; anything else (auth, limits, outage) stops the publish.
        if (mapped.kind !== 'invalid' && mapped.kind !== 'not_found') throw mapped;
      }
    }
    return buildFacets(drafts, dids);
  }

  async function imagesEmbed(
    context: ConnectorContext,
    agent: Agent,
    media: MediaItem[],
  ): Promise<Record<string, unknown> | undefined> {
    if (media.length === 0) return undefined;
    const images: Record<string, unknown>[] = [];
    for (const item of media) {
      const bytes = await readFile(item.path);
      const { data } = await xrpc(context, () =>
        agent.com.atproto.repo.uploadBlob(new Uint8Array(bytes), { encoding: item.mime }),
      );
      images.push({
        image: data.blob,
        alt: item.altText,
        ...(item.width && item.height ? { aspectRatio: { width: item.width, height: item.height } } : {}),
      });
    }
    return { $type: 'app.bsky.embed.images', images };
  }

  async function listPosts(
    context: ConnectorContext,
    since: number,
  ): Promise<{ uri: string; cid: string; value: PostRecord }[]> {
    const agent = agentFor(context);
    const repo = repoOf(context);
    const found: { uri: string; cid: string; value: PostRecord }[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const { data } = await xrpc(context, () =>
        agent.com.atproto.repo.listRecords({ repo, collection: POST_COLLECTION, limit: 100, cursor }),
      );
      const batch = data.records.map((r) => ({ uri: r.uri, cid: r.cid, value: r.value as unknown as PostRecord }));
      found.push(...batch);
      const oldest = batch.at(-1);
      if (!data.cursor || !oldest || Date.parse(oldest.value.createdAt) < since) break;
      cursor = data.cursor;
    }
    return found.filter((r) => Date.parse(r.value.createdAt) >= since);
  }

  return {
    platform: 'bluesky',
    auth: { kind: 'app-password' },

    validate: validateBluesky,

    async publish(context, request) {
      const errors = validateBluesky(request).filter((f) => f.severity === 'error');
      if (errors.length > 0) throw new ConnectorError('invalid', errors.map((f) => f.message).join(' '));
      const agent = agentFor(context);
      const repo = repoOf(context);
      const embed = await imagesEmbed(context, agent, request.media);
      const posted: StrongRef[] = [];
      for (const [index, text] of request.parts.entries()) {
        const root = posted[0];
        const parent = posted.at(-1);
        const facets = await facetsFor(context, agent, text);
        const record: PostRecord = {
          $type: POST_COLLECTION,
          text,
          createdAt: new Date().toISOString(),
          ...(facets.length > 0 ? { facets } : {}),
          ...(index === 0 && embed ? { embed } : {}),
          ...(root && parent ? { reply: { root, parent } } : {}),
          ...(index === 0 && request.tags?.length ? { tags: request.tags.map((t) => t.replace(/^#/, '')) } : {}),
        };
        const { data } = await xrpc(context, () =>
          agent.com.atproto.repo.createRecord({ repo, collection: POST_COLLECTION, record: { ...record } }),
        );
        posted.push({ uri: data.uri, cid: data.cid });
      }
      return { status: 'published', ...toRef(posted.map((p) => p.uri)) };
    },

    async checkStatus(context, remote) {
      // Bluesky publishes synchronously; a pending state can only be a record to confirm.
      const uri = remote.uri;
      if (typeof uri !== 'string') throw new ConnectorError('invalid', 'Bluesky posts are never pending.');
      const { repo, collection, rkey } = parseAtUri(uri);
      const agent = agentFor(context);
      await xrpc(context, () => agent.com.atproto.repo.getRecord({ repo, collection, rkey }));
      return { status: 'published', ...toRef([uri]) };
    },

    async findExisting(context, request, since) {
      const recent = await listPosts(context, Date.parse(since) - 60_000);
      const same = (value: PostRecord, text: string) => matchKey(value.text) === matchKey(text);
      const first = recent.find((r) => !r.value.reply && same(r.value, request.parts[0] ?? ''));
      if (!first) return null;
      const chain = [first];
      for (const part of request.parts.slice(1)) {
        const previous = chain.at(-1);
        const next = recent.find((r) => r.value.reply?.parent.uri === previous?.uri && same(r.value, part));
        if (!next) break;
        chain.push(next);
      }
      return toRef(chain.map((r) => r.uri));
    },

    async delete(context, externalId) {
      const { repo, collection, rkey } = parseAtUri(externalId);
      const agent = agentFor(context);
      try {
        // deleteRecord succeeds for a record already gone.
        await xrpc(context, () => agent.com.atproto.repo.deleteRecord({ repo, collection, rkey }));
      } catch (error) {
        if (!(error instanceof ConnectorError && error.kind === 'not_found')) throw error;
      }
    },

    /**
     * `app.bsky.feed.getPosts` needs an AppView (bsky.social's PDS proxies to one). A PDS without
     * one answers 502/501: then the counts are unknown (all null) for the posts that still exist
     * (`getRecord`), and deleted posts are left out.
     */
    async postMetrics(context, externalIds) {
      const metrics = new Map<string, MetricCounts>();
      const agent = agentFor(context);
      for (let start = 0; start < externalIds.length; start += 25) {
        const uris = externalIds.slice(start, start + 25);
        try {
          const { data } = await xrpc(context, () => agent.app.bsky.feed.getPosts({ uris }));
          for (const post of data.posts) {
            metrics.set(post.uri, {
              ...EMPTY_COUNTS,
              likes: post.likeCount ?? null,
              comments: post.replyCount ?? null,
              shares: sharesOf(post),
            });
          }
        } catch (error) {
          if (!(error instanceof ConnectorError) || !appViewMissing(error)) throw error;
          for (const uri of uris) {
            const { repo, collection, rkey } = parseAtUri(uri);
            try {
              await xrpc(context, () => agent.com.atproto.repo.getRecord({ repo, collection, rkey }));
              metrics.set(uri, { ...EMPTY_COUNTS });
            } catch (missing) {
              if (!(missing instanceof ConnectorError && isGone(missing))) throw missing;
            }
          }
        }
      }
      return metrics;
    },

    /** Followers from `app.bsky.actor.getProfile` (AppView); null when the PDS has none behind it. */
    async accountMetrics(context) {
      const agent = agentFor(context);
      try {
        const { data } = await xrpc(context, () => agent.app.bsky.actor.getProfile({ actor: repoOf(context) }));
        return { followers: data.followersCount ?? null };
      } catch (error) {
        if (error instanceof ConnectorError && appViewMissing(error)) return { followers: null };
        throw error;
      }
    },

    /** `com.atproto.server.getSession` (the PDS itself), display name from the repo's profile record. */
    async whoAmI(context) {
      const agent = agentFor(context);
      const { data } = await xrpc(context, () => agent.com.atproto.server.getSession());
      let displayName = data.handle;
      try {
        const profile = await agent.com.atproto.repo.getRecord({
          repo: data.did,
          collection: 'app.bsky.actor.profile',
          rkey: 'self',
        });
        const name = (profile.data.value as { displayName?: unknown }).displayName;
        if (typeof name === 'string' && name.trim() !== '') displayName = name;
      } catch {
        // No profile record yet: the handle is the name.
      }
      return { externalId: data.did, handle: data.handle, displayName };
    },
  };
}

const EMPTY_COUNTS: MetricCounts = {
  impressions: null,
  reach: null,
  views: null,
  likes: null,
  comments: null,
  shares: null,
  saves: null,
  clicks: null,
};

/** Reposts plus quotes; unknown (null) only when the AppView sent neither count. */
function sharesOf(post: { repostCount?: number; quoteCount?: number }): number | null {
  if (post.repostCount === undefined && post.quoteCount === undefined) return null;
  return (post.repostCount ?? 0) + (post.quoteCount ?? 0);
}

/** A PDS with no AppView behind it: UpstreamFailure (502), MethodNotImplemented (501). */
function appViewMissing(error: ConnectorError): boolean {
  return (
    error.details.platformCode === 'UpstreamFailure' ||
    error.details.platformCode === 'MethodNotImplemented' ||
    error.details.status === 501 ||
    error.details.status === 502
  );
}

function isGone(error: ConnectorError): boolean {
  return (
    error.kind === 'not_found' || (error.kind === 'invalid' && /not (be )?found|could not locate/i.test(error.message))
  );
}

/** Whitespace-insensitive text key for matching a post already sent. */
function matchKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function toRef(uris: string[]): PublishedRef {
  const first = uris[0];
  if (!first) throw new ConnectorError('server', 'Bluesky returned no record');
  return { externalId: first, url: postUrl(first), partIds: uris };
}
