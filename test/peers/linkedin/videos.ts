import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RestReply, RestRequest } from '../shared/rest-peer';
import { err, schemaError } from './post-schema';

/**
 * LinkedIn's Videos API on the peer: `initializeUpload` hands out byte ranges and pre-signed part
 * URLs, the parts go to a separate upload host (as `www.linkedin.com/dms-uploads/…` is separate from
 * `api.linkedin.com`), `finalizeUpload` checks every part's ETag in order, and processing takes a few
 * GETs. Reference for every rule below (cited as "videos-api"):
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api
 */

/** LinkedIn splits uploads into 4 MB parts (4,194,304 bytes), the last part holding the rest. (videos-api, "Upload the Video") */
export const LINKEDIN_VIDEO_PART_BYTES = 4 * 1024 * 1024;
/** Video file size 75 KB to 500 MB. (videos-api, "Video File Size Specifications") */
export const LINKEDIN_VIDEO_MIN_BYTES = 75 * 1024;
export const LINKEDIN_VIDEO_MAX_BYTES = 500 * 1024 * 1024;

export type PeerVideoStatus = 'WAITING_UPLOAD' | 'PROCESSING' | 'AVAILABLE' | 'PROCESSING_FAILED';

export interface PeerVideoPart {
  firstByte: number;
  lastByte: number;
  /** The ETag of the last successful PUT of this part; a re-PUT gets a new one. */
  etag?: string;
  bytes?: Buffer;
  /** PUTs that arrived for this part, failed ones included. */
  attempts: number;
  /** PUTs the peer accepted. */
  puts: number;
}

export interface PeerVideo {
  urn: string;
  owner: string;
  fileSizeBytes: number;
  uploadToken: string;
  parts: PeerVideoPart[];
  status: PeerVideoStatus;
  pollsLeft: number;
  failProcessing: boolean;
  finalizeCalls: number;
}

export interface VideoPeerOptions {
  /** GETs a finalized video answers PROCESSING before AVAILABLE. */
  processingPolls?: number;
  /** Bytes per part handed out in `uploadInstructions` (LinkedIn's 4 MB by default). */
  partBytes?: number;
}

/** A failure queued for the next PUT of one part (index from 0). */
export type PartFault = { part: number; kind: 'status'; status: number } | { part: number; kind: 'drop' };

export interface VideoPeer {
  readonly uploadOrigin: string;
  video(urn: string): PeerVideo | undefined;
  videos(): PeerVideo[];
  /** The next finalized video ends in PROCESSING_FAILED instead of AVAILABLE. */
  failNextProcessing(): void;
  failPart(fault: PartFault): void;
  initialize(req: RestRequest, owner: string): RestReply;
  finalize(req: RestRequest, owner: string): RestReply;
  get(urn: string, owner: string): RestReply;
  close(): Promise<void>;
}

/** The documented answer to a video the caller may not touch (videos-api, "Permissions"). */
const forbidden: RestReply = {
  status: 403,
  body: {
    message: 'Accessing this video resource is forbidden. Please check your permissions for this resource',
    status: 403,
  },
};

const INIT_KEYS = new Set([
  'owner',
  'fileSizeBytes',
  'uploadCaptions',
  'uploadThumbnail',
  'purpose',
  'mediaLibrarySettings',
]);
const FINALIZE_KEYS = new Set(['video', 'uploadToken', 'uploadedPartIds']);

export async function startVideoPeer(options: VideoPeerOptions = {}): Promise<VideoPeer> {
  const partBytes = options.partBytes ?? LINKEDIN_VIDEO_PART_BYTES;
  const processingPolls = options.processingPolls ?? 2;
  const videos = new Map<string, PeerVideo>();
  /** Upload path + signature → the video and part it belongs to. */
  const signed = new Map<string, { urn: string; part: number }>();
  const partFaults: PartFault[] = [];
  let failNext = false;
  let next = 5_600_000_000_000_000_000n;

  const uploads = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://uploads.invalid');
      const target = signed.get(`${url.pathname}?${url.searchParams.toString()}`);
      // A pre-signed URL: the signature is the credential, nothing else is asked for.
      if (req.method !== 'PUT' || !target) return void res.writeHead(403).end();
      const video = videos.get(target.urn);
      const part = video?.parts[target.part];
      if (!video || !part) return void res.writeHead(404).end();
      part.attempts += 1;
      const fault = partFaults.findIndex((f) => f.part === target.part);
      if (fault !== -1) {
        const [taken] = partFaults.splice(fault, 1);
        if (taken?.kind === 'drop') return void res.socket?.destroy();
        if (taken?.kind === 'status') return void res.writeHead(taken.status).end();
      }
      const body = Buffer.concat(chunks);
      const expected = part.lastByte - part.firstByte + 1;
      // A part must be exactly its range: the parts are joined by position at finalize.
      if (body.length !== expected) return void res.writeHead(400).end();
      if (video.status !== 'WAITING_UPLOAD') return void res.writeHead(409).end();
      part.puts += 1;
      part.bytes = body;
      part.etag = `/ambry-video/signedId/${createHash('sha256').update(body).update(randomBytes(8)).digest('base64url')}`;
      res.writeHead(200, { etag: part.etag, 'content-length': '0' }).end();
    });
  });
  await new Promise<void>((resolve) => uploads.listen(0, '127.0.0.1', resolve));
  const uploadOrigin = `http://127.0.0.1:${(uploads.address() as AddressInfo).port}`;

  const initialize = (req: RestRequest, owner: string): RestReply => {
    const body = req.body.kind === 'json' ? (req.body.value as { initializeUploadRequest?: unknown }) : null;
    const init = body?.initializeUploadRequest;
    if (typeof init !== 'object' || init === null)
      return schemaError(['/initializeUploadRequest :: field is required but not found and has no default value']);
    const request = init as Record<string, unknown>;
    const lines: string[] = [];
    for (const key of Object.keys(request))
      if (!INIT_KEYS.has(key))
        lines.push(`/initializeUploadRequest/${key} :: unrecognized field found but not allowed`);
    for (const key of ['owner', 'fileSizeBytes'])
      if (request[key] === undefined)
        lines.push(`/initializeUploadRequest/${key} :: field is required but not found and has no default value`);
    if (request.fileSizeBytes !== undefined && !Number.isSafeInteger(request.fileSizeBytes))
      lines.push('/initializeUploadRequest/fileSizeBytes :: is not a long');
    for (const key of ['uploadCaptions', 'uploadThumbnail'])
      if (request[key] !== undefined && typeof request[key] !== 'boolean')
        lines.push(`/initializeUploadRequest/${key} :: is not a boolean`);
    if (lines.length > 0) return schemaError(lines);
    if (request.owner !== owner) return forbidden;
    const size = Number(request.fileSizeBytes);
    if (size < LINKEDIN_VIDEO_MIN_BYTES || size > LINKEDIN_VIDEO_MAX_BYTES)
      return err(400, 'ILLEGAL_ARGUMENT', `fileSizeBytes ${size} is outside 75 KB to 500 MB`);
    next += 1n;
    const id = `D4E05AQ${next}`;
    const urn = `urn:li:video:${id}`;
    const parts: PeerVideoPart[] = [];
    for (let first = 0; first < size; first += partBytes)
      parts.push({ firstByte: first, lastByte: Math.min(first + partBytes, size) - 1, attempts: 0, puts: 0 });
    // LinkedIn leaves uploadToken empty for single-part uploads and sets it for multi-part ones.
    const uploadToken = parts.length > 1 ? randomBytes(12).toString('base64url') : '';
    videos.set(urn, {
      urn,
      owner,
      fileSizeBytes: size,
      uploadToken,
      parts,
      status: 'WAITING_UPLOAD',
      pollsLeft: processingPolls,
      failProcessing: false,
      finalizeCalls: 0,
    });
    const uploadInstructions = parts.map((part, index) => {
      const path = `/dms-uploads/sp/v2/${id}/uploadedVideo`;
      const query = new URLSearchParams({ partNumber: String(index), sau: randomBytes(12).toString('base64url') });
      signed.set(`${path}?${query.toString()}`, { urn, part: index });
      return {
        uploadUrl: `${uploadOrigin}${path}?${query.toString()}`,
        firstByte: part.firstByte,
        lastByte: part.lastByte,
      };
    });
    return {
      status: 200,
      body: {
        value: {
          uploadUrlsExpireAt: Date.now() + 24 * 3600_000,
          video: urn,
          uploadInstructions,
          uploadToken,
          ...(request.uploadThumbnail === true
            ? { thumbnailUploadUrl: `${uploadOrigin}/dms-uploads/thumbnail/${id}` }
            : {}),
          ...(request.uploadCaptions === true
            ? { captionsUploadUrl: `${uploadOrigin}/dms-uploads/captions/${id}` }
            : {}),
        },
      },
    };
  };

  const finalize = (req: RestRequest, owner: string): RestReply => {
    const body = req.body.kind === 'json' ? (req.body.value as { finalizeUploadRequest?: unknown }) : null;
    const fin = body?.finalizeUploadRequest;
    if (typeof fin !== 'object' || fin === null)
      return schemaError(['/finalizeUploadRequest :: field is required but not found and has no default value']);
    const request = fin as Record<string, unknown>;
    const lines: string[] = [];
    for (const key of Object.keys(request))
      if (!FINALIZE_KEYS.has(key))
        lines.push(`/finalizeUploadRequest/${key} :: unrecognized field found but not allowed`);
    for (const key of FINALIZE_KEYS)
      if (request[key] === undefined)
        lines.push(`/finalizeUploadRequest/${key} :: field is required but not found and has no default value`);
    const ids = request.uploadedPartIds;
    if (ids !== undefined && (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')))
      lines.push('/finalizeUploadRequest/uploadedPartIds :: is not an array of strings');
    if (lines.length > 0) return schemaError(lines);
    const video = videos.get(String(request.video));
    if (!video) return err(404, 'NOT_FOUND', `Video ${String(request.video)} not found`);
    if (video.owner !== owner) return forbidden;
    video.finalizeCalls += 1;
    if (video.status !== 'WAITING_UPLOAD')
      return err(400, 'ILLEGAL_ARGUMENT', `Video ${video.urn} is already finalized (status ${video.status})`);
    if (request.uploadToken !== video.uploadToken)
      return err(400, 'ILLEGAL_ARGUMENT', 'uploadToken does not match the upload session');
    const sent = ids as string[];
    const missing = video.parts.findIndex((part) => part.etag === undefined);
    if (missing !== -1) return err(400, 'ILLEGAL_ARGUMENT', `Part ${missing} of ${video.urn} was never uploaded`);
    // Every part's ETag, in the order of uploadInstructions: a missing, extra or reordered id is refused.
    if (sent.length !== video.parts.length || video.parts.some((part, i) => part.etag !== sent[i]))
      return err(
        400,
        'ILLEGAL_ARGUMENT',
        `uploadedPartIds must list the ETag of each of the ${video.parts.length} parts in upload order`,
      );
    video.status = 'PROCESSING';
    video.failProcessing = failNext;
    failNext = false;
    return { status: 200 };
  };

  const get = (urn: string, owner: string): RestReply => {
    const video = videos.get(urn);
    if (!video) return err(404, 'NOT_FOUND', `Video ${urn} not found`);
    if (video.owner !== owner) return forbidden;
    if (video.status === 'PROCESSING') {
      if (video.pollsLeft <= 0) video.status = video.failProcessing ? 'PROCESSING_FAILED' : 'AVAILABLE';
      else video.pollsLeft -= 1;
    }
    return {
      status: 200,
      body: {
        id: urn,
        owner: video.owner,
        status: video.status,
        ...(video.status === 'AVAILABLE'
          ? {
              duration: 4_000,
              aspectRatioWidth: 16,
              aspectRatioHeight: 9,
              downloadUrl: `${uploadOrigin}/playback/${urn}`,
            }
          : {}),
      },
    };
  };

  return {
    uploadOrigin,
    video: (urn) => videos.get(urn),
    videos: () => [...videos.values()],
    failNextProcessing: () => void (failNext = true),
    failPart: (fault) => void partFaults.push(fault),
    initialize,
    finalize,
    get,
    close: async () => {
      uploads.closeAllConnections();
      await new Promise<void>((resolve) => uploads.close(() => resolve()));
    },
  };
}
