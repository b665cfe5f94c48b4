/** Where Ollama listens unless told otherwise. */
export const DEFAULT_OLLAMA_PORT = 11434;

export interface OllamaEndpoint {
  /** Base URL a client connects to, e.g. "http://127.0.0.1:11434" (no trailing slash). */
  url: string;
  host: string;
  port: number;
}

/** Bind-all addresses are where a server listens, never where a client can connect. */
const CONNECTABLE: Record<string, string> = { '0.0.0.0': '127.0.0.1', '::': '::1', '[::]': '::1' };

/**
 * Reads OLLAMA_HOST the way Ollama's own envconfig.Host does: "host", "host:port", ":port",
 * "http(s)://host[:port]", quotes and spaces trimmed, a bad port falling back to the default;
 * then turns a bind-all address into loopback so the result is connectable.
 */
export function parseOllamaHost(value: string | undefined): OllamaEndpoint {
  const raw = (value ?? '').trim().replace(/^["']+|["']+$/g, '');
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw);
  const scheme = schemeMatch?.[1]?.toLowerCase() ?? 'http';
  let defaultPort = DEFAULT_OLLAMA_PORT;
  if (schemeMatch && scheme === 'http') defaultPort = 80;
  if (scheme === 'https') defaultPort = 443;
  const hostport = (schemeMatch ? raw.slice(schemeMatch[0].length) : raw).split('/')[0] ?? '';

  let host = '127.0.0.1';
  let port = defaultPort;
  const split = splitHostPort(hostport);
  if (split) {
    host = split.host === '' ? '127.0.0.1' : split.host;
    const parsed = Number(split.port);
    port = /^\d+$/.test(split.port) && parsed <= 65535 ? parsed : defaultPort;
  } else if (hostport !== '') {
    host = hostport.replace(/^\[|\]$/g, '');
  }
  host = CONNECTABLE[host] ?? host;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return { url: `${scheme}://${urlHost}:${port}`, host, port };
}

/** Go's net.SplitHostPort: "h:p", "[v6]:p", ":p"; null when there is no port part. */
function splitHostPort(text: string): { host: string; port: string } | null {
  const bracketed = /^\[([^\]]*)\]:(.*)$/.exec(text);
  if (bracketed) return { host: bracketed[1] ?? '', port: bracketed[2] ?? '' };
  const colon = text.lastIndexOf(':');
  if (colon < 0 || text.indexOf(':') !== colon) return null; // none, or a bare IPv6 address
  return { host: text.slice(0, colon), port: text.slice(colon + 1) };
}

/** The value to put in OLLAMA_HOST so a spawned `ollama serve` listens on loopback only. */
export function loopbackHostValue(port: number): string {
  return `127.0.0.1:${port}`;
}
