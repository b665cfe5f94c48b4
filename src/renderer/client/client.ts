import type { CadenceClient, PreloadBridge } from '../../shared/contract/client';
import { createHttpClient } from './http-transport';
import { createIpcClient } from './ipc-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    cadence?: PreloadBridge;
  }
}

const TOKEN_KEY = 'cadence.token';

/**
 * Browser mode reads the access token from the URL once (then hides it from the address bar
 * and keeps it for this tab only).
 */
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let client: CadenceClient | null = null;

/** The one client the stores use: IPC in Electron, HTTP/WebSocket in the browser. */
export function getClient(): CadenceClient {
  client ??= window.cadence
    ? createIpcClient(window.cadence)
    : createHttpClient(window.location.origin, browserToken());
  return client;
}
