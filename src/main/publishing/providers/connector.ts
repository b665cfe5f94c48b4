import type { Platform } from '../../../shared/domain/platform';

/**
 * One interface for every platform (like Postiz's providers): the queue, the accounts domain and
 * the metrics collector call only this. Each platform lives in providers/<platform>/ and talks to
 * its official API, with the base URL settable so tests reach a protocol peer on 127.0.0.1.
 */
export interface PlatformConnector {
  readonly platform: Platform;
  /** How an account is connected (OAuth 2.0 with PKCE, an app password, a per-instance app). */
  readonly auth: AuthSpec;
  /** What the platform accepts, checked before anything is sent (text limits, media counts and kinds). */
  validate(request: PublishRequest): ValidationFinding[];
  /**
   * Sends the post. Never retried blindly by the caller: a timeout or a lost response is
   * "outcome unknown", settled by `findExisting`. Returns `pending` when the platform finishes
   * the post on its own time (containers, video processing); `checkStatus` then completes it.
   */
  publish(context: ConnectorContext, request: PublishRequest): Promise<PublishOutcome>;
  /** Completes a pending publish (polls a container or upload); may return pending again. */
  checkStatus(context: ConnectorContext, remote: RemoteState): Promise<PublishOutcome>;
  /**
   * After a crash or timeout mid-publish: the post if it is already on the platform (matched by
   * the idempotency key where the platform keeps one, else by text and time among recent posts).
   */
  findExisting(context: ConnectorContext, request: PublishRequest, since: string): Promise<PublishedRef | null>;
  delete(context: ConnectorContext, externalId: string): Promise<void>;
  /** Counts for published posts; ids the platform no longer knows are left out. */
  postMetrics(context: ConnectorContext, externalIds: string[]): Promise<Map<string, MetricCounts>>;
  accountMetrics(context: ConnectorContext): Promise<{ followers: number | null }>;
  /** Who the token belongs to (after connecting, and as a token health check). */
  whoAmI(context: ConnectorContext): Promise<AccountIdentity>;
}

export type AuthSpec =
  | {
      kind: 'oauth2-pkce';
      authorizeUrl: string;
      tokenUrl: string;
      revokeUrl?: string;
      scopes: string[];
      /** Scopes without which publishing cannot work (token health says "missing scope"). */
      requiredScopes: string[];
      /**
       * 'confidential': the token endpoint needs the app's client secret (Meta, TikTok, LinkedIn,
       * Google), so the calls go through the creator's own app or the sync service's broker.
       * Public PKCE clients (X) leave it out.
       */
      exchange?: 'confidential';
      /** The authorize URL's parameter for the client id ('client_key' at TikTok). */
      clientIdParam?: string;
      /** How scopes are joined on the authorize URL (',' at TikTok and Meta; ' ' by default). */
      scopeSeparator?: string;
      /** How the PKCE challenge is written: base64url (RFC 7636, the default) or hex (TikTok desktop). */
      pkceChallengeEncoding?: 'base64url' | 'hex';
    }
  | { kind: 'app-password' }
  | { kind: 'mastodon-app'; scopes: string[] };

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  /** ISO instant; absent when the platform does not say. */
  expiresAt?: string;
  scopes?: string[];
  /** Anything else a platform needs with its token (Bluesky's DID and PDS URL). */
  extra?: Record<string, string>;
}

export interface ConnectorContext {
  /** The API's base URL: the platform's by default, a peer's in tests, the instance for Mastodon. */
  baseUrl: string;
  token: TokenSet;
  account: { id: string; handle: string; externalId: string | null; instanceUrl: string | null };
  signal?: AbortSignal;
  /** Called with every rate-limit header set the platform sent, so the queue can wait. */
  onRateLimit?: (info: RateLimitInfo) => void;
}

export interface RateLimitInfo {
  bucket: string;
  limit: number | null;
  remaining: number | null;
  /** ISO instant when the window resets. */
  resetAt: string | null;
}

export interface MediaItem {
  /** Absolute path of the file in the data folder (media stored by content hash). */
  path: string;
  mime: string;
  bytes: number;
  kind: 'image' | 'video';
  width: number | null;
  height: number | null;
  durationMs: number | null;
  altText: string;
  /** A public URL of the same file, where the platform fetches media itself (Instagram, Threads). */
  publicUrl?: string;
}

export interface PublishRequest {
  /** The post's parts: one for a single post, several for a thread (each a reply to the last). */
  parts: string[];
  /** The video's title (YouTube's video, LinkedIn's video post); others ignore it. */
  title?: string;
  tags?: string[];
  media: MediaItem[];
  /** Stable per job; sent where the platform supports one (Mastodon's Idempotency-Key). */
  idempotencyKey: string;
}

export interface PublishedRef {
  externalId: string;
  url: string | null;
  /** Ids of every part of a thread, first to last. */
  partIds?: string[];
}

export type RemoteState = Record<string, string | number | string[]>;

export type PublishOutcome =
  ({ status: 'published' } & PublishedRef) | { status: 'pending'; remote: RemoteState; checkAfterMs: number };

export interface MetricCounts {
  impressions: number | null;
  reach: number | null;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  clicks: number | null;
}

export interface AccountIdentity {
  externalId: string;
  handle: string;
  displayName: string;
  scopes?: string[];
}

export interface ValidationFinding {
  severity: 'error' | 'warning';
  message: string;
}

/**
 * Why a platform call failed, in the terms the queue acts on. `timeout` and `network` during a
 * publish mean the outcome is unknown; `auth_expired` tries a refresh once; `rate_limited` waits
 * until `resetAt`; `invalid` is never retried; `server` is retried with backoff.
 */
export type ConnectorErrorKind =
  | 'auth_expired'
  | 'auth_revoked'
  | 'missing_scope'
  | 'rate_limited'
  | 'invalid'
  | 'server'
  | 'timeout'
  | 'network'
  | 'not_found';

export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly details: { status?: number; resetAt?: string | null; platformCode?: string } = {},
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}
