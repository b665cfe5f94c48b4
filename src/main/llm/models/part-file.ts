import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';

/**
 * What we knew about the remote file when the partial download began, kept beside the `.part`.
 * A resume only continues the same URL, and sends the validator as If-Range so that a file
 * changed on the server comes back whole (200) instead of spliced onto stale bytes.
 */
export interface PartInfo {
  url: string;
  /** A strong ETag, or else Last-Modified, for If-Range. */
  validator: string | null;
}

export const partPaths = (target: string) => ({ part: `${target}.part`, info: `${target}.part.json` });

/** The bytes already downloaded for `url`, or 0 after clearing a partial file of another source. */
export async function resumableBytes(target: string, url: string): Promise<{ offset: number; info: PartInfo }> {
  const paths = partPaths(target);
  const size = await stat(paths.part).then(
    (s) => s.size,
    () => 0,
  );
  const saved = await readFile(paths.info, 'utf8').then(
    (text) => JSON.parse(text) as Partial<PartInfo>,
    () => null,
  );
  if (size > 0 && saved?.url === url) return { offset: size, info: { url, validator: saved.validator ?? null } };
  await discardPart(target);
  return { offset: 0, info: { url, validator: null } };
}

export async function savePartInfo(target: string, info: PartInfo): Promise<void> {
  await writeFile(partPaths(target).info, JSON.stringify(info));
}

export async function discardPart(target: string): Promise<void> {
  const paths = partPaths(target);
  await rm(paths.part, { force: true });
  await rm(paths.info, { force: true });
}

/** Hash of the bytes already on disk, so verification needs no second read of the whole file. */
export async function hashExisting(path: string, bytes: number): Promise<Hash> {
  const hash = createHash('sha256');
  if (bytes === 0) return hash;
  for await (const chunk of createReadStream(path, { start: 0, end: bytes - 1 })) hash.update(chunk as Buffer);
  return hash;
}

/** The validator to resume against: weak ETags are not allowed in If-Range. */
export function validatorOf(response: Response): string | null {
  const etag = response.headers.get('etag');
  if (etag && !etag.startsWith('W/')) return etag;
  return response.headers.get('last-modified');
}
