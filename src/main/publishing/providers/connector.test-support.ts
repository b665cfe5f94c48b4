import {
  type ConnectorContext,
  ConnectorError,
  type MediaItem,
  type PublishRequest,
  type RateLimitInfo,
} from './connector';

/** What a connector test signs in with: the peer's origin, a token it issued, the account on it. */
export type PeerSession = Pick<ConnectorContext, 'baseUrl' | 'token' | 'account'>;

export interface ConnectorTestSetup {
  /** Rate-limit headers the connector reported (one array, emptied before each test). */
  readonly rateLimits: RateLimitInfo[];
  /** A context over the current session, collecting rate limits; fields may be overridden. */
  context(overrides?: Partial<ConnectorContext>): ConnectorContext;
  /** A publish request with a fresh idempotency key. */
  request(parts: string[], media?: MediaItem[]): PublishRequest;
  /** Requests made so far: makes texts unique where a peer refuses duplicate posts. */
  readonly count: number;
}

/**
 * The context-and-request setup every connector test against a protocol peer repeats. `session`
 * is read at each call, so a token issued in `beforeEach` is the one used.
 */
export function connectorTestSetup(session: () => PeerSession): ConnectorTestSetup {
  const rateLimits: RateLimitInfo[] = [];
  let keys = 0;
  return {
    rateLimits,
    get count() {
      return keys;
    },
    context: (overrides = {}) => ({
      ...session(),
      onRateLimit: (info) => rateLimits.push(info),
      ...overrides,
    }),
    // The time keeps keys unique across test files sharing a peer's idempotency memory.
    request: (parts, media = []) => ({ parts, media, idempotencyKey: `job-${(keys += 1)}-${Date.now()}` }),
  };
}

/** The ConnectorError a call fails with (anything else, or success, fails the test). */
export async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  if (!(error instanceof ConnectorError)) throw error;
  return error;
}
