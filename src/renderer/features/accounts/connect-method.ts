import type { Platform } from '../../../shared/domain/platform';
import type { AccountHealth, ConnectStatus, TokenStatus } from '../../../shared/domain/accounts';

/** How a platform is connected: its sign-in page, a Mastodon server first, or a Bluesky app password. */
export type ConnectMethod = 'oauth' | 'instance' | 'app-password';

/** Bluesky signs in with an app password; Mastodon needs the creator's server; the rest use OAuth. */
export function connectMethod(platform: Platform): ConnectMethod {
  if (platform === 'bluesky') return 'app-password';
  if (platform === 'mastodon') return 'instance';
  return 'oauth';
}

/** Where a Bluesky user makes an app password. */
export const BLUESKY_APP_PASSWORD_URL = 'https://bsky.app/settings/app-passwords';

/** The token-health badge's words. */
export const TOKEN_STATUS_LABELS: Record<TokenStatus, string> = {
  valid: 'Valid',
  expiring: 'Expiring',
  needs_reconnect: 'Needs reconnect',
  missing_scope: 'Missing scope',
};

/** The badge for an account: its token status, or "Disconnected"/"Imported" when it has no token. */
export function accountBadge(account: AccountHealth): { label: string; tone: 'good' | 'warn' | 'bad' | 'muted' } {
  if (account.source === 'disconnected') return { label: 'Disconnected', tone: 'muted' };
  if (account.source === 'import' || account.status === null) return { label: 'Imported', tone: 'muted' };
  const label = TOKEN_STATUS_LABELS[account.status];
  if (account.status === 'valid') return { label, tone: 'good' };
  if (account.status === 'expiring') return { label, tone: 'warn' };
  return { label, tone: 'bad' };
}

/** "@name" for handles that are bare names; handles that already carry "@" or a domain stay. */
export function displayHandle(handle: string): string {
  return handle.startsWith('@') ? handle : `@${handle}`;
}

/** What the connect status line says while a flow runs and once it ends. */
export function connectStatusText(status: ConnectStatus | null, handle: string | null): string {
  if (status === null) return '';
  if (status.state === 'pending') return 'Waiting for you to finish signing in…';
  if (status.state === 'failed') return `Could not connect: ${status.reason}`;
  return handle ? `Connected as ${displayHandle(handle)}` : 'Connected';
}
