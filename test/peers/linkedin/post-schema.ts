import type { RestReply } from '../shared/rest-peer';

/**
 * The Posts API's request checks and LinkedIn's error bodies, shared by the peer's routes.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api
 * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling
 */
export const err = (status: number, code: string, message: string, serviceErrorCode = 100): RestReply => ({
  status,
  body: { status, serviceErrorCode, code, message },
});
/** Rest.li validation failures come back as 422 with only `message` and `status`. */
export const schemaError = (lines: string[]): RestReply => ({
  status: 422,
  body: { message: lines.map((l) => `ERROR :: ${l}\n`).join(''), status: 422 },
});

const POST_KEYS = new Set([
  'author',
  'commentary',
  'visibility',
  'distribution',
  'lifecycleState',
  'isReshareDisabledByAuthor',
  'content',
  'contentLandingPage',
  'contentCallToActionLabel',
  'adContext',
  'reshareContext',
  'container',
]);
const REQUIRED_POST_KEYS = ['author', 'commentary', 'visibility', 'distribution', 'lifecycleState'];
const RESERVED = '\\|{}@[]()<>#*_~';

/** Reads little text the way LinkedIn shows it; an unescaped reserved character ends the text. */
export function littleToShown(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (char === '\\') {
      out += text[i + 1] ?? '';
      i += 1;
      continue;
    }
    const url = /^https?:\/\/[^\s<>()[\]{}|\\]+/.exec(text.slice(i));
    if (url) {
      out += url[0];
      i += url[0].length - 1;
      continue;
    }
    if (char === '#' && /[\p{L}\p{N}]/u.test(text[i + 1] ?? '')) {
      out += char;
      continue;
    }
    if (RESERVED.includes(char)) break;
    out += char;
  }
  return out;
}

/** The post body as LinkedIn checks it: unknown, missing and mistyped fields → 422 lines. */
export function validatePost(body: unknown): RestReply | { value: Record<string, unknown> } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return err(400, 'ILLEGAL_ARGUMENT', 'Request body could not be converted to data map');
  const value = body as Record<string, unknown>;
  const lines: string[] = [];
  for (const key of Object.keys(value))
    if (!POST_KEYS.has(key)) lines.push(`/${key} :: unrecognized field found but not allowed`);
  for (const key of REQUIRED_POST_KEYS)
    if (value[key] === undefined) lines.push(`/${key} :: field is required but not found and has no default value`);
  if (
    value.author !== undefined &&
    (typeof value.author !== 'string' || !/^urn:li:(person|organization):/.test(value.author))
  )
    lines.push('/author :: is not a valid person or organization urn');
  if (value.commentary !== undefined && typeof value.commentary !== 'string')
    lines.push(`/commentary :: ${JSON.stringify(value.commentary)} is not a string`);
  if (
    value.visibility !== undefined &&
    !['PUBLIC', 'CONNECTIONS', 'LOGGED_IN', 'CONTAINER'].includes(String(value.visibility))
  )
    lines.push(`/visibility :: "${String(value.visibility)}" is not an enum symbol`);
  if (value.lifecycleState !== undefined && !['PUBLISHED', 'DRAFT'].includes(String(value.lifecycleState)))
    lines.push(`/lifecycleState :: "${String(value.lifecycleState)}" is not an enum symbol`);
  if (value.isReshareDisabledByAuthor !== undefined && typeof value.isReshareDisabledByAuthor !== 'boolean')
    lines.push('/isReshareDisabledByAuthor :: is not a boolean');
  const d = value.distribution;
  if (d !== undefined) {
    if (typeof d !== 'object' || d === null) lines.push('/distribution :: is not a record');
    else {
      const dist = d as Record<string, unknown>;
      for (const key of Object.keys(dist))
        if (!['feedDistribution', 'targetEntities', 'thirdPartyDistributionChannels'].includes(key))
          lines.push(`/distribution/${key} :: unrecognized field found but not allowed`);
      if (!['MAIN_FEED', 'NONE'].includes(String(dist.feedDistribution)))
        lines.push('/distribution/feedDistribution :: field is required but not found and has no default value');
      if (dist.targetEntities !== undefined && !Array.isArray(dist.targetEntities))
        lines.push('/distribution/targetEntities :: is not an array');
      if (dist.thirdPartyDistributionChannels !== undefined && !Array.isArray(dist.thirdPartyDistributionChannels))
        lines.push('/distribution/thirdPartyDistributionChannels :: is not an array');
    }
  }
  const c = value.content;
  if (c !== undefined) {
    const content = (typeof c === 'object' && c !== null ? c : {}) as Record<string, unknown>;
    const kinds = Object.keys(content);
    if (kinds.length !== 1 || !['media', 'multiImage', 'article'].includes(kinds[0] ?? ''))
      lines.push('/content :: must hold exactly one of media, multiImage, article');
    const media = content.media as Record<string, unknown> | undefined;
    if (
      media &&
      (typeof media.id !== 'string' || Object.keys(media).some((k) => !['id', 'altText', 'title'].includes(k)))
    )
      lines.push('/content/media :: must be { id, altText?, title? }');
    const multi = content.multiImage as { images?: unknown } | undefined;
    if (multi && (!Array.isArray(multi.images) || multi.images.length < 2 || multi.images.length > 20))
      lines.push('/content/multiImage/images :: must hold 2 to 20 images');
  }
  return lines.length > 0 ? schemaError(lines) : { value };
}
