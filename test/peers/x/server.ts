import { randomBytes } from 'node:crypto';
import { extractUrlsWithIndices } from '../../../src/shared/platforms/twitter-text';
import { parseXPost } from '../../../src/shared/platforms/x';
import {
  bearer,
  formField,
  pkceS256Matches,
  type RestFault,
  type RestPeer,
  type RestReply,
  type RestRequest,
  startRestPeer,
} from '../shared/rest-peer';

/** Protocol peer of the X API v2 (posts, users, media upload v2, OAuth 2.0 PKCE). See README.md. */

export const X_PEER_CLIENT_ID = 'cadence-peer-client';
export const X_ALL_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access', 'media.write'];

export interface XPeerOptions {
  /** Requests per user per endpoint per 15-minute window before 429. */
  rateLimit?: number;
  /** STATUS checks a video answers `in_progress` before `succeeded`. */
  videoProcessingPolls?: number;
}

interface PeerToken {
  scopes: string[];
  expiresAt: number;
  valid: boolean;
}

interface PeerMedia {
  id: string;
  mediaType: string;
  category: string;
  totalBytes: number;
  received: Map<number, number>;
  finalized: boolean;
  pollsLeft: number;
  altText: string | null;
}

export interface PeerTweet {
  id: string;
  /** As the author sent it. */
  text: string;
  createdAt: string;
  inReplyToId: string | null;
  mediaIds: string[];
  metrics: {
    retweet_count: number;
    reply_count: number;
    like_count: number;
    quote_count: number;
    bookmark_count: number;
    impression_count: number;
  };
  deleted: boolean;
}

export interface XPeer extends RestPeer {
  readonly user: { id: string; username: string; name: string; followers: number };
  tweets(): PeerTweet[];
  tweet(id: string): PeerTweet | undefined;
  media(id: string): PeerMedia | undefined;
  /** A user-context token; every scope unless given; expired at once with `expiresInMs: 0`. */
  issueToken(scopes?: string[], expiresInMs?: number): string;
}

const problem = (status: number, title: string, detail: string, type = 'about:blank'): RestReply => ({
  status,
  body: { title, detail, type, status },
});
const UNAUTHORIZED = problem(401, 'Unauthorized', 'Unauthorized');
const FORBIDDEN = problem(403, 'Forbidden', 'Forbidden');
const invalidRequest = (message: string, parameters: Record<string, string[]> = {}): RestReply => ({
  status: 400,
  body: {
    errors: [{ parameters, message }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.twitter.com/2/problems/invalid-request',
  },
});
const notFound = (id: string, parameter = 'id') => ({
  value: id,
  detail: `Could not find tweet with ${parameter}: [${id}].`,
  title: 'Not Found Error',
  resource_type: 'tweet',
  parameter,
  resource_id: id,
  type: 'https://api.twitter.com/2/problems/resource-not-found',
});

const RATE_WINDOW_MS = 15 * 60 * 1000;
const TWEET_KEYS = new Set([
  'text',
  'media',
  'reply',
  'quote_tweet_id',
  'poll',
  'reply_settings',
  'direct_message_deep_link',
  'for_super_followers_only',
  'geo',
  'community_id',
  'nullcast',
  'card_uri',
  'made_with_ai',
  'paid_partnership',
  'share_with_followers',
]);
const MEDIA_CATEGORIES = [
  'tweet_image',
  'tweet_gif',
  'tweet_video',
  'amplify_video',
  'dm_image',
  'dm_gif',
  'dm_video',
  'subtitles',
];
const TWEET_FIELDS = new Set([
  'attachments',
  'author_id',
  'context_annotations',
  'conversation_id',
  'created_at',
  'edit_controls',
  'edit_history_tweet_ids',
  'entities',
  'id',
  'in_reply_to_user_id',
  'lang',
  'note_tweet',
  'public_metrics',
  'possibly_sensitive',
  'referenced_tweets',
  'reply_settings',
  'source',
  'text',
  'withheld',
  'non_public_metrics',
  'organic_metrics',
]);

/** X shows links as t.co and escapes &, <, > in `text`; an attached photo adds its own t.co link. */
function displayText(tweet: PeerTweet): string {
  let text = tweet.text;
  for (const { indices } of [...extractUrlsWithIndices(text, true)].reverse()) {
    text = `${text.slice(0, indices[0])}https://t.co/${tweet.id.slice(-10)}${text.slice(indices[1])}`;
  }
  text = text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return tweet.mediaIds.length > 0 ? `${text} https://t.co/m${tweet.id.slice(-9)}` : text;
}

export async function startXPeer(options: XPeerOptions = {}): Promise<XPeer> {
  const rateLimit = options.rateLimit ?? 300;
  const videoPolls = options.videoProcessingPolls ?? 2;
  const user = { id: '1500000000000000001', username: 'creator', name: 'Peer Creator', followers: 4321 };
  const tokens = new Map<string, PeerToken>();
  const refreshTokens = new Map<string, string[]>();
  const codes = new Map<string, { redirectUri: string; scopes: string[]; challenge: string; method: string }>();
  const tweets = new Map<string, PeerTweet>();
  const media = new Map<string, PeerMedia>();
  const usage = new Map<string, { windowStart: number; used: number }>();
  let nextId = 1_860_000_000_000_000_000n;
  const newId = (): string => String((nextId += 1n));

  const issue = (scopes: string[], expiresInMs = 2 * 60 * 60 * 1000): string => {
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, { scopes, expiresAt: Date.now() + expiresInMs, valid: true });
    return token;
  };

  const tokenReply = (scopes: string[]): RestReply => {
    const refresh = scopes.includes('offline.access') ? randomBytes(24).toString('base64url') : undefined;
    if (refresh) refreshTokens.set(refresh, scopes);
    return {
      status: 200,
      body: {
        token_type: 'bearer',
        expires_in: 7200,
        access_token: issue(scopes),
        scope: scopes.join(' '),
        ...(refresh ? { refresh_token: refresh } : {}),
      },
    };
  };

  const oauthError = (error: string, description: string): RestReply => ({
    status: 400,
    body: { error, error_description: description },
  });

  const oauth = (req: RestRequest): RestReply | undefined => {
    if (req.method === 'GET' && req.path === '/i/oauth2/authorize') {
      const q = req.query;
      const redirectUri = q.get('redirect_uri') ?? '';
      if (q.get('client_id') !== X_PEER_CLIENT_ID || !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(redirectUri)) {
        return oauthError('invalid_request', 'Value passed for the client_id or redirect_uri was invalid.');
      }
      const scopes = (q.get('scope') ?? '').split(/\s+/).filter(Boolean);
      const challenge = q.get('code_challenge');
      const method = q.get('code_challenge_method') ?? 'plain';
      if (q.get('response_type') !== 'code' || !q.get('state') || !challenge || !['S256', 'plain'].includes(method)) {
        return oauthError('invalid_request', 'Missing required parameter [response_type, state or code_challenge].');
      }
      if (scopes.length === 0 || !scopes.every((s) => X_ALL_SCOPES.includes(s))) {
        return oauthError('invalid_scope', 'Value passed for the scope was invalid.');
      }
      const code = randomBytes(24).toString('base64url');
      codes.set(code, { redirectUri, scopes, challenge, method });
      const target = new URL(redirectUri);
      target.searchParams.set('state', q.get('state') ?? '');
      target.searchParams.set('code', code);
      // The user approves at once: the peer stands in for X's consent screen.
      return { status: 302, headers: { location: target.toString() } };
    }
    if (req.method === 'POST' && req.path === '/2/oauth2/token') {
      if (req.body.kind !== 'form') return oauthError('invalid_request', 'Missing required parameter [grant_type].');
      const get = (name: string) => formField(req.body, name);
      if (get('client_id') !== X_PEER_CLIENT_ID)
        return {
          status: 401,
          body: { error: 'unauthorized_client', error_description: 'Missing valid authorization header' },
        };
      if (get('grant_type') === 'authorization_code') {
        const entry = codes.get(get('code') ?? '');
        const verifier = get('code_verifier') ?? '';
        if (!entry || entry.redirectUri !== get('redirect_uri')) {
          return oauthError('invalid_request', 'Value passed for the authorization code was invalid.');
        }
        const ok = entry.method === 'S256' ? pkceS256Matches(verifier, entry.challenge) : verifier === entry.challenge;
        if (!ok) return oauthError('invalid_request', 'Value passed for the code_verifier was invalid.');
        codes.delete(get('code') ?? '');
        return tokenReply(entry.scopes);
      }
      if (get('grant_type') === 'refresh_token') {
        const scopes = refreshTokens.get(get('refresh_token') ?? '');
        if (!scopes) return oauthError('invalid_request', 'Value passed for the token was invalid.');
        refreshTokens.delete(get('refresh_token') ?? '');
        return tokenReply(scopes);
      }
      return oauthError('unsupported_grant_type', 'Value passed for the grant_type was invalid.');
    }
    if (req.method === 'POST' && req.path === '/2/oauth2/revoke') {
      const token = formField(req.body, 'token') ?? '';
      const entry = tokens.get(token);
      if (entry) entry.valid = false;
      refreshTokens.delete(token);
      return { status: 200, body: { revoked: true } };
    }
    return undefined;
  };

  const rateHeaders = (token: string, endpoint: string) => {
    const now = Date.now();
    const windowStart = now - (now % RATE_WINDOW_MS);
    const key = `${token}:${endpoint}`;
    const entry = usage.get(key);
    const current = entry && entry.windowStart === windowStart ? entry : { windowStart, used: 0 };
    current.used += 1;
    usage.set(key, current);
    return {
      headers: {
        'x-rate-limit-limit': String(rateLimit),
        'x-rate-limit-remaining': String(Math.max(0, rateLimit - current.used)),
        'x-rate-limit-reset': String(Math.floor((windowStart + RATE_WINDOW_MS) / 1000)),
      },
      exceeded: current.used > rateLimit,
    };
  };

  const tweetJson = (tweet: PeerTweet, fields: Set<string>) => ({
    id: tweet.id,
    text: displayText(tweet),
    edit_history_tweet_ids: [tweet.id],
    ...(fields.has('created_at') ? { created_at: tweet.createdAt } : {}),
    ...(fields.has('author_id') ? { author_id: user.id } : {}),
    ...(fields.has('public_metrics') ? { public_metrics: tweet.metrics } : {}),
    ...(fields.has('referenced_tweets') && tweet.inReplyToId
      ? { referenced_tweets: [{ type: 'replied_to', id: tweet.inReplyToId }] }
      : {}),
    ...(fields.has('attachments') && tweet.mediaIds.length > 0
      ? { attachments: { media_keys: tweet.mediaIds.map((id) => `3_${id}`) } }
      : {}),
  });

  const readFields = (req: RestRequest): Set<string> | RestReply => {
    const fields = (req.query.get('tweet.fields') ?? '').split(',').filter(Boolean);
    const bad = fields.find((f) => !TWEET_FIELDS.has(f));
    return bad === undefined
      ? new Set(fields)
      : invalidRequest(
          `The \`tweet.fields\` query parameter value [${bad}] is not one of [${[...TWEET_FIELDS].join(',')}]`,
          { 'tweet.fields': [bad] },
        );
  };

  const createTweet = (req: RestRequest): RestReply => {
    if (
      req.body.kind !== 'json' ||
      typeof req.body.value !== 'object' ||
      req.body.value === null ||
      Array.isArray(req.body.value)
    ) {
      return invalidRequest('Request body must be a JSON object');
    }
    const body = req.body.value as Record<string, unknown>;
    const unknown = Object.keys(body).find((k) => !TWEET_KEYS.has(k));
    if (unknown)
      return invalidRequest(
        `$.${unknown}: is not defined in the schema and the schema does not allow additional properties`,
      );
    if (body.text !== undefined && typeof body.text !== 'string')
      return invalidRequest('$.text: string found, expected a string');
    const text = typeof body.text === 'string' ? body.text : '';
    let mediaIds: string[] = [];
    if (body.media !== undefined) {
      const m = body.media as Record<string, unknown> | null;
      const extra =
        m && typeof m === 'object' ? Object.keys(m).find((k) => k !== 'media_ids' && k !== 'tagged_user_ids') : 'media';
      if (extra)
        return invalidRequest(
          `$.media.${extra}: is not defined in the schema and the schema does not allow additional properties`,
        );
      const ids = m?.media_ids;
      if (
        !Array.isArray(ids) ||
        ids.length < 1 ||
        ids.length > 4 ||
        !ids.every((id) => typeof id === 'string' && /^\d{1,19}$/.test(id))
      ) {
        return invalidRequest('$.media.media_ids: must be an array of 1 to 4 numeric strings');
      }
      mediaIds = ids as string[];
      const unusable = mediaIds.find((id) => {
        const item = media.get(id);
        return !item || !item.finalized || item.pollsLeft > 0;
      });
      if (unusable) return invalidRequest('Your media IDs are invalid.', { media_ids: [unusable] });
    }
    let inReplyToId: string | null = null;
    if (body.reply !== undefined) {
      const r = body.reply as Record<string, unknown> | null;
      const extra =
        r && typeof r === 'object'
          ? Object.keys(r).find((k) => k !== 'in_reply_to_tweet_id' && k !== 'exclude_reply_user_ids')
          : 'reply';
      if (extra)
        return invalidRequest(
          `$.reply.${extra}: is not defined in the schema and the schema does not allow additional properties`,
        );
      if (typeof r?.in_reply_to_tweet_id !== 'string')
        return invalidRequest('$.reply.in_reply_to_tweet_id: is missing but it is required');
      const parent = tweets.get(r.in_reply_to_tweet_id);
      if (!parent || parent.deleted)
        return problem(403, 'Forbidden', 'You attempted to reply to a Tweet that is deleted or not visible to you.');
      inReplyToId = parent.id;
    }
    if (text.trim() === '' && mediaIds.length === 0) return invalidRequest('$.text: Tweet text or media is required');
    if (!parseXPost(text).valid && text.trim() !== '') {
      return problem(
        400,
        'Invalid Request',
        'Your Tweet text is too long. For more information on how X counts characters, see https://docs.x.com/resources/fundamentals/counting-characters.',
      );
    }
    const duplicate = [...tweets.values()].some(
      (t) => !t.deleted && t.text === text && text !== '' && Date.now() - Date.parse(t.createdAt) < 24 * 3600_000,
    );
    if (duplicate) return problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
    const tweet: PeerTweet = {
      id: newId(),
      text,
      createdAt: new Date().toISOString(),
      inReplyToId,
      mediaIds,
      metrics: {
        retweet_count: 0,
        reply_count: 0,
        like_count: 0,
        quote_count: 0,
        bookmark_count: 0,
        impression_count: 0,
      },
      deleted: false,
    };
    tweets.set(tweet.id, tweet);
    if (inReplyToId) {
      const parent = tweets.get(inReplyToId);
      if (parent) parent.metrics.reply_count += 1;
    }
    return {
      status: 201,
      body: { data: { id: tweet.id, text: displayText(tweet), edit_history_tweet_ids: [tweet.id] } },
    };
  };

  const mediaRoutes = (req: RestRequest, route: string): RestReply | undefined => {
    let match: RegExpExecArray | null;
    if (route === 'POST /2/media/upload/initialize') {
      const body = req.body.kind === 'json' ? (req.body.value as Record<string, unknown>) : null;
      if (!body) return invalidRequest('Request body must be a JSON object');
      const allowed = new Set(['media_type', 'total_bytes', 'media_category', 'shared', 'additional_owners']);
      const unknown = Object.keys(body).find((k) => !allowed.has(k));
      if (unknown)
        return invalidRequest(
          `$.${unknown}: is not defined in the schema and the schema does not allow additional properties`,
        );
      if (typeof body.media_type !== 'string' || typeof body.total_bytes !== 'number' || body.total_bytes <= 0) {
        return invalidRequest('$.media_type and $.total_bytes are required');
      }
      if (body.media_category !== undefined && !MEDIA_CATEGORIES.includes(String(body.media_category))) {
        return invalidRequest(
          `$.media_category: does not have a value in the enumeration [${MEDIA_CATEGORIES.join(', ')}]`,
        );
      }
      const isVideo = body.media_type.startsWith('video/');
      const item: PeerMedia = {
        id: newId(),
        mediaType: body.media_type,
        category: String(body.media_category ?? (isVideo ? 'tweet_video' : 'tweet_image')),
        totalBytes: body.total_bytes,
        received: new Map(),
        finalized: false,
        pollsLeft: isVideo ? videoPolls : 0,
        altText: null,
      };
      media.set(item.id, item);
      return { status: 200, body: { data: { id: item.id, media_key: `3_${item.id}`, expires_after_secs: 86_400 } } };
    }
    if ((match = /^POST \/2\/media\/upload\/(\d+)\/append$/.exec(route))) {
      const item = media.get(match[1] ?? '');
      if (!item) return invalidRequest('Invalid media id', { id: [match[1] ?? ''] });
      if (item.finalized) return invalidRequest('Media upload already finalized');
      if (req.body.kind !== 'multipart') return invalidRequest('Request must be multipart/form-data');
      const segment = Number(req.body.form.get('segment_index'));
      const chunk = req.body.form.get('media');
      if (!Number.isInteger(segment) || segment < 0 || segment > 999)
        return invalidRequest('$.segment_index: must be an integer from 0 to 999');
      if (chunk === null || typeof chunk === 'string') return invalidRequest('$.media: is missing but it is required');
      item.received.set(segment, chunk.size);
      return { status: 200, body: { data: { expires_at: Math.floor(Date.now() / 1000) + 86_400 } } };
    }
    if ((match = /^POST \/2\/media\/upload\/(\d+)\/finalize$/.exec(route))) {
      const item = media.get(match[1] ?? '');
      if (!item) return invalidRequest('Invalid media id', { id: [match[1] ?? ''] });
      const size = [...item.received.values()].reduce((a, b) => a + b, 0);
      if (size !== item.totalBytes)
        return invalidRequest(`File size mismatch: expected ${item.totalBytes} bytes, received ${size}`);
      item.finalized = true;
      return {
        status: 200,
        body: {
          data: {
            id: item.id,
            media_key: `3_${item.id}`,
            size,
            expires_after_secs: 86_400,
            ...(item.pollsLeft > 0 ? { processing_info: { state: 'pending', check_after_secs: 1 } } : {}),
          },
        },
      };
    }
    if (route === 'GET /2/media/upload') {
      if (req.query.get('command') !== 'STATUS') return invalidRequest('$.command: must be STATUS');
      const item = media.get(req.query.get('media_id') ?? '');
      if (!item || !item.finalized)
        return invalidRequest('Invalid media id', { media_id: [req.query.get('media_id') ?? ''] });
      if (item.pollsLeft > 0) item.pollsLeft -= 1;
      const done = item.pollsLeft === 0;
      return {
        status: 200,
        body: {
          data: {
            id: item.id,
            media_key: `3_${item.id}`,
            processing_info: done
              ? { state: 'succeeded', progress_percent: 100 }
              : { state: 'in_progress', check_after_secs: 1, progress_percent: 50 },
          },
        },
      };
    }
    if (route === 'POST /2/media/metadata') {
      const body =
        req.body.kind === 'json'
          ? (req.body.value as { id?: unknown; metadata?: { alt_text?: { text?: unknown } } })
          : null;
      const item = typeof body?.id === 'string' ? media.get(body.id) : undefined;
      const text = body?.metadata?.alt_text?.text;
      if (!item) return invalidRequest('$.id: is missing but it is required');
      if (typeof text !== 'string' || text.length > 1000)
        return invalidRequest('$.metadata.alt_text.text: must be a string of at most 1000 characters');
      item.altText = text;
      return { status: 200, body: { data: { id: item.id, associated_metadata: { alt_text: { text } } } } };
    }
    return undefined;
  };

  const SCOPES: [RegExp, string[]][] = [
    [/^POST \/2\/tweets$/, ['tweet.read', 'tweet.write', 'users.read']],
    [/^DELETE \/2\/tweets\/\d+$/, ['tweet.read', 'tweet.write', 'users.read']],
    [/^GET \/2\/tweets/, ['tweet.read', 'users.read']],
    [/^GET \/2\/users/, ['tweet.read', 'users.read']],
    [/^(GET|POST) \/2\/media/, ['media.write']],
  ];

  const api = (req: RestRequest): RestReply => {
    const token = bearer(req.headers);
    const entry = token === undefined ? undefined : tokens.get(token);
    if (token === undefined || !entry || !entry.valid || entry.expiresAt <= Date.now()) return UNAUTHORIZED;
    const route = `${req.method} ${req.path}`;
    const endpoint = route.replace(/\d{6,}/g, ':id');
    const limits = rateHeaders(token, endpoint);
    const reply = (r: RestReply): RestReply => ({ ...r, headers: { ...limits.headers, ...r.headers } });
    if (limits.exceeded) return reply(problem(429, 'Too Many Requests', 'Too Many Requests'));
    const needed = SCOPES.find(([pattern]) => pattern.test(route))?.[1];
    if (needed && !needed.every((s) => entry.scopes.includes(s))) return reply(FORBIDDEN);

    const fromMedia = mediaRoutes(req, route);
    if (fromMedia) return reply(fromMedia);
    if (route === 'POST /2/tweets') return reply(createTweet(req));
    let match: RegExpExecArray | null;
    if ((match = /^DELETE \/2\/tweets\/(\d+)$/.exec(route))) {
      const tweet = tweets.get(match[1] ?? '');
      if (!tweet || tweet.deleted)
        return reply(
          problem(
            404,
            'Not Found Error',
            `Could not find tweet with id: [${match[1]}].`,
            'https://api.twitter.com/2/problems/resource-not-found',
          ),
        );
      tweet.deleted = true;
      return reply({ status: 200, body: { data: { deleted: true } } });
    }
    if (route === 'GET /2/tweets') {
      const fields = readFields(req);
      if (!(fields instanceof Set)) return reply(fields);
      const ids = (req.query.get('ids') ?? '').split(',').filter(Boolean);
      if (ids.length < 1 || ids.length > 100)
        return reply(
          invalidRequest('The `ids` query parameter value must contain 1 to 100 ids', {
            ids: [req.query.get('ids') ?? ''],
          }),
        );
      const found = ids.flatMap((id) => {
        const t = tweets.get(id);
        return t && !t.deleted ? [tweetJson(t, fields)] : [];
      });
      const missing = ids.filter((id) => !tweets.get(id) || tweets.get(id)?.deleted).map((id) => notFound(id, 'ids'));
      return reply({
        status: 200,
        body: { ...(found.length ? { data: found } : {}), ...(missing.length ? { errors: missing } : {}) },
      });
    }
    if (route === 'GET /2/users/me') {
      const wantsMetrics = (req.query.get('user.fields') ?? '').split(',').includes('public_metrics');
      return reply({
        status: 200,
        body: {
          data: {
            id: user.id,
            name: user.name,
            username: user.username,
            ...(wantsMetrics
              ? {
                  public_metrics: {
                    followers_count: user.followers,
                    following_count: 12,
                    tweet_count: tweets.size,
                    listed_count: 0,
                    like_count: 0,
                  },
                }
              : {}),
          },
        },
      });
    }
    if ((match = /^GET \/2\/users\/(\d+)\/tweets$/.exec(route))) {
      if (match[1] !== user.id)
        return reply(
          problem(
            404,
            'Not Found Error',
            `Could not find user with id: [${match[1]}].`,
            'https://api.twitter.com/2/problems/resource-not-found',
          ),
        );
      const fields = readFields(req);
      if (!(fields instanceof Set)) return reply(fields);
      const max = Number(req.query.get('max_results') ?? 10);
      if (!Number.isInteger(max) || max < 5 || max > 100) {
        return reply(
          invalidRequest(
            `The \`max_results\` query parameter value [${req.query.get('max_results')}] is not between 5 and 100`,
            { max_results: [String(max)] },
          ),
        );
      }
      const start = req.query.get('start_time');
      const startMs = start === null ? 0 : Date.parse(start);
      const offset = Number(req.query.get('pagination_token') ?? 0);
      const all = [...tweets.values()].filter((t) => !t.deleted && Date.parse(t.createdAt) >= startMs).reverse();
      const page = all.slice(offset, offset + max);
      const next = offset + max < all.length ? String(offset + max) : undefined;
      return reply({
        status: 200,
        body: {
          ...(page.length ? { data: page.map((t) => tweetJson(t, fields)) } : {}),
          meta: {
            result_count: page.length,
            ...(page.length ? { newest_id: page[0]?.id, oldest_id: page.at(-1)?.id } : {}),
            ...(next ? { next_token: next } : {}),
          },
        },
      });
    }
    return reply(
      problem(
        404,
        'Not Found Error',
        `Unknown route ${route}`,
        'https://api.twitter.com/2/problems/resource-not-found',
      ),
    );
  };

  const peer = await startRestPeer((req) => oauth(req) ?? api(req));
  return {
    ...peer,
    user,
    tweets: () => [...tweets.values()].filter((t) => !t.deleted),
    tweet: (id) => tweets.get(id),
    media: (id) => media.get(id),
    issueToken: (scopes = X_ALL_SCOPES, expiresInMs) => issue(scopes, expiresInMs),
  };
}

/** Failures with X's own status, problem body and headers. */
export const xFaults = {
  rateLimited: (resetAt: Date, path?: RegExp): RestFault => ({
    kind: 'error',
    status: 429,
    body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
    headers: {
      'x-rate-limit-limit': '100',
      'x-rate-limit-remaining': '0',
      'x-rate-limit-reset': String(Math.floor(resetAt.getTime() / 1000)),
    },
    ...(path ? { path } : {}),
  }),
  serverError: (status = 503, path?: RegExp): RestFault => ({
    kind: 'error',
    status,
    body: { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank', status },
    ...(path ? { path } : {}),
  }),
};
