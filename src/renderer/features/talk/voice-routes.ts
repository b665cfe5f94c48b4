import type { VoicePage } from '../../../shared/domain/voice';

/** Where each page a command can open lives. */
export const VOICE_PAGE_ROUTES: Record<VoicePage, string> = {
  dashboard: '/',
  compose: '/compose',
  studio: '/studio',
  library: '/library',
  calendar: '/calendar',
  bulk: '/bulk',
  templates: '/templates',
  'brand-voice': '/voice',
  analytics: '/analytics',
  coach: '/coach',
  accounts: '/accounts',
  ai: '/ai',
  settings: '/settings',
  diagnostics: '/diagnostics',
  talk: '/talk',
};

/** The page and open post a command is spoken over: "it" is the post open in Compose. */
export function commandContextOf(pathname: string): { postId: string | null; page: VoicePage | null } {
  const compose = /^\/compose(?:\/([^/]+))?\/?$/.exec(pathname);
  if (compose) return { postId: compose[1] ? decodeURIComponent(compose[1]) : null, page: 'compose' };
  const entries = Object.entries(VOICE_PAGE_ROUTES) as Array<[VoicePage, string]>;
  const match = entries
    .filter(([, route]) => route !== '/')
    .find(([, route]) => pathname === route || pathname.startsWith(`${route}/`));
  if (match) return { postId: null, page: match[0] };
  return { postId: null, page: pathname === '/' ? 'dashboard' : null };
}

/**
 * Where to go after a command: the page it asked for (with its post when that is Compose), or
 * Compose with the post a new draft became. Null means stay.
 */
export function routeAfterCommand(command: {
  intents: ReadonlyArray<{ action: string }>;
  status: string;
  result: { postId: string | null; navigateTo: VoicePage | null };
}): string | null {
  const { postId, navigateTo } = command.result;
  if (navigateTo === 'compose' && postId) return `/compose/${encodeURIComponent(postId)}`;
  if (navigateTo) return VOICE_PAGE_ROUTES[navigateTo];
  const drafted = command.intents.some((intent) => intent.action === 'draft.create');
  if (drafted && postId && command.status === 'done') return `/compose/${encodeURIComponent(postId)}`;
  return null;
}
