import type { IconName } from '../ui/icons';

export interface NavItem {
  to: string;
  label: string;
  icon: IconName;
  /** Only an exact match marks it current (the dashboard at "/"). */
  end?: boolean;
}

/** The left navigation, in order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Dashboard', icon: 'dashboard', end: true },
  { to: '/compose', label: 'Compose', icon: 'compose' },
  { to: '/studio', label: 'Studio', icon: 'sparkles' },
  { to: '/library', label: 'Library', icon: 'library' },
  { to: '/calendar', label: 'Calendar', icon: 'calendar' },
  { to: '/bulk', label: 'Bulk', icon: 'layers' },
  { to: '/templates', label: 'Templates', icon: 'template' },
  { to: '/voice', label: 'Brand voice', icon: 'voice' },
  { to: '/analytics', label: 'Analytics', icon: 'chart' },
  { to: '/coach', label: 'Coach', icon: 'target' },
  { to: '/talk', label: 'Talk', icon: 'voice' },
  { to: '/accounts', label: 'Accounts', icon: 'plus' },
  { to: '/ai', label: 'AI', icon: 'sparkles' },
  // Exact, so Settings is not also marked current on its Sync page.
  { to: '/settings', label: 'Settings', icon: 'settings', end: true },
  { to: '/settings/sync', label: 'Sync', icon: 'history' },
  { to: '/diagnostics', label: 'Diagnostics', icon: 'diagnostics' },
];
