import { open } from 'node:fs/promises';
import { z } from 'zod';
import { ConnectorError, type ConnectorContext, type MediaItem } from '../connector';
import type { LinkedInCall, LinkedInResponse } from './linkedin.http';

/**
 * LinkedIn's Videos API (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api):
 * `initializeUpload` answers with byte ranges and an upload URL for each; every part is PUT and its
 * `ETag` kept; `finalizeUpload` lists the ETags in order; LinkedIn then processes the video
 * (PROCESSING → AVAILABLE or PROCESSING_FAILED) and only an AVAILABLE video may go in a post.
 */

export type LinkedInCaller = <T>(context: ConnectorContext, call: LinkedInCall) => Promise<LinkedInResponse<T>>;

export type LinkedInVideoStatus = 'WAITING_UPLOAD' | 'PROCESSING' | 'AVAILABLE' | 'PROCESSING_FAILED';

const initializeSchema = z.object({
  value: z.object({
    video: z.string().startsWith('urn:li:video:'),
    uploadToken: z.string(),
    uploadInstructions: z
      .array(z.object({ uploadUrl: z.url(), firstByte: z.number().int(), lastByte: z.number().int() }))
      .min(1),
  }),
});
type UploadInstruction = z.infer<typeof initializeSchema>['value']['uploadInstructions'][number];

const videoSchema = z.object({
  id: z.string(),
  status: z.enum(['WAITING_UPLOAD', 'PROCESSING', 'AVAILABLE', 'PROCESSING_FAILED']),
  // Not every version documents a reason; shown to the creator when LinkedIn gives one.
  processingFailureReason: z.string().optional(),
});
export type LinkedInVideo = z.infer<typeof videoSchema>;

/** A part that failed for a reason that may pass (5xx, network, timeout) is sent again, this many times in all. */
const PART_ATTEMPTS = 3;
const PART_RETRY_BASE_MS = 250;

function parsed<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (!result.success)
    throw new ConnectorError(
      'server',
      `LinkedIn answered ${what} in an unexpected shape: ${result.error.issues[0]?.message ?? ''}`,
    );
  return result.data;
}

/**
 * The ranges must cover the file exactly, in order: a gap or overlap would make LinkedIn assemble
 * a different file than the one the creator chose, so it is refused before any byte is sent.
 */
function checkRanges(instructions: UploadInstruction[], size: number): void {
  let expected = 0;
  for (const part of instructions) {
    if (part.firstByte !== expected || part.lastByte < part.firstByte || part.lastByte >= size)
      throw new ConnectorError(
        'server',
        'LinkedIn handed out upload ranges that do not cover the video; try again later.',
      );
    expected = part.lastByte + 1;
  }
  if (expected !== size)
    throw new ConnectorError(
      'server',
      'LinkedIn handed out upload ranges that do not cover the video; try again later.',
    );
}

const wait = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** PUTs one part; only that part is sent again when it fails for a passing reason. Returns its ETag. */
async function putPart(
  call: LinkedInCaller,
  context: ConnectorContext,
  part: UploadInstruction,
  bytes: Uint8Array,
  index: number,
): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await call<null>(context, {
        method: 'PUT',
        path: part.uploadUrl,
        bytes,
        contentType: 'application/octet-stream',
        versioned: false,
        signed: true,
        bucket: 'PUT video part',
      });
      const etag = response.headers.get('etag');
      if (!etag) throw new ConnectorError('server', `LinkedIn took part ${index + 1} of the video but sent no ETag`);
      return etag;
    } catch (error) {
      const passing = error instanceof ConnectorError && ['server', 'network', 'timeout'].includes(error.kind);
      if (!passing || attempt >= PART_ATTEMPTS || context.signal?.aborted) throw error;
      await wait(PART_RETRY_BASE_MS * attempt, context.signal);
    }
  }
}

/** Reads one byte range of the file (parts are read one at a time: a 500 MB video never sits in memory). */
async function readRange(path: string, first: number, last: number): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(last - first + 1);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, first);
    if (bytesRead !== buffer.length)
      throw new ConnectorError('invalid', `The video file ${path} is shorter than when it was added; add it again.`);
    return buffer;
  } finally {
    await file.close();
  }
}

/** Uploads the video and finalizes it; returns its URN (LinkedIn processes it from here). */
export async function uploadLinkedInVideo(
  call: LinkedInCaller,
  context: ConnectorContext,
  owner: string,
  item: MediaItem,
): Promise<string> {
  const init = await call<unknown>(context, {
    method: 'POST',
    path: '/rest/videos',
    query: { action: 'initializeUpload' },
    json: {
      initializeUploadRequest: { owner, fileSizeBytes: item.bytes, uploadCaptions: false, uploadThumbnail: false },
    },
    versioned: true,
    bucket: 'POST /rest/videos',
  });
  const { video, uploadToken, uploadInstructions } = parsed(initializeSchema, init.body, 'initializeUpload').value;
  checkRanges(uploadInstructions, item.bytes);
  const uploadedPartIds: string[] = [];
  for (const [index, part] of uploadInstructions.entries()) {
    const bytes = await readRange(item.path, part.firstByte, part.lastByte);
    uploadedPartIds.push(await putPart(call, context, part, bytes, index));
  }
  await call<null>(context, {
    method: 'POST',
    path: '/rest/videos',
    query: { action: 'finalizeUpload' },
    json: { finalizeUploadRequest: { video, uploadToken, uploadedPartIds } },
    versioned: true,
    bucket: 'POST /rest/videos',
  });
  return video;
}

export async function linkedInVideoState(
  call: LinkedInCaller,
  context: ConnectorContext,
  urn: string,
): Promise<LinkedInVideo> {
  const response = await call<unknown>(context, {
    method: 'GET',
    path: `/rest/videos/${encodeURIComponent(urn)}`,
    versioned: true,
    bucket: 'GET /rest/videos',
  });
  return parsed(videoSchema, response.body, 'the video status');
}

/** The creator-facing refusal for a video LinkedIn could not process. */
export function processingFailed(video: LinkedInVideo): ConnectorError {
  const reason = video.processingFailureReason ? ` (${video.processingFailureReason})` : '';
  return new ConnectorError(
    'invalid',
    `LinkedIn could not process the video${reason}. Check that it is an MP4 of 3 seconds to 30 minutes and 75 KB to 500 MB, then schedule it again.`,
    { platformCode: 'PROCESSING_FAILED' },
  );
}
