import type { Agent } from '@atproto/api';
import { ConnectorError, type ConnectorContext, type MetricCounts, type PublishedRef } from '../connector';
import type { BlueskyFacet } from './bluesky.facets';
import { xrpc } from './bluesky.http';

export const POST_COLLECTION = 'app.bsky.feed.post';

export interface StrongRef {
  uri: string;
  cid: string;
}

export interface PostRecord {
  $type: typeof POST_COLLECTION;
  text: string;
  createdAt: string;
  facets?: BlueskyFacet[];
  embed?: Record<string, unknown>;
  reply?: { root: StrongRef; parent: StrongRef };
  tags?: string[];
}

export interface StoredPost {
  uri: string;
  cid: string;
  value: PostRecord;
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

/** The repo's posts created since `since` (epoch ms), newest first: 5 pages of 100 at most. */
export async function listPosts(
  context: ConnectorContext,
  agent: Agent,
  repo: string,
  since: number,
): Promise<StoredPost[]> {
  const found: StoredPost[] = [];
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

/**
 * The CID of the video blob a post embeds, if it embeds one. Records read through @atproto/api
 * carry a BlobRef whose `ref` is a CID object; raw JSON carries `{ $link }`.
 */
export function videoCidOf(post: PostRecord): string | null {
  const embed = post.embed as { $type?: unknown; video?: { ref?: unknown } } | undefined;
  if (embed?.$type !== 'app.bsky.embed.video') return null;
  const ref = embed.video?.ref;
  if (typeof ref !== 'object' || ref === null) return null;
  if ('$link' in ref) return typeof ref.$link === 'string' ? ref.$link : null;
  const text = String(ref);
  return text === '[object Object]' ? null : text;
}

export const EMPTY_COUNTS: MetricCounts = {
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
export function sharesOf(post: { repostCount?: number; quoteCount?: number }): number | null {
  if (post.repostCount === undefined && post.quoteCount === undefined) return null;
  return (post.repostCount ?? 0) + (post.quoteCount ?? 0);
}

/** A PDS with no AppView behind it: UpstreamFailure (502), MethodNotImplemented (501). */
export function appViewMissing(error: ConnectorError): boolean {
  return (
    error.details.platformCode === 'UpstreamFailure' ||
    error.details.platformCode === 'MethodNotImplemented' ||
    error.details.status === 501 ||
    error.details.status === 502
  );
}

export function isGone(error: ConnectorError): boolean {
  return (
    error.kind === 'not_found' || (error.kind === 'invalid' && /not (be )?found|could not locate/i.test(error.message))
  );
}

/** Whitespace-insensitive text key for matching a post already sent. */
export function matchKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function toRef(uris: string[]): PublishedRef {
  const first = uris[0];
  if (!first) throw new ConnectorError('server', 'Bluesky returned no record');
  return { externalId: first, url: postUrl(first), partIds: uris };
}
