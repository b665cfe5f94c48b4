import { randomUUID } from 'node:crypto';
import type { Platform } from '../../../shared/domain/platform';
import type { Core } from '../../core';
import {
  type ConnectorContext,
  ConnectorError,
  type PlatformConnector,
  type PublishOutcome,
  type PublishRequest,
  type PublishedRef,
} from '../providers/connector';
import { CrashSignal } from './crash-signal';
import type { QueuePorts, TokensPort } from './ports';

/** What the scripted platform does with the next publish call. */
export type PublishScript =
  | { kind: 'ok' }
  | { kind: 'pending'; checks: number }
  | { kind: 'error'; error: ConnectorError }
  /** The platform accepts the post, then the answer is lost (a timeout). */
  | { kind: 'accept-then-timeout' }
  /** The process dies before the request leaves. */
  | { kind: 'crash-before-send' }
  /** The platform accepts the post, and the process dies before the answer arrives. */
  | { kind: 'crash-after-accept' };

export interface StoredPost {
  id: string;
  text: string;
  idempotencyKey: string;
  accountId: string;
}

/**
 * An in-memory platform shared by every core of a test (it outlives a simulated crash), with a
 * connector whose publish calls follow a script. Posts are matched by idempotency key.
 */
export class ScriptedPlatform {
  readonly posts: StoredPost[] = [];
  readonly script: PublishScript[] = [];
  readonly calls: string[] = [];
  /** Errors the next findExisting / checkStatus calls throw. */
  readonly findErrors: ConnectorError[] = [];
  readonly pendingChecks = new Map<string, number>();
  validToken = 'token-1';
  /** Like Mastodon's Idempotency-Key: the same key returns the same post. */
  honorsIdempotencyKey = false;
  latencyMs = 0;

  constructor(readonly platform: Platform = 'mastodon') {}

  connector(): PlatformConnector {
    const store = this.posts;
    const find = (key: string): StoredPost | undefined => store.find((p) => p.idempotencyKey === key);
    const ref = (post: StoredPost): PublishedRef => ({
      externalId: post.id,
      url: `https://social.example/@me/${post.id}`,
    });
    const authorize = (ctx: ConnectorContext): void => {
      if (ctx.token.accessToken !== this.validToken)
        throw new ConnectorError('auth_expired', 'The access token expired', { status: 401 });
    };
    const delay = (): Promise<void> =>
      this.latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, this.latencyMs)) : Promise.resolve();
    const accept = (ctx: ConnectorContext, request: PublishRequest): StoredPost => {
      // Off by default, so a blind resend shows up as a duplicate (the queue must not rely on it).
      const existing = this.honorsIdempotencyKey ? find(request.idempotencyKey) : undefined;
      if (existing) return existing;
      const post = {
        id: randomUUID(),
        text: request.parts.join('\n---\n'),
        idempotencyKey: request.idempotencyKey,
        accountId: ctx.account.id,
      };
      store.push(post);
      return post;
    };
    return {
      platform: this.platform,
      auth: { kind: 'mastodon-app', scopes: ['write:statuses'] },
      validate: (request) =>
        request.parts.some((p) => p.length > 500)
          ? [{ severity: 'error', message: 'A post has at most 500 characters' }]
          : request.parts.some((p) => p.trim() === '')
            ? [{ severity: 'error', message: 'A post cannot be empty' }]
            : [],
      publish: async (ctx, request): Promise<PublishOutcome> => {
        this.calls.push('publish');
        const step = this.script.shift() ?? { kind: 'ok' };
        if (step.kind === 'crash-before-send') throw new CrashSignal('before-send');
        await delay();
        authorize(ctx);
        ctx.onRateLimit?.({ bucket: 'statuses', limit: 300, remaining: 299, resetAt: null });
        switch (step.kind) {
          case 'error':
            throw step.error;
          case 'crash-after-accept':
            accept(ctx, request);
            throw new CrashSignal('after-accept');
          case 'accept-then-timeout':
            accept(ctx, request);
            throw new ConnectorError('timeout', 'No answer within 30 s');
          case 'pending': {
            const post = accept(ctx, request);
            this.pendingChecks.set(post.id, step.checks);
            return { status: 'pending', remote: { id: post.id }, checkAfterMs: 5_000 };
          }
          default:
            return { status: 'published', ...ref(accept(ctx, request)) };
        }
      },
      checkStatus: async (ctx, remote) => {
        this.calls.push('checkStatus');
        authorize(ctx);
        const id = String(remote.id);
        const left = this.pendingChecks.get(id) ?? 0;
        if (left > 0) {
          this.pendingChecks.set(id, left - 1);
          return { status: 'pending', remote, checkAfterMs: 5_000 };
        }
        const post = store.find((p) => p.id === id);
        if (!post) throw new ConnectorError('not_found', 'The upload is gone');
        return { status: 'published', ...ref(post) };
      },
      findExisting: async (ctx, request) => {
        this.calls.push('findExisting');
        const error = this.findErrors.shift();
        if (error) throw error;
        authorize(ctx);
        const post = find(request.idempotencyKey);
        return post ? ref(post) : null;
      },
      delete: async () => undefined,
      postMetrics: async () => new Map(),
      accountMetrics: async () => ({ followers: null }),
      whoAmI: async () => ({ externalId: 'me', handle: '@me', displayName: 'Me' }),
    };
  }

  /** How many times each idempotency key is on the platform. */
  copies(key: string): number {
    return this.posts.filter((p) => p.idempotencyKey === key).length;
  }
}

/** A tokens port double: hands out the current token, refreshes to the platform's valid one. */
export class FakeTokens implements TokensPort {
  token = 'token-1';
  refreshes = 0;
  refreshError: ConnectorError | null = null;
  readonly reconnect: { accountId: string; reason: string }[] = [];
  /** Errors the next context() calls throw (offline, revoked). */
  readonly contextErrors: ConnectorError[] = [];

  constructor(private readonly platform: ScriptedPlatform | null = null) {}

  async context(accountId: string): Promise<ConnectorContext> {
    const error = this.contextErrors.shift();
    if (error) throw error;
    return {
      baseUrl: 'http://127.0.0.1:1',
      token: { accessToken: this.token },
      account: { id: accountId, handle: '@me', externalId: 'me', instanceUrl: null },
    };
  }

  async refresh(): Promise<void> {
    this.refreshes += 1;
    if (this.refreshError) throw this.refreshError;
    if (this.platform) this.token = this.platform.validToken;
  }

  async markNeedsReconnect(accountId: string, reason: string): Promise<void> {
    this.reconnect.push({ accountId, reason });
  }
}

/** Queue ports over a scripted platform. */
export function scriptedPorts(
  platform: ScriptedPlatform,
  tokens = new FakeTokens(platform),
): QueuePorts & { tokens: FakeTokens } {
  const connector = platform.connector();
  return { connectors: (p) => (p === platform.platform ? connector : null), tokens };
}

/** A connected account for the platform (what the accounts domain writes when connecting). */
export async function connectAccount(core: Core, platform: Platform, handle = '@me'): Promise<string> {
  const id = randomUUID();
  const now = core.ports.clock.now().toISOString();
  await core.database.db
    .insertInto('accounts')
    .values({
      id,
      platform,
      handle,
      display_name: handle,
      source: 'connected',
      token_status: 'valid',
      created_at: now,
      updated_at: now,
      external_id: 'me',
      instance_url: null,
      token_expires_at: null,
      token_checked_at: null,
      status_detail: null,
    })
    .execute();
  return id;
}
