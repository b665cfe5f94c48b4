import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  ConnectorError,
  type ConnectorContext,
  type MediaItem,
  type MetricCounts,
  type PlatformConnector,
  type PublishOutcome,
  type PublishRequest,
  type PublishedRef,
  type ValidationFinding,
} from '../connector';
import { LINKEDIN_API_VERSION, linkedInFetch, type LinkedInCall, type LinkedInResponse } from './linkedin.http';
import { escapeLittleText, linkedInLength, linkedInMatchKey, unescapeLittleText } from './linkedin.text';

export interface LinkedInConnectorOptions {
  timeoutMs?: number;
  /** `LinkedIn-Version` (YYYYMM); LinkedIn refuses versions it has retired with 426. */
  apiVersion?: string;
}

export const LINKEDIN_SCOPES = ['openid', 'profile', 'w_member_social'];
export const LINKEDIN_MAX_COMMENTARY = 3000;
const MAX_IMAGES = 20;
const IMAGE_MIME = ['image/jpeg', 'image/png', 'image/gif'];
const MAX_ALT_TEXT = 4086;

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

/** The post's text: LinkedIn has no threads, so the parts are joined with blank lines. */
function commentaryOf(request: PublishRequest): string {
  return request.parts.map((part) => part.trim()).join('\n\n');
}

/** LinkedIn's rules: commentary ≤ 3000 characters, up to 20 images (JPG, PNG, GIF); no video here yet. */
export function validateLinkedIn(request: PublishRequest): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const error = (message: string) => findings.push({ severity: 'error', message });
  const text = commentaryOf(request);
  if (request.parts.length === 0 || (text.trim() === '' && request.media.length === 0))
    error('There is nothing to post.');
  if (request.parts.length > 1)
    findings.push({ severity: 'warning', message: 'LinkedIn has no threads: the parts are posted as one text.' });
  const length = linkedInLength(text);
  if (length > LINKEDIN_MAX_COMMENTARY) error(`The post is ${length} of ${LINKEDIN_MAX_COMMENTARY} characters.`);
  if (request.media.some((m) => m.kind === 'video'))
    error('Cadence does not publish video to LinkedIn yet: post images, or share the video from LinkedIn.');
  if (request.media.length > MAX_IMAGES) error(`LinkedIn takes at most ${MAX_IMAGES} images per post.`);
  for (const item of request.media.filter((m) => m.kind === 'image')) {
    const name = basename(item.path);
    if (!IMAGE_MIME.includes(item.mime)) error(`${name}: LinkedIn does not accept ${item.mime}.`);
    if (item.altText.length > MAX_ALT_TEXT) error(`${name}: alt text is longer than ${MAX_ALT_TEXT} characters.`);
    if (item.altText.trim() === '') findings.push({ severity: 'warning', message: `${name} has no alt text.` });
  }
  return findings;
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

  async function createPost(context: ConnectorContext, request: PublishRequest): Promise<PublishedRef> {
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
    try {
      const response = await call<null>(context, {
        method: 'POST',
        path: '/rest/posts',
        json: {
          author: owner,
          commentary: escapeLittleText(commentaryOf(request)),
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
    },

    validate: validateLinkedIn,

    async publish(context, request): Promise<PublishOutcome> {
      const errors = validateLinkedIn(request).filter((f) => f.severity === 'error');
      if (errors.length > 0) throw new ConnectorError('invalid', errors.map((f) => f.message).join(' '));
      return { status: 'published', ...(await createPost(context, request)) };
    },

    async checkStatus() {
      // Images are referenced by URN once uploaded; a LinkedIn publish is never left pending.
      throw new ConnectorError('invalid', 'A LinkedIn publish is never pending: there is nothing to check.');
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
