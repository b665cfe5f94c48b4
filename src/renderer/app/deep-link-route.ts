/** Pages a cadence:// link may open; anything else is refused rather than guessed. */
const LINKABLE = new Set(['compose', 'library', 'calendar', 'settings', 'diagnostics', 'dashboard']);

/**
 * The in-app route for cadence://<action>/<path…>, or null when the link names no page.
 * cadence://compose/<id> opens that post; cadence://dashboard opens the home page.
 */
export function deepLinkRoute(action: string, path: string[]): string | null {
  if (!LINKABLE.has(action)) return null;
  if (action === 'dashboard') return '/';
  if (action === 'compose' && path.length > 0) return `/compose/${encodeURIComponent(path[0]!)}`;
  return `/${action}`;
}
