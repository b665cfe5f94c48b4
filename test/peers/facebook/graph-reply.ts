import { randomBytes } from 'node:crypto';
import type { RestBody, RestReply, RestRequest } from '../shared/rest-peer';

/**
 * Graph's answers shared by the Facebook peer's routes: the error body
 * `{error:{message, type, code, error_subcode, fbtrace_id}}` (graph-api/guides/error-handling) and
 * request parameters merged from the query and the body the way Graph reads them.
 */

export const graphError = (
  message: string,
  code: number,
  extra: { type?: string; subcode?: number; status?: number; headers?: Record<string, string> } = {},
): RestReply => ({
  status: extra.status ?? 400,
  body: {
    error: {
      message,
      type: extra.type ?? (code === 190 ? 'OAuthException' : 'GraphMethodException'),
      code,
      ...(extra.subcode === undefined ? {} : { error_subcode: extra.subcode }),
      fbtrace_id: randomBytes(9).toString('base64url'),
    },
  },
  ...(extra.headers ? { headers: extra.headers } : {}),
});
export const invalidParam = (message: string) => graphError(`(#100) ${message}`, 100, { type: 'OAuthException' });
export const unknownObject = (id: string) =>
  graphError(
    `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    100,
    { subcode: 33 },
  );

/** Request parameters from the query, a form, a multipart body or JSON, as Graph merges them. */
export function params(req: RestRequest): Map<string, unknown> | string {
  const out = new Map<string, unknown>();
  for (const [key, value] of req.query) if (key !== 'access_token') out.set(key, value);
  const body: RestBody = req.body;
  if (body.kind === 'invalid') return body.reason;
  if (body.kind === 'json') {
    if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value))
      return 'the body must be a JSON object';
    for (const [key, value] of Object.entries(body.value)) out.set(key, value);
  }
  if (body.kind === 'form') for (const [key, values] of body.fields) out.set(key, values[0]);
  if (body.kind === 'multipart') for (const [key, value] of body.form) out.set(key, value);
  return out;
}

export function truthy(value: unknown, fallback: boolean): boolean | null {
  if (value === undefined) return fallback;
  if (value === true || value === 'true' || value === '1') return true;
  if (value === false || value === 'false' || value === '0') return false;
  return null;
}
