import { randomBytes } from 'node:crypto';
import { bearer, formField, type RestFault, type RestReply, type RestRequest } from '../shared/rest-peer';

/**
 * What Meta's Graph hosts (graph.instagram.com, graph.threads.net) share, for their peers: the
 * versioned paths, access tokens (bearer header or `access_token` parameter), parameters in the query
 * or the body, the error body `{error: {message, type, code, error_subcode, fbtrace_id}}` and the
 * usage headers `x-app-usage` / `x-business-use-case-usage`.
 */

export interface GraphToken {
  userId: string;
  scopes: string[];
  expiresAt: number;
  valid: boolean;
}

export interface GraphErrorFields {
  message: string;
  code: number;
  type?: string;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  is_transient?: boolean;
}

export function graphErrorReply(status: number, fields: GraphErrorFields, headers?: Record<string, string>): RestReply {
  return {
    status,
    body: {
      error: { type: 'OAuthException', ...fields, fbtrace_id: randomBytes(8).toString('base64url') },
    },
    ...(headers ? { headers } : {}),
  };
}

/** `(#100)` invalid parameter, the Graph answer to a bad request body. */
export const invalidParameter = (message: string, subcode?: number): RestReply =>
  graphErrorReply(400, { message: `(#100) ${message}`, code: 100, ...(subcode ? { error_subcode: subcode } : {}) });

export const objectNotFound = (id: string): RestReply =>
  graphErrorReply(400, {
    message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    type: 'GraphMethodException',
    code: 100,
    error_subcode: 33,
  });

export const missingPermission = (): RestReply =>
  graphErrorReply(400, { message: '(#10) Application does not have permission for this action', code: 10 });

export interface GraphCore {
  issue(userId: string, scopes: string[], expiresInMs?: number): string;
  revoke(token: string): void;
  /** The token's entry, or the Graph error for a missing, unknown, expired or revoked one. */
  authenticate(req: RestRequest): { token: string; entry: GraphToken } | RestReply;
  /** The path without its `/vNN.N` version, or null when the version is missing or malformed. */
  unversioned(path: string): string | null;
  /** Query and body parameters as strings, unknown ones refused (`allowed` excludes access_token). */
  params(req: RestRequest, allowed: readonly string[]): Map<string, string> | RestReply;
  /** Counts a call for the token; the usage headers, and the throttling error once over the limit. */
  meter(
    token: string,
    userId: string,
    useCase: string,
  ): { headers: Record<string, string>; exceeded: RestReply | null };
  newId(): string;
}

const WINDOW_MS = 60 * 60 * 1000;

export function createGraphCore(options: { callLimit: number; idBase: bigint }): GraphCore {
  const tokens = new Map<string, GraphToken>();
  const usage = new Map<string, { start: number; used: number }>();
  let next = options.idBase;
  return {
    issue(userId, scopes, expiresInMs = 60 * 24 * 60 * 60 * 1000) {
      const token = `IG${randomBytes(24).toString('base64url')}`;
      tokens.set(token, { userId, scopes, expiresAt: Date.now() + expiresInMs, valid: true });
      return token;
    },
    revoke(token) {
      const entry = tokens.get(token);
      if (entry) entry.valid = false;
    },
    authenticate(req) {
      const token = bearer(req.headers) ?? req.query.get('access_token') ?? formField(req.body, 'access_token');
      if (!token) {
        return graphErrorReply(400, {
          message: 'An active access token must be used to query information about the current user.',
          code: 2500,
        });
      }
      const entry = tokens.get(token);
      const header = { 'www-authenticate': 'OAuth "Facebook Platform" "invalid_token"' };
      if (!entry) {
        return graphErrorReply(
          400,
          { message: 'Invalid OAuth access token - Cannot parse access token', code: 190 },
          header,
        );
      }
      if (!entry.valid) {
        return graphErrorReply(
          400,
          {
            message: 'Error validating access token: The user has not authorized application.',
            code: 190,
            error_subcode: 458,
          },
          header,
        );
      }
      if (entry.expiresAt <= Date.now()) {
        const when = new Date(entry.expiresAt).toUTCString();
        return graphErrorReply(
          400,
          {
            message: `Error validating access token: Session has expired on ${when}. The current time is ${new Date().toUTCString()}.`,
            code: 190,
            error_subcode: 463,
          },
          header,
        );
      }
      return { token, entry };
    },
    unversioned(path) {
      const match = /^\/v\d+\.\d+(\/.*)$/.exec(path);
      return match?.[1] ?? null;
    },
    params(req, allowed) {
      const out = new Map<string, string>();
      const put = (key: string, value: unknown): RestReply | null => {
        if (key === 'access_token') return null;
        if (!allowed.includes(key)) return invalidParameter(`Param ${key} is not a valid parameter`);
        if (typeof value === 'string') out.set(key, value);
        else if (typeof value === 'number' || typeof value === 'boolean') out.set(key, String(value));
        else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
          out.set(key, value.join(','));
        else return invalidParameter(`Param ${key} must be a string`);
        return null;
      };
      for (const [key, value] of req.query) {
        const refused = put(key, value);
        if (refused) return refused;
      }
      const body = req.body;
      if (body.kind === 'invalid') return invalidParameter(`Could not read the request body: ${body.reason}`);
      if (body.kind === 'form') {
        for (const [key, values] of body.fields) {
          const refused = put(key, values.length > 1 ? values : values[0]);
          if (refused) return refused;
        }
      }
      if (body.kind === 'multipart') {
        for (const [key, value] of body.form) {
          if (typeof value !== 'string') return invalidParameter(`Param ${key} must be a string`);
          const refused = put(key, value);
          if (refused) return refused;
        }
      }
      if (body.kind === 'json') {
        if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value))
          return invalidParameter('The request body must be a JSON object');
        for (const [key, value] of Object.entries(body.value)) {
          const refused = put(key, value);
          if (refused) return refused;
        }
      }
      return out;
    },
    meter(token, userId, useCase) {
      const now = Date.now();
      let entry = usage.get(token);
      if (!entry || now - entry.start >= WINDOW_MS) usage.set(token, (entry = { start: now, used: 0 }));
      entry.used += 1;
      const percent = Math.min(100, Math.round((entry.used / options.callLimit) * 100));
      const regain = entry.used > options.callLimit ? Math.ceil((entry.start + WINDOW_MS - now) / 60_000) : 0;
      const headers = {
        'x-app-usage': JSON.stringify({ call_count: percent, total_cputime: 1, total_time: 1 }),
        'x-business-use-case-usage': JSON.stringify({
          [userId]: [
            {
              type: useCase,
              call_count: percent,
              total_cputime: 1,
              total_time: 1,
              estimated_time_to_regain_access: regain,
            },
          ],
        }),
      };
      const exceeded =
        entry.used > options.callLimit
          ? graphErrorReply(
              400,
              { message: '(#4) Application request limit reached', code: 4, is_transient: true },
              headers,
            )
          : null;
      return { headers, exceeded };
    },
    newId() {
      next += 1n;
      return String(next);
    },
  };
}

/** Failures with Meta's own status, error body and usage headers. */
export const graphFaults = {
  /** Throttled (code 4 app, 17 user, 32 page, 613 custom) with `estimated_time_to_regain_access` minutes. */
  rateLimited: (userId: string, regainMinutes: number, code = 4, path?: RegExp): RestFault => ({
    kind: 'error',
    status: 400,
    body: {
      error: {
        message: `(#${code}) Application request limit reached`,
        type: 'OAuthException',
        code,
        is_transient: true,
        fbtrace_id: 'Afault',
      },
    },
    headers: {
      'x-app-usage': JSON.stringify({ call_count: 100, total_cputime: 10, total_time: 10 }),
      'x-business-use-case-usage': JSON.stringify({
        [userId]: [
          {
            type: 'instagram',
            call_count: 100,
            total_cputime: 10,
            total_time: 10,
            estimated_time_to_regain_access: regainMinutes,
          },
        ],
      }),
    },
    ...(path ? { path } : {}),
  }),
  serverError: (status = 500, path?: RegExp): RestFault => ({
    kind: 'error',
    status,
    body: {
      error: {
        message: 'An unexpected error has occurred. Please retry your request later.',
        type: 'OAuthException',
        code: 2,
        is_transient: true,
        fbtrace_id: 'Afault',
      },
    },
    ...(path ? { path } : {}),
  }),
};

/** Fetches a media URL the way Meta's servers do (a public GET); the content type, or null when it failed. */
export async function fetchMedia(url: string): Promise<string | null> {
  if (!/^https?:\/\//.test(url)) return null;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.ok ? (response.headers.get('content-type') ?? 'application/octet-stream') : null;
  } catch {
    return null;
  }
}
