/** The app's URL scheme, registered with the OS so cadence://… links open Cadence. */
export const DEEP_LINK_SCHEME = 'cadence';

const MAX_LENGTH = 2048;
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** A parsed cadence:// link: `cadence://oauth/callback?code=…` is action "oauth", path ["callback"]. */
export interface DeepLink {
  action: string;
  path: string[];
  params: Record<string, string>;
}

/**
 * Parses a link handed over by the OS. Links come from any web page or app, so anything unusual
 * (another scheme, odd characters, absurd length) is rejected as null rather than half-parsed.
 */
export function parseDeepLink(raw: string): DeepLink | null {
  if (raw.length > MAX_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:` || url.username || url.password) return null;
  // cadence://a/b puts "a" in the host; cadence:a/b leaves it in the path. Both mean the same.
  const segments = [url.hostname, ...url.pathname.split('/')].filter((part) => part !== '').map(decode);
  if (segments.length === 0 || segments.some((part) => part === null || !SEGMENT.test(part))) return null;
  const [action, ...path] = segments as string[];
  if (action === undefined) return null;
  return { action: action.toLowerCase(), path, params: Object.fromEntries(url.searchParams) };
}

/**
 * Finds the link among the command-line arguments of a launch or second instance (Windows and
 * Linux pass it there; macOS uses the open-url event instead).
 */
export function findDeepLink(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`));
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
