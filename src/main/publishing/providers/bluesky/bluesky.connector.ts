import { readFile } from 'node:fs/promises';
import type { Agent } from '@atproto/api';
import {
  ConnectorError,
  type ConnectorContext,
  type MediaItem,
  type MetricCounts,
  type PlatformConnector,
  type PublishOutcome,
  type RemoteState,
} from '../connector';
import { type BlueskyFacet, buildFacets, detectFacetDrafts, mentionedHandles } from './bluesky.facets';
import { blueskyAgent, type FetchLike, toConnectorError, xrpc } from './bluesky.http';
import {
  appViewMissing,
  EMPTY_COUNTS,
  isGone,
  listPosts,
  matchKey,
  parseAtUri,
  POST_COLLECTION,
  type PostRecord,
  sharesOf,
  type StoredPost,
  type StrongRef,
  toRef,
  videoCidOf,
} from './bluesky.records';
import { validateBluesky } from './bluesky.validate';
import { type BlobJson, BLUESKY_VIDEO_SERVICE, createVideoService } from './bluesky.video';

export { BLUESKY_LIMITS, validateBluesky } from './bluesky.validate';
export { parseAtUri, postUrl, POST_COLLECTION } from './bluesky.records';
export { BLUESKY_VIDEO_SERVICE } from './bluesky.video';

export interface BlueskyConnectorOptions {
  /** Per-request limit before the call counts as timed out (outcome unknown for a publish). */
  timeoutMs?: number;
  /** Replaces fetch (tests of error and rate-limit handling). */
  fetch?: FetchLike;
  /** The video service: Bluesky's by default, a peer in tests. */
  videoService?: { url: string; did: string };
  /** getJobStatus calls inside publish, and the wait between them, before the post is left pending. */
  videoPolls?: number;
  videoPollIntervalMs?: number;
  /** When the queue asks again about a video still processing. */
  videoCheckAfterMs?: number;
}

/**
 * What a post still processing needs to be finished by `checkStatus`: the video job, the post's
 * parts and tags, and the embed's alt text and aspect ratio (0 when unknown).
 */
interface VideoRemote {
  jobId: string;
  parts: string[];
  tags: string[];
  alt: string;
  width: number;
  height: number;
  /** When the upload started: posts older than this are not looked at for the finished video. */
  since: string;
}

/**
 * Bluesky (AT Protocol) on the account's PDS: posts are `app.bsky.feed.post` records in the
 * user's repo (createRecord), images are blobs (uploadBlob) in an `app.bsky.embed.images` embed,
 * a video goes through Bluesky's video service (bluesky.video.ts) into an `app.bsky.embed.video`
 * embed, threads are replies with root/parent strong refs, facets carry UTF-8 byte ranges.
 */
export function createBlueskyConnector(options: BlueskyConnectorOptions = {}): PlatformConnector {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const agentFor = (context: ConnectorContext): Agent => blueskyAgent(context, timeoutMs, options.fetch);
  const videoCheckAfterMs = options.videoCheckAfterMs ?? 5_000;
  const videoService = createVideoService({
    ...(options.videoService ?? BLUESKY_VIDEO_SERVICE),
    polls: options.videoPolls ?? 5,
    pollIntervalMs: options.videoPollIntervalMs ?? 2_000,
    timeoutMs,
    uploadTimeoutMs: Math.max(timeoutMs, 10 * 60_000),
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
  });

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

  /** Each part a createRecord; part n > 1 replies to part n-1 under part 1. The embed goes on part 1. */
  async function createPosts(
    context: ConnectorContext,
    agent: Agent,
    parts: string[],
    tags: string[],
    embed: Record<string, unknown> | undefined,
  ): Promise<PublishOutcome> {
    const repo = repoOf(context);
    const posted: StrongRef[] = [];
    for (const [index, text] of parts.entries()) {
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
        ...(index === 0 && tags.length > 0 ? { tags: tags.map((t) => t.replace(/^#/, '')) } : {}),
      };
      const { data } = await xrpc(context, () =>
        agent.com.atproto.repo.createRecord({ repo, collection: POST_COLLECTION, record: { ...record } }),
      );
      posted.push({ uri: data.uri, cid: data.cid });
    }
    return { status: 'published', ...toRef(posted.map((p) => p.uri)) };
  }

  /** A thread's first part and the replies that follow it, part by part, among `recent`. */
  function chainFrom(first: StoredPost, parts: string[], recent: StoredPost[]): StoredPost[] {
    const same = (value: PostRecord, text: string) => matchKey(value.text) === matchKey(text);
    const chain = [first];
    for (const part of parts.slice(1)) {
      const previous = chain.at(-1);
      const next = recent.find((r) => r.value.reply?.parent.uri === previous?.uri && same(r.value, part));
      if (!next) break;
      chain.push(next);
    }
    return chain;
  }

  /**
   * A processed video becomes a post once. The blob CID is unique to this video, so a post that
   * already embeds it (an earlier checkStatus whose answer was lost) is the post.
   */
  async function finishVideo(context: ConnectorContext, agent: Agent, remote: VideoRemote, blob: BlobJson) {
    const recent = await listPosts(context, agent, repoOf(context), Date.parse(remote.since) - 60_000);
    const first = recent.find((r) => !r.value.reply && videoCidOf(r.value) === blob.ref.$link);
    if (first)
      return { status: 'published' as const, ...toRef(chainFrom(first, remote.parts, recent).map((r) => r.uri)) };
    const embed = videoEmbed(blob, remote.alt, remote.width, remote.height);
    return createPosts(context, agent, remote.parts, remote.tags, embed);
  }

  return {
    platform: 'bluesky',
    auth: { kind: 'app-password' },

    validate: validateBluesky,

    async publish(context, request) {
      const errors = validateBluesky(request).filter((f) => f.severity === 'error');
      if (errors.length > 0) throw new ConnectorError('invalid', errors.map((f) => f.message).join(' '));
      const agent = agentFor(context);
      const tags = request.tags ?? [];
      const video = request.media.find((m) => m.kind === 'video');
      if (!video)
        return createPosts(context, agent, request.parts, tags, await imagesEmbed(context, agent, request.media));
      const remote: VideoRemote = {
        jobId: '',
        parts: request.parts,
        tags,
        alt: video.altText,
        width: video.width ?? 0,
        height: video.height ?? 0,
        since: new Date().toISOString(),
      };
      const job = await videoService.upload(context, agent, repoOf(context), video);
      if (job.state === 'processing') {
        return { status: 'pending', remote: { ...remote, jobId: job.jobId }, checkAfterMs: videoCheckAfterMs };
      }
      return createPosts(
        context,
        agent,
        request.parts,
        tags,
        videoEmbed(job.blob, remote.alt, remote.width, remote.height),
      );
    },

    /** A video still processing: one getJobStatus, then the post once the blob is there. */
    async checkStatus(context, remote) {
      const agent = agentFor(context);
      const pending = videoRemote(remote);
      if (pending) {
        const job = await videoService.jobStatus(context, pending.jobId);
        if (job.state === 'processing') return { status: 'pending', remote, checkAfterMs: videoCheckAfterMs };
        return finishVideo(context, agent, pending, job.blob);
      }
      // Anything else pending can only be a record to confirm.
      const uri = remote.uri;
      if (typeof uri !== 'string') throw new ConnectorError('invalid', 'This Bluesky post has nothing to wait for.');
      const { repo, collection, rkey } = parseAtUri(uri);
      await xrpc(context, () => agent.com.atproto.repo.getRecord({ repo, collection, rkey }));
      return { status: 'published', ...toRef([uri]) };
    },

    async findExisting(context, request, since) {
      const recent = await listPosts(context, agentFor(context), repoOf(context), Date.parse(since) - 60_000);
      const text = matchKey(request.parts[0] ?? '');
      const first = recent.find((r) => !r.value.reply && matchKey(r.value.text) === text);
      return first ? toRef(chainFrom(first, request.parts, recent).map((r) => r.uri)) : null;
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

/** The video remote state, checked field by field (it comes back from the queue's JSON). */
function videoRemote(remote: RemoteState): VideoRemote | null {
  const { jobId, parts, tags, alt, width, height, since } = remote;
  if (typeof jobId !== 'string' || !Array.isArray(parts) || typeof since !== 'string') return null;
  return {
    jobId,
    parts,
    tags: Array.isArray(tags) ? tags : [],
    alt: typeof alt === 'string' ? alt : '',
    width: typeof width === 'number' ? width : 0,
    height: typeof height === 'number' ? height : 0,
    since,
  };
}

function videoEmbed(blob: BlobJson, alt: string, width: number, height: number): Record<string, unknown> {
  return {
    $type: 'app.bsky.embed.video',
    video: blob,
    ...(alt.trim() !== '' ? { alt } : {}),
    ...(width > 0 && height > 0 ? { aspectRatio: { width, height } } : {}),
  };
}
