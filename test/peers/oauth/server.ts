import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small OAuth 2.0 authorization server (RFC 6749) with PKCE (RFC 7636, S256 only), refresh
 * (§6), revocation (RFC 7009), loopback redirects on any port (RFC 8252 §7.3), a protected
 * "who am I" resource (RFC 6750 errors), and Mastodon's per-instance app registration
 * (POST /api/v1/apps). The authorize endpoint approves at once, as if the creator clicked Allow.
 */
export interface OAuthPeerClient {
  clientId: string;
  /** Confidential clients must authenticate at the token endpoint (client_secret_post or Basic). */
  clientSecret?: string;
  redirectUris: string[];
  scopes: string[];
}

export interface OAuthPeerOptions {
  clients?: OAuthPeerClient[];
  /** Time on the server (tests share their ManualClock). */
  now?: () => Date;
  accessTtlSeconds?: number;
  /** Send a new refresh token on each refresh (rotation) or keep the old one (no refresh_token in the answer). */
  rotateRefreshTokens?: boolean;
  identity?: { id: string; username: string; displayName: string };
  /** Scopes granted, when narrower than asked (to test "missing scope"). */
  grantScopes?: (asked: string[]) => string[];
}

export type PeerFault = { status: number; body?: string; contentType?: string } | { kind: 'drop' };

interface CodeGrant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scopes: string[];
  expiresAt: number;
  used: boolean;
  issued: string[];
}

interface Issued {
  clientId: string;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
}

export interface OAuthPeer {
  readonly url: string;
  /** Every request's method and path, in order. */
  readonly log: { method: string; path: string; grantType?: string }[];
  readonly appsRegistered: number;
  addClient(client: OAuthPeerClient): void;
  /** The next request to this path gets this answer (a 503, or a dropped connection). */
  failNext(path: string, fault: PeerFault): void;
  /** Revokes every refresh token (as when the creator removes the app on the platform). */
  revokeRefreshTokens(): void;
  /** Every token value the peer has issued (to scan the database and logs for them). */
  issuedTokens(): string[];
  close(): Promise<void>;
}

const CODE_TTL_MS = 10 * 60_000;
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export async function startOAuthPeer(options: OAuthPeerOptions = {}): Promise<OAuthPeer> {
  const now = () => (options.now ?? (() => new Date()))().getTime();
  const clients = new Map((options.clients ?? []).map((c) => [c.clientId, c]));
  const codes = new Map<string, CodeGrant>();
  const access = new Map<string, Issued>();
  const refresh = new Map<string, Issued>();
  const faults = new Map<string, PeerFault[]>();
  const log: OAuthPeer['log'] = [];
  let appsRegistered = 0;
  const identity = options.identity ?? { id: '1001', username: 'ada', displayName: 'Ada Lovelace' };
  const ttl = options.accessTtlSeconds ?? 7200;

  const token = () => randomBytes(24).toString('base64url');

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://peer.invalid');
      const body = req.method === 'POST' ? await readBody(req) : '';
      const form = new URLSearchParams(isForm(req) ? body : '');
      log.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        ...(form.get('grant_type') ? { grantType: form.get('grant_type') ?? '' } : {}),
      });
      const fault = faults.get(url.pathname)?.shift();
      if (fault) {
        if ('kind' in fault) {
          req.socket.destroy();
          return;
        }
        res
          .writeHead(fault.status, { 'content-type': fault.contentType ?? 'text/html' })
          .end(fault.body ?? '<h1>Service unavailable</h1>');
        return;
      }
      const route = `${req.method} ${url.pathname}`;
      if (route === 'GET /oauth2/authorize' || route === 'GET /oauth/authorize') return authorize(url, res);
      if (route === 'POST /oauth2/token' || route === 'POST /oauth/token') return tokenEndpoint(req, form, res);
      if (route === 'POST /oauth2/revoke' || route === 'POST /oauth/revoke') return revoke(req, form, res);
      if (route === 'GET /me' || route === 'GET /api/v1/accounts/verify_credentials') return me(req, url.pathname, res);
      if (route === 'POST /api/v1/apps') return registerApp(req, body, form, res);
      json(res, 404, { error: 'Record not found' });
    })().catch(() => {
      if (!res.headersSent) json(res, 500, { error: 'server_error' });
    });
  });

  function authorize(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const client = clients.get(q.get('client_id') ?? '');
    const redirectUri = q.get('redirect_uri') ?? '';
    // §4.1.2.1: a bad client or redirect is shown to the user, never redirected to.
    if (!client) return page(res, 400, 'invalid_client: unknown client_id');
    if (!client.redirectUris.some((r) => redirectMatches(r, redirectUri))) {
      return page(res, 400, 'invalid_request: redirect_uri is not registered for this client');
    }
    const back = (params: Record<string, string>) => {
      const target = new URL(redirectUri);
      for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
      const state = q.get('state');
      if (state !== null) target.searchParams.set('state', state);
      res.writeHead(302, { location: target.toString() }).end();
    };
    if (q.get('response_type') !== 'code') return back({ error: 'unsupported_response_type' });
    const challenge = q.get('code_challenge');
    if (!challenge) return back({ error: 'invalid_request', error_description: 'code_challenge required' });
    if (q.get('code_challenge_method') !== 'S256') {
      return back({ error: 'invalid_request', error_description: 'transform algorithm not supported' });
    }
    const asked = (q.get('scope') ?? '').split(' ').filter(Boolean);
    if (asked.some((s) => !client.scopes.includes(s))) return back({ error: 'invalid_scope' });
    const code = token();
    const scopes = options.grantScopes ? options.grantScopes(asked) : asked;
    codes.set(code, {
      clientId: client.clientId,
      redirectUri,
      challenge,
      scopes,
      expiresAt: now() + CODE_TTL_MS,
      used: false,
      issued: [],
    });
    back({ code });
  }

  function tokenEndpoint(req: IncomingMessage, form: URLSearchParams, res: ServerResponse): void {
    if (!isForm(req))
      return oauthError(res, 400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    const client = authenticate(req, form, res);
    if (!client) return;
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      const code = codes.get(form.get('code') ?? '');
      if (!code || code.clientId !== client.clientId)
        return oauthError(res, 400, 'invalid_grant', 'unknown authorization code');
      if (code.used) {
        // §4.1.2: a code used twice revokes what it issued.
        for (const t of code.issued) {
          const a = access.get(t) ?? refresh.get(t);
          if (a) a.revoked = true;
        }
        return oauthError(res, 400, 'invalid_grant', 'authorization code already used');
      }
      if (code.expiresAt < now()) return oauthError(res, 400, 'invalid_grant', 'authorization code expired');
      if (form.get('redirect_uri') !== code.redirectUri)
        return oauthError(res, 400, 'invalid_grant', 'redirect_uri mismatch');
      const verifier = form.get('code_verifier') ?? '';
      if (!VERIFIER.test(verifier)) return oauthError(res, 400, 'invalid_request', 'code_verifier malformed');
      if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge) {
        return oauthError(res, 400, 'invalid_grant', 'PKCE verification failed');
      }
      code.used = true;
      return issue(res, client.clientId, code.scopes, true, code.issued);
    }
    if (grant === 'refresh_token') {
      const value = form.get('refresh_token') ?? '';
      const held = refresh.get(value);
      if (!held || held.revoked || held.clientId !== client.clientId) {
        return oauthError(res, 400, 'invalid_grant', 'refresh token is invalid or revoked');
      }
      if (options.rotateRefreshTokens) held.revoked = true;
      return issue(res, client.clientId, held.scopes, Boolean(options.rotateRefreshTokens), []);
    }
    oauthError(res, 400, 'unsupported_grant_type', `grant_type ${grant ?? '(none)'} is not supported`);
  }

  function issue(
    res: ServerResponse,
    clientId: string,
    scopes: string[],
    withRefresh: boolean,
    issued: string[],
  ): void {
    const a = token();
    access.set(a, { clientId, scopes, expiresAt: now() + ttl * 1000, revoked: false });
    issued.push(a);
    const answer: Record<string, unknown> = {
      access_token: a,
      token_type: 'bearer',
      expires_in: ttl,
      scope: scopes.join(' '),
    };
    if (withRefresh) {
      const r = token();
      refresh.set(r, { clientId, scopes, expiresAt: Number.POSITIVE_INFINITY, revoked: false });
      issued.push(r);
      answer.refresh_token = r;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache' });
    res.end(JSON.stringify(answer));
  }

  function revoke(req: IncomingMessage, form: URLSearchParams, res: ServerResponse): void {
    if (!isForm(req)) return oauthError(res, 400, 'invalid_request', 'form body required');
    const client = authenticate(req, form, res);
    if (!client) return;
    const value = form.get('token') ?? '';
    const held = access.get(value) ?? refresh.get(value);
    if (held && held.clientId === client.clientId) held.revoked = true;
    // RFC 7009 §2.2: 200 whether or not the token was known.
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  }

  function me(req: IncomingMessage, path: string, res: ServerResponse): void {
    const header = req.headers.authorization ?? '';
    const held = header.startsWith('Bearer ') ? access.get(header.slice(7)) : undefined;
    if (!held || held.revoked || held.expiresAt < now()) {
      res.writeHead(401, {
        'content-type': 'application/json',
        'www-authenticate': 'Bearer error="invalid_token", error_description="The access token is invalid or expired"',
      });
      res.end(JSON.stringify({ error: 'The access token is invalid' }));
      return;
    }
    if (path === '/me')
      return json(res, 200, {
        id: identity.id,
        username: identity.username,
        name: identity.displayName,
        scopes: held.scopes,
      });
    json(res, 200, {
      id: identity.id,
      username: identity.username,
      acct: identity.username,
      display_name: identity.displayName,
    });
  }

  function registerApp(req: IncomingMessage, raw: string, form: URLSearchParams, res: ServerResponse): void {
    const params = isForm(req) ? Object.fromEntries(form) : parseJsonObject(raw);
    const name = typeof params?.client_name === 'string' ? params.client_name : '';
    const redirects =
      typeof params?.redirect_uris === 'string' ? params.redirect_uris.split(/\s+/).filter(Boolean) : [];
    const scopes = typeof params?.scopes === 'string' ? params.scopes.split(' ').filter(Boolean) : ['read'];
    // Mastodon answers 422 with { error } on validation failures.
    if (!name) return json(res, 422, { error: "Validation failed: Application name can't be blank" });
    if (redirects.length === 0) return json(res, 422, { error: "Validation failed: Redirect URI can't be blank" });
    appsRegistered += 1;
    const client: OAuthPeerClient = { clientId: token(), clientSecret: token(), redirectUris: redirects, scopes };
    clients.set(client.clientId, client);
    json(res, 200, {
      id: String(appsRegistered),
      name,
      website: params?.website ?? null,
      scopes,
      redirect_uri: redirects.join('\n'),
      redirect_uris: redirects,
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
  }

  /** §2.3.1: client_secret_basic or client_secret_post for confidential clients; client_id alone for public ones. */
  function authenticate(req: IncomingMessage, form: URLSearchParams, res: ServerResponse): OAuthPeerClient | null {
    const basic = req.headers.authorization?.startsWith('Basic ')
      ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString('utf8').split(':').map(decodeURIComponent)
      : null;
    const id = basic?.[0] ?? form.get('client_id') ?? '';
    const secret = basic?.[1] ?? form.get('client_secret');
    const client = clients.get(id);
    const ok = client && (client.clientSecret === undefined ? !secret : secret === client.clientSecret);
    if (!client || !ok) {
      res.writeHead(401, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
        ...(basic ? { 'www-authenticate': 'Basic realm="oauth"' } : {}),
      });
      res.end(JSON.stringify({ error: 'invalid_client', error_description: 'client authentication failed' }));
      return null;
    }
    return client;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    get appsRegistered() {
      return appsRegistered;
    },
    addClient: (client) => void clients.set(client.clientId, client),
    failNext: (path, fault) => void faults.set(path, [...(faults.get(path) ?? []), fault]),
    revokeRefreshTokens: () => {
      for (const held of refresh.values()) held.revoked = true;
    },
    issuedTokens: () => [...access.keys(), ...refresh.keys()],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** RFC 8252 §7.3: a loopback IP redirect matches on any port; everything else matches exactly. */
function redirectMatches(registered: string, asked: string): boolean {
  if (registered === asked) return true;
  try {
    const r = new URL(registered);
    const a = new URL(asked);
    const loopback = (u: URL) => u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === '[::1]');
    return (
      loopback(r) && loopback(a) && r.hostname === a.hostname && r.pathname === a.pathname && r.search === a.search
    );
  } catch {
    return false;
  }
}

function isForm(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim() === 'application/x-www-form-urlencoded';
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJsonObject(raw: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** RFC 6749 §5.2 error response. */
function oauthError(res: ServerResponse, status: number, error: string, description: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache' });
  res.end(JSON.stringify({ error, error_description: description }));
}

function page(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/html' }).end(`<h1>Authorization error</h1><p>${message}</p>`);
}
