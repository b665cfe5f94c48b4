import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  ConnectorError,
  type ConnectorContext,
  type MediaItem,
  type MetricCounts,
  type PlatformConnector,
  type PublishOutcome,
  type PublishRequest,
  type PublishedRef,
  type RemoteState,
} from '../connector';
import { LINKEDIN_API_VERSION, linkedInFetch, type LinkedInCall, type LinkedInResponse } from './linkedin.http';
import { escapeLittleText, linkedInMatchKey, unescapeLittleText } from './linkedin.text';
import { commentaryOf, validateLinkedIn } from './linkedin.validate';
import { linkedInVideoState, processingFailed, uploadLinkedInVideo } from './linkedin.video';

export { LINKEDIN_MAX_COMMENTARY, validateLinkedIn } from './linkedin.validate';

export interface LinkedInConnectorOptions {
  timeoutMs?: number;
  /** `LinkedIn-Version` (YYYYMM); LinkedIn refuses versions it has retired with 426. */
  apiVersion?: string;
}

export const LINKEDIN_SCOPES = ['openid', 'profile', 'w_member_social'];
/** How long LinkedIn is left to process a video before its status is asked again. */
const VIDEO_CHECK_AFTER_MS = 5_000;

/**
 * What a pending video publish keeps (in the queue's SQLite row) until LinkedIn has processed the
 * video: the post is created from it by `checkStatus`. Post text only, never a token.
 */
const videoRemoteSchema = z.object({
  kind: z.literal('linkedin-video'),
  video: z.string().startsWith('urn:li:video:'),
  author: z.string().startsWith('urn:li:'),
  commentary: z.string(),
  title: z.string().optional(),
});
type VideoRemote = z.infer<typeof videoRemoteSchema>;

interface UserInfo {
  sub: string;
  name?: string;
  given_name?: string;
  family_name?: string;
}
interface InitializeUpload {
  value: { uploadUrl: string; image: string; uploadUrlExpiresAt?: number };
}
interface PostEntity {
  id: string;
  author: string;
  commentary?: string;
  createdAt?: number;
  publishedAt?: number;
  lifecycleState?: string;
}

/** The author URN: a member (`urn:li:person:{sub}`) unless the account is an organization. */
function authorUrn(externalId: string): string {
  return externalId.startsWith('urn:li:') ? externalId : `urn:li:person:${externalId}`;
}

/** LinkedIn Posts API (`/rest/posts`), Images API, OpenID userinfo. */
export function createLinkedInConnector(options: LinkedInConnectorOptions = {}): PlatformConnector {
  const http = { timeoutMs: options.timeoutMs ?? 30_000, version: options.apiVersion ?? LINKEDIN_API_VERSION };
  const call = <T>(context: ConnectorContext, request: LinkedInCall): Promise<LinkedInResponse<T>> =>
    linkedInFetch<T>(context, request, http);

  async function userInfo(context: ConnectorContext): Promise<UserInfo> {
    const response = await call<UserInfo>(context, {
      method: 'GET',
      path: '/v2/userinfo',
      versioned: false,
      bucket: 'GET /v2/userinfo',
    });
    return response.body;
  }

  async function author(context: ConnectorContext): Promise<string> {
    return authorUrn(context.account.externalId ?? (await userInfo(context)).sub);
  }

  async function uploadImage(context: ConnectorContext, owner: string, item: MediaItem): Promise<string> {
    const init = await call<InitializeUpload>(context, {
      method: 'POST',
      path: '/rest/images',
      query: { action: 'initializeUpload' },
      json: { initializeUploadRequest: { owner } },
      versioned: true,
      bucket: 'POST /rest/images',
    });
    const bytes = await readFile(item.path);
    await call(context, {
      method: 'PUT',
      path: init.body.value.uploadUrl,
      bytes,
      contentType: item.mime,
      versioned: false,
      bucket: 'PUT image upload',
    });
    return init.body.value.image;
  }

  async function createImagePost(context: ConnectorContext, request: PublishRequest): Promise<PublishedRef> {
    const owner = await author(context);
    const images: { id: string; altText: string }[] = [];
    for (const item of request.media)
      images.push({ id: await uploadImage(context, owner, item), altText: item.altText });
    const first = images[0];
    const content =
      images.length > 1
        ? { multiImage: { images: images.map((i) => ({ id: i.id, ...(i.altText ? { altText: i.altText } : {}) })) } }
        : first
          ? { media: { id: first.id, ...(first.altText ? { altText: first.altText } : {}) } }
          : undefined;
    return sendPost(context, owner, commentaryOf(request), content);
  }

  /** Uploads and finalizes the video, then posts it if LinkedIn has processed it already, else waits. */
  async function publishVideo(
    context: ConnectorContext,
    request: PublishRequest,
    item: MediaItem,
  ): Promise<PublishOutcome> {
    const owner = await author(context);
    const video = await uploadLinkedInVideo(call, context, owner, item);
    const title = request.title?.trim();
    const remote: VideoRemote = {
      kind: 'linkedin-video',
      video,
      author: owner,
      commentary: commentaryOf(request),
      ...(title ? { title } : {}),
    };
    try {
      return await settleVideo(context, remote);
    } catch (error) {
      // The video is uploaded and finalized: a passing failure now must not make the queue send
      // (and upload) it again, so the publish waits and checkStatus picks it up from here.
      const passing = error instanceof ConnectorError && ['server', 'network', 'timeout'].includes(error.kind);
      if (!passing) throw error;
      return { status: 'pending', remote: remote as RemoteState, checkAfterMs: VIDEO_CHECK_AFTER_MS };
    }
  }

  /** PROCESSING → pending (checked again later); PROCESSING_FAILED → refused; AVAILABLE → the post. */
  async function settleVideo(context: ConnectorContext, remote: VideoRemote): Promise<PublishOutcome> {
    const state = await linkedInVideoState(call, context, remote.video);
    if (state.status === 'PROCESSING_FAILED') throw processingFailed(state);
    if (state.status !== 'AVAILABLE')
      return { status: 'pending', remote: remote as RemoteState, checkAfterMs: VIDEO_CHECK_AFTER_MS };
    const content = { media: { id: remote.video, ...(remote.title ? { title: remote.title } : {}) } };
    return { status: 'published', ...(await sendPost(context, remote.author, remote.commentary, content)) };
  }

  /** Creates the post from plain text (escaped here) and its content, if any. */
  async function sendPost(
    context: ConnectorContext,
    owner: string,
    commentary: string,
    content: Record<string, unknown> | undefined,
  ): Promise<PublishedRef> {
    try {
      const response = await call<null>(context, {
        method: 'POST',
        path: '/rest/posts',
        json: {
          author: owner,
          commentary: escapeLittleText(commentary),
          visibility: 'PUBLIC',
          distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
          lifecycleState: 'PUBLISHED',
          isReshareDisabledByAuthor: false,
          ...(content ? { content } : {}),
        },
        versioned: true,
        bucket: 'POST /rest/posts',
      });
      const id = response.headers.get('x-restli-id');
      if (!id) throw new ConnectorError('server', 'LinkedIn created the post but sent no x-restli-id');
      return toRef(id);
    } catch (error) {
      // LinkedIn refuses the same commentary twice with 422 "Content is a duplicate of urn:li:…":
      // after a lost answer that is our post, so it settles the outcome instead of failing it.
      const duplicate =
        error instanceof ConnectorError && error.details.status === 422
          ? /duplicate of (urn:li:[a-zA-Z]+:\d+)/.exec(error.message)?.[1]
          : undefined;
      if (duplicate) return toRef(duplicate);
      throw error;
    }
  }

  return {
    platform: 'linkedin',
    auth: {
      kind: 'oauth2-pkce',
      authorizeUrl: 'https://www.linkedin.com/oauth/v2/authorization',
      tokenUrl: 'https://www.linkedin.com/oauth/v2/accessToken',
      revokeUrl: 'https://www.linkedin.com/oauth/v2/revoke',
      scopes: LINKEDIN_SCOPES,
      requiredScopes: ['openid', 'w_member_social'],
      // The 3-legged token call needs client_secret
      // (https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow).
      exchange: 'confidential',
    },

    validate: validateLinkedIn,

    async publish(context, request): Promise<PublishOutcome> {
      const errors = validateLinkedIn(request).filter((f) => f.severity === 'error');
      if (errors.length > 0) throw new ConnectorError('invalid', errors.map((f) => f.message).join(' '));
      const video = request.media.find((m) => m.kind === 'video');
      if (video) return publishVideo(context, request, video);
      return { status: 'published', ...(await createImagePost(context, request)) };
    },

    async checkStatus(context, remote) {
      // Only a video waits (for LinkedIn's processing); images are usable as soon as they are uploaded.
      const saved = videoRemoteSchema.safeParse(remote);
      if (!saved.success)
        throw new ConnectorError(
          'invalid',
          'This LinkedIn publish has no video waiting to be processed, so there is nothing to check: schedule the post again.',
        );
      return settleVideo(context, saved.data);
    },

    async findExisting(context, request, since) {
      // Listing a member's posts needs r_member_social, which LinkedIn grants to few apps: without it
      // this finds nothing, and a second send is answered "duplicate of urn:li:…" (see createPost).
      const owner = await author(context);
      let listed: LinkedInResponse<{ elements?: PostEntity[] }>;
      try {
        listed = await call(context, {
          method: 'GET',
          path: '/rest/posts',
          query: { q: 'author', author: owner, count: '50', sortBy: 'LAST_MODIFIED' },
          versioned: true,
          bucket: 'GET /rest/posts',
        });
      } catch (error) {
        if (error instanceof ConnectorError && error.kind === 'missing_scope') return null;
        throw error;
      }
      const after = Date.parse(since) - 60_000;
      const wanted = linkedInMatchKey(commentaryOf(request));
      const found = (listed.body.elements ?? []).find(
        (post) =>
          (post.publishedAt ?? post.createdAt ?? 0) >= after &&
          linkedInMatchKey(unescapeLittleText(post.commentary ?? '')) === wanted,
      );
      return found ? toRef(found.id) : null;
    },

    async delete(context, externalId) {
      try {
        await call(context, {
          method: 'DELETE',
          path: `/rest/posts/${encodeURIComponent(externalId)}`,
          versioned: true,
          bucket: 'DELETE /rest/posts',
        });
      } catch (error) {
        if (!(error instanceof ConnectorError && error.kind === 'not_found')) throw error;
      }
    },

    async postMetrics(_context, externalIds) {
      // Member post statistics are not open to apps (organizations have share statistics, not
      // wired here): every count is unknown rather than zero.
      const unknown: MetricCounts = {
        impressions: null,
        reach: null,
        views: null,
        likes: null,
        comments: null,
        shares: null,
        saves: null,
        clicks: null,
      };
      return new Map(externalIds.map((id) => [id, { ...unknown }]));
    },

    async accountMetrics(context) {
      const owner = context.account.externalId;
      if (!owner?.startsWith('urn:li:organization:')) return { followers: null };
      const response = await call<{ firstDegreeSize?: number }>(context, {
        method: 'GET',
        path: `/rest/networkSizes/${encodeURIComponent(owner)}`,
        query: { edgeType: 'COMPANY_FOLLOWED_BY_MEMBER' },
        versioned: true,
        bucket: 'GET /rest/networkSizes',
      });
      return { followers: response.body.firstDegreeSize ?? null };
    },

    async whoAmI(context) {
      const user = await userInfo(context);
      const name = user.name ?? [user.given_name, user.family_name].filter(Boolean).join(' ');
      return {
        externalId: user.sub,
        handle: name || user.sub,
        displayName: name || user.sub,
        ...(context.token.scopes ? { scopes: context.token.scopes } : {}),
      };
    },
  };
}

function toRef(urn: string): PublishedRef {
  return { externalId: urn, url: `https://www.linkedin.com/feed/update/${urn}/`, partIds: [urn] };
}
