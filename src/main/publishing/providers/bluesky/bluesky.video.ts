import { readFile } from 'node:fs/promises';
import type { Agent } from '@atproto/api';
import { z } from 'zod';
import { ConnectorError, type ConnectorContext, type MediaItem } from '../connector';
import { type FetchLike, readRateLimit, xrpc } from './bluesky.http';

/** Bluesky's video service (https://docs.bsky.app/docs/tutorials/video). */
export const BLUESKY_VIDEO_SERVICE = { url: 'https://video.bsky.app', did: 'did:web:video.bsky.app' } as const;

export interface VideoServiceOptions {
  url: string;
  did: string;
  /** getJobStatus calls inside publish before the post is left `pending`. */
  polls: number;
  pollIntervalMs: number;
  timeoutMs: number;
  /** The upload itself carries up to 100 MB, so it gets longer than the other calls. */
  uploadTimeoutMs: number;
  fetch: FetchLike;
}

/** A blob as JSON on the wire (`$type: 'blob'`, CID link), exactly what goes into the record. */
const blobSchema = z.object({
  $type: z.literal('blob'),
  ref: z.object({ $link: z.string().min(1) }),
  mimeType: z.string(),
  size: z.number().int().nonnegative(),
});
export type BlobJson = z.infer<typeof blobSchema>;

/** app.bsky.video.defs#jobStatus */
const jobStatusSchema = z.object({
  jobId: z.string().min(1),
  did: z.string(),
  state: z.string(),
  progress: z.number().optional(),
  blob: blobSchema.optional(),
  error: z.string().optional(),
  failureCode: z.string().optional(),
  message: z.string().optional(),
});
type JobStatus = z.infer<typeof jobStatusSchema>;

/**
 * uploadVideo's lexicon output is `{ jobStatus }`; the service and Bluesky's own app (social-app
 * src/lib/media/video/upload.ts) use the job status itself as the body. Both are accepted.
 */
const uploadAnswerSchema = z.union([z.object({ jobStatus: jobStatusSchema }), jobStatusSchema]);
const jobAnswerSchema = z.object({ jobStatus: jobStatusSchema });
const limitsSchema = z.object({
  canUpload: z.boolean(),
  remainingDailyVideos: z.number().int().optional(),
  remainingDailyBytes: z.number().int().optional(),
  message: z.string().optional(),
  error: z.string().optional(),
});
const xrpcErrorSchema = z.object({ error: z.string(), message: z.string().optional() });

export type VideoJob = { state: 'ready'; blob: BlobJson } | { state: 'processing'; jobId: string };

/**
 * The recommended flow of docs.bsky.app/docs/tutorials/video: service-auth tokens from the PDS,
 * getUploadLimits, uploadVideo (raw MP4, `did` + `name`), then getJobStatus until a blob. The
 * service stores the processed video on the user's PDS with the uploadBlob token, so the blob it
 * returns is already in the repo.
 */
export function createVideoService(options: VideoServiceOptions) {
  const base = options.url.replace(/\/+$/, '');

  async function serviceAuth(context: ConnectorContext, agent: Agent, aud: string, lxm: string, ttlS: number) {
    const exp = Math.floor(Date.now() / 1000) + ttlS;
    const { data } = await xrpc(context, () => agent.com.atproto.server.getServiceAuth({ aud, lxm, exp }));
    return data.token;
  }

  async function call(
    context: ConnectorContext,
    method: string,
    init: RequestInit,
    query: Record<string, string>,
    timeoutMs = options.timeoutMs,
  ) {
    const url = `${base}/xrpc/${method}?${new URLSearchParams(query).toString()}`;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([timeout, ...(context.signal ? [context.signal] : [])]);
    let response: Response;
    try {
      response = await options.fetch(url, { ...init, signal });
    } catch (error) {
      if (timeout.aborted || context.signal?.aborted) {
        throw new ConnectorError('timeout', `Bluesky's video service did not answer within ${timeoutMs} ms`);
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConnectorError('network', `Could not reach ${new URL(url).host}: ${reason}`);
    }
    const limits = readRateLimit(response.headers, 'video');
    if (limits) context.onRateLimit?.(limits);
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) throw videoError(response, json);
    return json;
  }

  function parse<T>(schema: z.ZodType<T>, json: unknown, method: string): T {
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new ConnectorError('server', `Bluesky's video service sent an answer to ${method} Cadence could not read.`);
    return parsed.data;
  }

  /** Refuses before uploading when the account's daily video allowance can't take this file. */
  async function checkLimits(context: ConnectorContext, agent: Agent, video: MediaItem): Promise<void> {
    const token = await serviceAuth(context, agent, options.did, 'app.bsky.video.getUploadLimits', 60);
    const method = 'app.bsky.video.getUploadLimits';
    const limits = parse(limitsSchema, await call(context, method, { headers: bearer(token) }, {}), method);
    const out =
      limits.remainingDailyVideos === 0 ||
      (limits.remainingDailyBytes !== undefined && limits.remainingDailyBytes < video.bytes);
    const said = limits.message ?? limits.error;
    if (out) {
      throw new ConnectorError(
        'rate_limited',
        `Bluesky's daily video allowance is used up${said ? ` (${said})` : ''}; the post waits and tries again later.`,
        { platformCode: 'VideoUploadLimit' },
      );
    }
    if (!limits.canUpload) {
      // Bluesky-hosted accounts must verify their email before posting video, for example.
      throw new ConnectorError(
        'invalid',
        `Bluesky does not let this account upload video now${said ? `: ${said}` : ''}. Check the account in the Bluesky app.`,
        { platformCode: 'VideoUploadNotAllowed' },
      );
    }
  }

  function outcome(status: JobStatus): VideoJob {
    // A blob counts even on a failed job: a video processed before comes back as `already_exists` with its blob.
    if (status.blob) return { state: 'ready', blob: status.blob };
    if (status.state === 'JOB_STATE_FAILED') {
      const reason = status.message ?? status.error ?? status.failureCode ?? 'no reason given';
      throw new ConnectorError('invalid', `Bluesky could not process the video: ${reason}`, {
        platformCode: status.failureCode ?? status.error ?? 'JOB_STATE_FAILED',
      });
    }
    if (status.state === 'JOB_STATE_COMPLETED') {
      throw new ConnectorError('server', 'Bluesky finished processing the video but sent no blob.');
    }
    return { state: 'processing', jobId: status.jobId };
  }

  async function jobStatus(context: ConnectorContext, jobId: string): Promise<VideoJob> {
    const method = 'app.bsky.video.getJobStatus';
    const answer = parse(jobAnswerSchema, await call(context, method, { method: 'GET' }, { jobId }), method);
    return outcome(answer.jobStatus);
  }

  return {
    /** Uploads the file and polls a few times: a blob in the repo, or the job still processing. */
    async upload(context: ConnectorContext, agent: Agent, did: string, video: MediaItem): Promise<VideoJob> {
      await checkLimits(context, agent, video);
      const audience = await pdsAudience(context, agent);
      // 30 minutes: the service uses this token to store the processed video, after processing.
      const token = await serviceAuth(context, agent, audience, 'com.atproto.repo.uploadBlob', 30 * 60);
      const bytes = await readFile(video.path);
      const method = 'app.bsky.video.uploadVideo';
      const init: RequestInit = {
        method: 'POST',
        headers: { ...bearer(token), 'content-type': video.mime },
        body: new Uint8Array(bytes),
      };
      const answer = parse(
        uploadAnswerSchema,
        await call(context, method, init, { did, name: fileName(video) }, options.uploadTimeoutMs),
        method,
      );
      let job = outcome('jobStatus' in answer ? answer.jobStatus : answer);
      for (let poll = 0; poll < options.polls && job.state === 'processing'; poll += 1) {
        await sleep(options.pollIntervalMs, context.signal);
        job = await jobStatus(context, job.jobId);
      }
      return job;
    },
    jobStatus,
  };
}

export type VideoService = ReturnType<typeof createVideoService>;

/**
 * The audience of the uploadBlob token: the did:web of the account's PDS host, as Bluesky's app
 * derives it (the `#atproto_pds` endpoint of the DID document getSession returns; the stored
 * service URL when there is none).
 */
async function pdsAudience(context: ConnectorContext, agent: Agent): Promise<string> {
  const { data } = await xrpc(context, () => agent.com.atproto.server.getSession());
  const doc = z
    .object({ service: z.array(z.object({ id: z.string(), serviceEndpoint: z.unknown() })) })
    .safeParse(data.didDoc);
  const endpoint = doc.success
    ? doc.data.service.find((s) => s.id === '#atproto_pds' || s.id.endsWith('#atproto_pds'))?.serviceEndpoint
    : undefined;
  const pds = typeof endpoint === 'string' ? endpoint : context.baseUrl;
  return `did:web:${new URL(pds).hostname}`;
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** The `name` query: the file's own name, with .mp4 (the service reads the type from it too). */
function fileName(video: MediaItem): string {
  const name = video.path.split(/[\\/]/).pop() ?? 'video.mp4';
  return /\.mp4$/i.test(name) ? name : `${name}.mp4`;
}

/** XRPC error bodies `{ error, message }`: 429 waits, 5xx retries, 401 renews the token, the rest is refused. */
function videoError(response: Response, json: unknown): ConnectorError {
  const body = xrpcErrorSchema.safeParse(json);
  const name = body.success ? body.data.error : `HTTP ${response.status}`;
  const message = `Bluesky's video service: ${body.success ? (body.data.message ?? name) : name} (${name})`;
  const details = { status: response.status, platformCode: name };
  if (response.status === 429) {
    const resetAt = readRateLimit(response.headers, 'video')?.resetAt ?? null;
    return new ConnectorError('rate_limited', message, { ...details, resetAt });
  }
  if (response.status >= 500) return new ConnectorError('server', message, details);
  if (response.status === 401) return new ConnectorError('auth_expired', message, details);
  if (response.status === 404) return new ConnectorError('not_found', message, details);
  return new ConnectorError('invalid', message, details);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ConnectorError('timeout', 'The Bluesky video upload was cancelled'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(new ConnectorError('timeout', 'The Bluesky video upload was cancelled'));
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}
