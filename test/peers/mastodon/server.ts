import { randomBytes } from 'node:crypto';
import { mastodonLength } from '../../../src/shared/platforms/mastodon';
import {
  bearer,
  formField,
  formFields,
  pkceS256Matches,
  type RestBody,
  type RestFault,
  type RestPeer,
  type RestReply,
  type RestRequest,
  startRestPeer,
} from '../shared/rest-peer';

/** Protocol peer of a Mastodon instance (REST API v1/v2 + OAuth). See README.md for what is covered. */

export interface MastodonPeerOptions {
  /** `configuration.statuses.max_characters` (500 on a stock instance). */
  maxCharacters?: number;
  /** How many `GET /api/v1/media/:id` answer 206 before the upload is processed (0: processed at once, 200). */
  mediaProcessingPolls?: number;
  /** Requests per token per 5-minute window (Mastodon's default is 300). */
  rateLimit?: number;
}

interface PeerToken {
  accountId: string | null;
  scopes: string[];
  valid: boolean;
}

interface PeerApp {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  scopes: string[];
}

interface PeerMedia {
  id: string;
  accountId: string;
  mime: string;
  description: string | null;
  pollsLeft: number;
  statusId: string | null;
}

export interface PeerStatus {
  id: string;
  accountId: string;
  text: string;
  createdAt: string;
  inReplyToId: string | null;
  visibility: string;
  language: string | null;
  mediaIds: string[];
  favourites: number;
  reblogs: number;
  replies: number;
  deleted: boolean;
}

export interface MastodonPeer extends RestPeer {
  readonly account: { id: string; username: string; followers: number };
  /** Live (not deleted) statuses, oldest first. */
  statuses(): PeerStatus[];
  status(id: string): PeerStatus | undefined;
  /** A user token for the peer's account; `read write` unless scopes are given. */
  issueToken(scopes?: string[]): string;
  /** Revokes a token: later calls with it get 401 "The access token is invalid". */
  invalidateToken(token: string): void;
}

const INVALID_TOKEN = { error: 'The access token is invalid' };
const OUT_OF_SCOPE = { error: 'This action is outside the authorized scopes' };
const NOT_FOUND = { error: 'Record not found' };
const IDEMPOTENCY_WINDOW_MS = 60 * 60 * 1000;
const RATE_WINDOW_MS = 5 * 60 * 1000;
const SUPPORTED_MIME = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'video/mp4',
  'video/quicktime',
  'video/webm',
];

const unprocessable = (message: string): RestReply => ({ status: 422, body: { error: message } });
const escapeHtml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Mastodon renders plain text as paragraphs with `<br />` for single newlines. */
function renderContent(text: string): string {
  return text
    .split(/\n\n+/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br />')}</p>`)
    .join('');
}

/** `write` covers `write:statuses`; `read` covers `read:accounts`, as Doorkeeper's scopes do in Mastodon. */
function hasScope(scopes: string[], needed: string): boolean {
  return scopes.includes(needed) || scopes.includes(needed.split(':')[0] ?? needed);
}

/** Params come as JSON or as a form; Rails reads both the same way. */
function param(body: RestBody, name: string): unknown {
  if (body.kind === 'json') return (body.value as Record<string, unknown> | null)?.[name];
  if (name.endsWith('[]')) return formFields(body, name);
  return formField(body, name);
}

export async function startMastodonPeer(options: MastodonPeerOptions = {}): Promise<MastodonPeer> {
  const maxCharacters = options.maxCharacters ?? 500;
  const processingPolls = options.mediaProcessingPolls ?? 1;
  const rateLimit = options.rateLimit ?? 300;
  const account = { id: '109000000000000001', username: 'creator', followers: 1234 };
  const tokens = new Map<string, PeerToken>();
  const apps = new Map<string, PeerApp>();
  const codes = new Map<
    string,
    { clientId: string; redirectUri: string; scopes: string[]; challenge: string | null }
  >();
  const statuses = new Map<string, PeerStatus>();
  const media = new Map<string, PeerMedia>();
  const idempotency = new Map<string, { statusId: string; at: number }>();
  const usage = new Map<string, { windowStart: number; used: number }>();
  let nextId = 110_000_000_000_000_000n;
  const newId = (): string => String((nextId += 1n));
  let origin = '';

  const issue = (accountId: string | null, scopes: string[]): string => {
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, { accountId, scopes, valid: true });
    return token;
  };

  const rateHeaders = (token: string): { headers: Record<string, string>; exceeded: boolean } => {
    const now = Date.now();
    const windowStart = now - (now % RATE_WINDOW_MS);
    const entry = usage.get(token);
    const current = entry && entry.windowStart === windowStart ? entry : { windowStart, used: 0 };
    current.used += 1;
    usage.set(token, current);
    return {
      headers: {
        'x-ratelimit-limit': String(rateLimit),
        'x-ratelimit-remaining': String(Math.max(0, rateLimit - current.used)),
        'x-ratelimit-reset': new Date(windowStart + RATE_WINDOW_MS).toISOString(),
      },
      exceeded: current.used > rateLimit,
    };
  };

  const mediaJson = (item: PeerMedia) => {
    const ready = item.pollsLeft <= 0;
    const kind = item.mime.startsWith('video/') ? 'video' : item.mime === 'image/gif' ? 'gifv' : 'image';
    return {
      id: item.id,
      type: kind,
      url: ready ? `${origin}/system/media_attachments/files/${item.id}/original` : null,
      preview_url: `${origin}/system/media_attachments/files/${item.id}/small`,
      remote_url: null,
      meta: {},
      description: item.description,
      blurhash: 'UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}',
    };
  };

  const accountJson = () => ({
    id: account.id,
    username: account.username,
    acct: account.username,
    display_name: 'Peer Creator',
    url: `${origin}/@${account.username}`,
    followers_count: account.followers,
    following_count: 10,
    statuses_count: [...statuses.values()].filter((s) => !s.deleted).length,
  });

  const statusJson = (status: PeerStatus, withSource = false) => ({
    id: status.id,
    created_at: status.createdAt,
    in_reply_to_id: status.inReplyToId,
    in_reply_to_account_id: status.inReplyToId ? account.id : null,
    sensitive: false,
    spoiler_text: '',
    visibility: status.visibility,
    language: status.language,
    uri: `${origin}/users/${account.username}/statuses/${status.id}`,
    url: `${origin}/@${account.username}/${status.id}`,
    replies_count: status.replies,
    reblogs_count: status.reblogs,
    favourites_count: status.favourites,
    content: renderContent(status.text),
    account: accountJson(),
    media_attachments: status.mediaIds.flatMap((id) => {
      const item = media.get(id);
      return item ? [mediaJson(item)] : [];
    }),
    mentions: [],
    tags: [],
    ...(withSource ? { text: status.text } : {}),
  });

  const createStatus = (accountId: string, req: RestRequest): RestReply => {
    const key = req.headers['idempotency-key'];
    const keyName = typeof key === 'string' ? `${accountId}:${key}` : null;
    if (keyName) {
      const seen = idempotency.get(keyName);
      const existing = seen ? statuses.get(seen.statusId) : undefined;
      if (seen && existing && Date.now() - seen.at < IDEMPOTENCY_WINDOW_MS)
        return { status: 200, body: statusJson(existing) };
    }
    const text = param(req.body, 'status');
    if (text !== undefined && typeof text !== 'string') return unprocessable('Validation failed: Text is invalid');
    const rawIds = param(req.body, 'media_ids') ?? param(req.body, 'media_ids[]') ?? [];
    if (!Array.isArray(rawIds) || !rawIds.every((id) => typeof id === 'string')) {
      return unprocessable('Validation failed: Media ids is invalid');
    }
    const mediaIds = rawIds as string[];
    const visibility = param(req.body, 'visibility') ?? 'public';
    if (typeof visibility !== 'string' || !['public', 'unlisted', 'private', 'direct'].includes(visibility)) {
      return unprocessable('Validation failed: Visibility is not included in the list');
    }
    const language = param(req.body, 'language');
    const inReplyToId = param(req.body, 'in_reply_to_id');
    if (inReplyToId !== undefined && inReplyToId !== null) {
      const parent = typeof inReplyToId === 'string' ? statuses.get(inReplyToId) : undefined;
      if (!parent || parent.deleted) return { status: 404, body: NOT_FOUND };
    }
    if (mediaIds.length > 4) return unprocessable('Cannot attach more than 4 files');
    const items = mediaIds.map((id) => media.get(id));
    const missing = mediaIds.filter((_, i) => !items[i] || items[i].accountId !== accountId || items[i].statusId);
    if (missing.length > 0) return unprocessable(`Media with IDs ${missing.join(', ')} not found`);
    if (items.some((item) => item && item.pollsLeft > 0)) {
      return unprocessable('Cannot attach files that have not finished processing. Try again in a moment!');
    }
    const body = typeof text === 'string' ? text : '';
    if (body.trim() === '' && mediaIds.length === 0) return unprocessable("Validation failed: Text can't be blank");
    if (mastodonLength(body) > maxCharacters) {
      return unprocessable(`Validation failed: Text character limit of ${maxCharacters} exceeded`);
    }
    const status: PeerStatus = {
      id: newId(),
      accountId,
      text: body,
      createdAt: new Date().toISOString(),
      inReplyToId: typeof inReplyToId === 'string' ? inReplyToId : null,
      visibility,
      language: typeof language === 'string' ? language : null,
      mediaIds,
      favourites: 0,
      reblogs: 0,
      replies: 0,
      deleted: false,
    };
    statuses.set(status.id, status);
    for (const item of items) if (item) item.statusId = status.id;
    if (status.inReplyToId) {
      const parent = statuses.get(status.inReplyToId);
      if (parent) parent.replies += 1;
    }
    if (keyName) idempotency.set(keyName, { statusId: status.id, at: Date.now() });
    return { status: 200, body: statusJson(status) };
  };

  const uploadMedia = (accountId: string, req: RestRequest): RestReply => {
    if (req.body.kind !== 'multipart') return unprocessable("Validation failed: File can't be blank");
    const file = req.body.form.get('file');
    if (file === null || typeof file === 'string') return unprocessable("Validation failed: File can't be blank");
    if (!SUPPORTED_MIME.includes(file.type)) return unprocessable('Validation failed: File content type is invalid');
    const description = formField(req.body, 'description') ?? null;
    if (description !== null && description.length > 1500) {
      return unprocessable('Validation failed: Description is too long (maximum is 1500 characters)');
    }
    const item: PeerMedia = {
      id: newId(),
      accountId,
      mime: file.type,
      description,
      pollsLeft: processingPolls,
      statusId: null,
    };
    media.set(item.id, item);
    return { status: item.pollsLeft > 0 ? 202 : 200, body: mediaJson(item) };
  };

  const oauth = (req: RestRequest): RestReply | undefined => {
    if (req.method === 'POST' && req.path === '/api/v1/apps') {
      const name = param(req.body, 'client_name');
      const redirect = param(req.body, 'redirect_uris');
      if (typeof name !== 'string' || name === '')
        return unprocessable("Validation failed: Application name can't be blank");
      const redirectUris = Array.isArray(redirect)
        ? redirect.map(String)
        : typeof redirect === 'string'
          ? redirect.split(/\s+/)
          : [];
      if (redirectUris.length === 0) return unprocessable("Validation failed: Redirect URI can't be blank");
      const scopeParam = param(req.body, 'scopes');
      const app: PeerApp = {
        clientId: randomBytes(16).toString('base64url'),
        clientSecret: randomBytes(24).toString('base64url'),
        redirectUris,
        scopes: typeof scopeParam === 'string' ? scopeParam.split(/\s+/) : ['read'],
      };
      apps.set(app.clientId, app);
      return {
        status: 200,
        body: {
          id: newId(),
          name,
          website: null,
          scopes: app.scopes,
          redirect_uris: redirectUris,
          redirect_uri: redirectUris.join('\n'),
          client_id: app.clientId,
          client_secret: app.clientSecret,
          vapid_key: 'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=',
        },
      };
    }
    if (req.method === 'GET' && req.path === '/oauth/authorize') {
      const app = apps.get(req.query.get('client_id') ?? '');
      const redirectUri = req.query.get('redirect_uri') ?? '';
      if (!app || !app.redirectUris.some((registered) => redirectMatches(registered, redirectUri))) {
        return {
          status: 400,
          body: {
            error: 'invalid_client',
            error_description:
              'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
          },
        };
      }
      const scopes = (req.query.get('scope') ?? 'read').split(/\s+/);
      if (req.query.get('response_type') !== 'code' || !scopes.every((s) => app.scopes.some((a) => hasScope([a], s)))) {
        return {
          status: 400,
          body: { error: 'invalid_scope', error_description: 'The requested scope is invalid, unknown, or malformed.' },
        };
      }
      const challenge = req.query.get('code_challenge');
      if (challenge !== null && req.query.get('code_challenge_method') !== 'S256') {
        return {
          status: 400,
          body: { error: 'invalid_request', error_description: 'The code challenge method must be S256.' },
        };
      }
      const code = randomBytes(24).toString('base64url');
      codes.set(code, { clientId: app.clientId, redirectUri, scopes, challenge });
      const target = new URL(redirectUri);
      target.searchParams.set('code', code);
      const state = req.query.get('state');
      if (state !== null) target.searchParams.set('state', state);
      // The user approves at once: the peer stands in for the instance's sign-in page.
      return { status: 302, headers: { location: target.toString() } };
    }
    if (req.method === 'POST' && req.path === '/oauth/token') {
      const get = (name: string) => {
        const value = param(req.body, name);
        return typeof value === 'string' ? value : undefined;
      };
      const invalidGrant: RestReply = {
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description:
            'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
        },
      };
      const app = apps.get(get('client_id') ?? '');
      if (!app || app.clientSecret !== get('client_secret')) {
        return {
          status: 401,
          body: {
            error: 'invalid_client',
            error_description:
              'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
          },
        };
      }
      const grant = get('grant_type');
      if (grant === 'client_credentials') {
        const scopes = (get('scope') ?? 'read').split(/\s+/);
        return {
          status: 200,
          body: {
            access_token: issue(null, scopes),
            token_type: 'Bearer',
            scope: scopes.join(' '),
            created_at: Math.floor(Date.now() / 1000),
          },
        };
      }
      if (grant !== 'authorization_code')
        return {
          status: 400,
          body: {
            error: 'unsupported_grant_type',
            error_description: 'The authorization grant type is not supported by the authorization server.',
          },
        };
      const code = codes.get(get('code') ?? '');
      if (!code || code.clientId !== app.clientId || code.redirectUri !== get('redirect_uri')) return invalidGrant;
      if (code.challenge !== null) {
        const verifier = get('code_verifier');
        if (verifier === undefined || !pkceS256Matches(verifier, code.challenge)) return invalidGrant;
      }
      codes.delete(get('code') ?? '');
      return {
        status: 200,
        body: {
          access_token: issue(account.id, code.scopes),
          token_type: 'Bearer',
          scope: code.scopes.join(' '),
          created_at: Math.floor(Date.now() / 1000),
        },
      };
    }
    if (req.method === 'POST' && req.path === '/oauth/revoke') {
      const token = param(req.body, 'token');
      const entry = typeof token === 'string' ? tokens.get(token) : undefined;
      if (entry) entry.valid = false;
      return { status: 200, body: {} };
    }
    return undefined;
  };

  const api = (req: RestRequest): RestReply => {
    if (req.method === 'GET' && req.path === '/api/v2/instance') {
      return {
        status: 200,
        body: {
          domain: new URL(origin).host,
          title: 'Peer instance',
          version: '4.3.0',
          source_url: 'https://github.com/mastodon/mastodon',
          configuration: {
            urls: { streaming: origin.replace('http', 'ws') },
            statuses: { max_characters: maxCharacters, max_media_attachments: 4, characters_reserved_per_url: 23 },
            media_attachments: {
              supported_mime_types: SUPPORTED_MIME,
              image_size_limit: 16_777_216,
              image_matrix_limit: 33_177_600,
              video_size_limit: 103_809_024,
              video_frame_rate_limit: 120,
              video_matrix_limit: 8_294_400,
            },
          },
        },
      };
    }
    const token = bearer(req.headers);
    const entry = token === undefined ? undefined : tokens.get(token);
    if (token === undefined || !entry || !entry.valid) return { status: 401, body: INVALID_TOKEN };
    const limits = rateHeaders(token);
    const reply = (r: RestReply): RestReply => ({ ...r, headers: { ...limits.headers, ...r.headers } });
    if (limits.exceeded) return reply({ status: 429, body: { error: 'Too many requests' } });
    const need = (scope: string): boolean => hasScope(entry.scopes, scope);
    const accountId = entry.accountId;
    if (accountId === null)
      return reply({ status: 422, body: { error: 'This method requires an authenticated user' } });

    const route = `${req.method} ${req.path}`;
    let match: RegExpExecArray | null;
    if (route === 'POST /api/v1/statuses') {
      return reply(need('write:statuses') ? createStatus(accountId, req) : { status: 403, body: OUT_OF_SCOPE });
    }
    if (route === 'POST /api/v2/media') {
      return reply(need('write:media') ? uploadMedia(accountId, req) : { status: 403, body: OUT_OF_SCOPE });
    }
    if ((match = /^GET \/api\/v1\/media\/(\d+)$/.exec(route))) {
      if (!need('write:media')) return reply({ status: 403, body: OUT_OF_SCOPE });
      const item = media.get(match[1] ?? '');
      if (!item || item.accountId !== accountId) return reply({ status: 404, body: NOT_FOUND });
      if (item.pollsLeft > 0) {
        item.pollsLeft -= 1;
        return reply({ status: 206, body: { ...mediaJson(item), url: null } });
      }
      return reply({ status: 200, body: mediaJson(item) });
    }
    if ((match = /^(GET|DELETE) \/api\/v1\/statuses\/(\d+)$/.exec(route))) {
      const status = statuses.get(match[2] ?? '');
      if (match[1] === 'DELETE') {
        if (!need('write:statuses')) return reply({ status: 403, body: OUT_OF_SCOPE });
        if (!status || status.deleted) return reply({ status: 404, body: NOT_FOUND });
        if (status.accountId !== accountId)
          return reply({ status: 403, body: { error: 'This action is not allowed' } });
        status.deleted = true;
        return reply({ status: 200, body: statusJson(status, true) });
      }
      if (!need('read:statuses')) return reply({ status: 403, body: OUT_OF_SCOPE });
      if (!status || status.deleted) return reply({ status: 404, body: NOT_FOUND });
      return reply({ status: 200, body: statusJson(status) });
    }
    if (route === 'GET /api/v1/accounts/verify_credentials') {
      if (!need('read:accounts') && !need('profile')) return reply({ status: 403, body: OUT_OF_SCOPE });
      return reply({ status: 200, body: { ...accountJson(), source: { privacy: 'public', note: '' } } });
    }
    if ((match = /^GET \/api\/v1\/accounts\/(\d+)\/statuses$/.exec(route))) {
      if (!need('read:statuses')) return reply({ status: 403, body: OUT_OF_SCOPE });
      if (match[1] !== account.id) return reply({ status: 404, body: NOT_FOUND });
      const limit = Math.min(40, Number(req.query.get('limit') ?? 20) || 20);
      const maxId = req.query.get('max_id');
      const list = [...statuses.values()]
        .filter((s) => !s.deleted && (maxId === null || BigInt(s.id) < BigInt(maxId)))
        .reverse()
        .slice(0, limit);
      return reply({ status: 200, body: list.map((s) => statusJson(s)) });
    }
    return reply({ status: 404, body: NOT_FOUND });
  };

  const peer = await startRestPeer((req) => oauth(req) ?? api(req));
  origin = peer.origin;
  return {
    ...peer,
    origin: peer.origin,
    requests: peer.requests,
    account,
    statuses: () => [...statuses.values()].filter((s) => !s.deleted),
    status: (id) => statuses.get(id),
    issueToken: (scopes = ['read', 'write']) => issue(account.id, scopes),
    invalidateToken: (token) => {
      const entry = tokens.get(token);
      if (entry) entry.valid = false;
    },
  };
}

/** Failures with Mastodon's own status, body and headers. */
export const mastodonFaults = {
  rateLimited: (resetAt: Date, path?: RegExp): RestFault => ({
    kind: 'error',
    status: 429,
    body: { error: 'Too many requests' },
    headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': resetAt.toISOString() },
    ...(path ? { path } : {}),
  }),
  serverError: (status = 503, path?: RegExp): RestFault => ({
    kind: 'error',
    status,
    body: { error: 'Service Unavailable' },
    ...(path ? { path } : {}),
  }),
};

/**
 * Mastodon's OAuth (Doorkeeper) compares redirect URIs exactly, except that for a loopback
 * address the port may differ (RFC 8252 §7.3): native apps listen on a random port each time.
 */
function redirectMatches(registered: string, asked: string): boolean {
  if (registered === asked) return true;
  try {
    const a = new URL(registered);
    const b = new URL(asked);
    const loopback = ['127.0.0.1', '[::1]'].includes(a.hostname);
    return (
      loopback &&
      a.protocol === b.protocol &&
      a.hostname === b.hostname &&
      a.pathname === b.pathname &&
      a.search === b.search
    );
  } catch {
    return false;
  }
}
