import type { Platform } from '../../../shared/domain/platform';
import type { ConnectorContext, PlatformConnector } from '../providers/connector';
import type { PublishJobRow } from './job.repository';

/**
 * What the queue needs from the accounts domain (implemented there): a ready connector context
 * for an account (token read from the secrets port, base URL chosen), a token refresh, and a way
 * to say an account must be reconnected. The queue never reads or stores tokens itself.
 */
export interface TokensPort {
  /** A context with a usable token; throws ConnectorError('auth_revoked' | 'missing_scope' | 'network', …). */
  context(accountId: string): Promise<ConnectorContext>;
  /** Refreshes the account's token (called once after an `auth_expired`); throws ConnectorError when it cannot. */
  refresh(accountId: string): Promise<void>;
  /** Marks the account as needing a reconnect, with a plain reason shown in token health. */
  markNeedsReconnect(accountId: string, reason: string): Promise<void>;
}

/** The connector for a platform, or null when this build has none yet. */
export type ConnectorRegistry = (platform: Platform) => PlatformConnector | null;

/**
 * Test-only fault points between the queue's own steps (the crash tests). Production code never
 * sets them; a hook that throws `CrashSignal` abandons the runner as if the process died.
 */
export interface QueueFaults {
  /** After a successful platform response, before the commit that records it. */
  beforeCommit?(job: PublishJobRow): void;
  /** After the lease is taken, before the job is marked `sending`. */
  beforeSending?(job: PublishJobRow): void;
}

export interface QueuePorts {
  connectors: ConnectorRegistry;
  tokens: TokensPort;
  faults?: QueueFaults;
}
