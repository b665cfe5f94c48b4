import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { ConnectorError, type ConnectorContext, type MediaItem } from '../connector';
import type { GraphCall } from './facebook.http';

/**
 * Meta's Resumable Upload API (developers.facebook.com/docs/graph-api/guides/upload): a session on
 * the app (`POST /{app-id}/uploads`), the bytes to `POST /upload:{session}` with `file_offset` and
 * `Authorization: OAuth <user token>`, and `GET /upload:{session}` for the offset the server holds
 * after an interruption. The answer that completes the file carries the handle `h`.
 */

export interface UploadOptions {
  /** Bytes per POST; Meta sets no chunk size, so it only bounds memory and the cost of a lost chunk. */
  chunkBytes: number;
  /** Failed chunks in a row (without the server's offset moving) before the upload gives up. */
  maxStalls: number;
}

type Call = <T>(context: ConnectorContext, request: GraphCall) => Promise<T>;

const sessionSchema = z.object({ id: z.string().startsWith('upload:') });
const offsetSchema = z.object({ id: z.string().optional(), file_offset: z.coerce.number().int().nonnegative() });
/** The answer to a chunk: the handle once the file is complete; Meta documents nothing else in it. */
const chunkSchema = z.object({ h: z.string().min(1).optional(), file_offset: z.coerce.number().int().optional() });
const appSchema = z.object({ id: z.string().min(1) });

function parsed<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new ConnectorError('server', `Facebook answered ${what} with an unexpected body.`);
  return result.data;
}

/** Kinds after which the server's own offset is worth asking for, rather than failing the publish. */
const RESUMABLE = new Set(['network', 'timeout', 'server', 'invalid']);

/**
 * Uploads a file and returns its handle. After a failed chunk it asks the server how many bytes it
 * holds and continues from there, so bytes that arrived are never sent twice.
 */
export async function uploadVideoFile(
  call: Call,
  context: ConnectorContext,
  item: MediaItem,
  options: UploadOptions,
): Promise<string> {
  const userToken = context.token.accessToken;
  const appId =
    context.token.extra?.appId ??
    parsed(appSchema, await call(context, { method: 'GET', path: '/app', accessToken: userToken }), 'GET /app').id;
  const file = await open(item.path, 'r');
  try {
    const size = (await file.stat()).size;
    if (size !== item.bytes)
      throw new ConnectorError('invalid', `${basename(item.path)} changed on disk since it was added to the post.`);
    const start = async (): Promise<string> =>
      parsed(
        sessionSchema,
        await call(context, {
          method: 'POST',
          path: `/${appId}/uploads`,
          query: { file_name: basename(item.path), file_length: String(size), file_type: item.mime },
          accessToken: userToken,
        }),
        'the upload session request',
      ).id;
    const offsetOf = async (session: string): Promise<number> =>
      parsed(
        offsetSchema,
        await call(context, { method: 'GET', path: `/${session}`, accessToken: userToken, authScheme: 'OAuth' }),
        'the upload offset request',
      ).file_offset;

    let session = await start();
    let offset = 0;
    let stalls = 0;
    let restarted = false;
    // A server whose offset keeps moving backwards could otherwise keep this loop going forever.
    let budget = (Math.ceil(size / options.chunkBytes) + 1) * (options.maxStalls + 2);
    for (;;) {
      if ((budget -= 1) < 0)
        throw new ConnectorError('server', 'Facebook kept losing the uploaded bytes; the upload was stopped.');
      const length = Math.min(options.chunkBytes, size - offset);
      const bytes = new Uint8Array(length);
      await file.read(bytes, 0, length, offset);
      try {
        const answer = parsed(
          chunkSchema,
          await call(context, {
            method: 'POST',
            path: `/${session}`,
            bytes,
            headers: { file_offset: String(offset) },
            accessToken: userToken,
            authScheme: 'OAuth',
          }),
          'an upload chunk',
        );
        if (answer.h) return answer.h;
        offset = answer.file_offset ?? offset + length;
        stalls = 0;
        if (offset >= size) throw new ConnectorError('server', 'Facebook took the whole file but sent no file handle.');
        continue;
      } catch (error) {
        if (!(error instanceof ConnectorError) || !RESUMABLE.has(error.kind)) throw error;
        const held = await offsetOf(session);
        // A refusal while the offsets agree is not about the offset: the chunk itself is wrong.
        if (error.kind === 'invalid' && held === offset) throw error;
        if (held !== offset) stalls = 0;
        else if ((stalls += 1) > options.maxStalls) throw error;
        if (held >= size) {
          // The file arrived but the answer with its handle was lost; Meta documents no way to ask
          // for the handle again, so the upload starts over once in a new session.
          if (restarted) throw error;
          restarted = true;
          session = await start();
          offset = 0;
          continue;
        }
        offset = held;
      }
    }
  } finally {
    await file.close();
  }
}
