import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IdResolver } from '@atproto/identity';
import { verifyJwt, XRPCError } from '@atproto/xrpc-server';

/**
 * A protocol peer of Bluesky's video service (video.bsky.app), following the `app.bsky.video.*`
 * lexicons bundled in @atproto/api and https://docs.bsky.app/docs/tutorials/video. Like the real
 * service it verifies service-auth JWTs against the issuer's DID document (PLC), and on completion
 * stores the video on the user's own PDS with `com.atproto.repo.uploadBlob`, using the token the
 * app sent, so the blob it hands back really is in the repo.
 */
export interface BlueskyVideoPeerOptions {
  /** The PLC directory the users' DIDs resolve through (dev-env's). */
  plcUrl: string;
  /** The service's own DID, the audience of getUploadLimits tokens. */
  did?: string;
  /** getJobStatus calls a job answers "processing" to before it completes (default 2). */
  pollsToComplete?: number;
  /** uploadVideo's body: the job status itself (as the service and Bluesky's app do) or the lexicon's `{ jobStatus }`. */
  uploadAnswer?: 'bare' | 'lexicon';
  /** Per-account daily allowance (getUploadLimits). */
  dailyVideos?: number;
  dailyBytes?: number;
}

export interface PeerRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The verified service-auth claims, when the request carried a token. */
  claims?: { iss: string; aud: string; lxm?: string; exp: number };
  bytes: number;
}

export interface BlueskyVideoPeer {
  readonly origin: string;
  readonly did: string;
  readonly requests: PeerRequest[];
  /** The next uploaded job fails when it would complete, with this failureCode and message. */
  failNextJob(failureCode: string, message: string): void;
  setPollsToComplete(polls: number): void;
  setDailyAllowance(videos: number, bytes: number): void;
  close(): Promise<void>;
}

interface Job {
  jobId: string;
  did: string;
  state: string;
  polls: number;
  bytes: Buffer;
  token: string;
  hash: string;
  fail?: { failureCode: string; message: string };
  blob?: unknown;
  error?: string;
  failureCode?: string;
  message?: string;
}

/** Processing states a job passes through (app.bsky.video.defs#jobStatus knownValues). */
const PROCESSING = ['JOB_STATE_CREATED', 'JOB_STATE_ENCODING', 'JOB_STATE_SCANNING', 'JOB_STATE_UPLOADING'];
const MAX_BYTES = 100_000_000;

class PeerError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startBlueskyVideoPeer(options: BlueskyVideoPeerOptions): Promise<BlueskyVideoPeer> {
  const serviceDid = options.did ?? 'did:web:video.bsky.app';
  // The plain fetch: the default one refuses http://localhost, where dev-env's PLC and PDS live.
  const resolver = new IdResolver({ plcUrl: options.plcUrl, fetch: globalThis.fetch });
  const requests: PeerRequest[] = [];
  const jobs = new Map<string, Job>();
  /** Videos already processed per account (content hash → blob): a repeat is `already_exists`. */
  const processed = new Map<string, unknown>();
  const used = new Map<string, { videos: number; bytes: number }>();
  let pollsToComplete = options.pollsToComplete ?? 2;
  let allowance = { videos: options.dailyVideos ?? 25, bytes: options.dailyBytes ?? 10_000_000_000 };
  let nextFailure: { failureCode: string; message: string } | undefined;

  /** Service auth (https://atproto.com/specs/xrpc#inter-service-authentication-jwt): signature, exp, aud, lxm, iss. */
  async function authenticate(req: IncomingMessage, aud: string | ((iss: string) => Promise<string>), lxm: string) {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Bearer ')) throw new PeerError(401, 'AuthMissing', 'Authentication Required');
    const token = header.slice('Bearer '.length);
    const getKey = (iss: string, refresh: boolean) => resolver.did.resolveAtprotoKey(iss, refresh);
    try {
      // The audience is checked below, so it can depend on the issuer (its PDS).
      const claims = await verifyJwt(token, null, lxm, getKey);
      const expected = typeof aud === 'string' ? aud : await aud(claims.iss);
      if (claims.aud !== expected) {
        throw new PeerError(401, 'BadJwtAudience', `jwt audience does not match service did (${expected})`);
      }
      return { token, claims: { iss: claims.iss, aud: claims.aud, lxm: claims.lxm, exp: claims.exp } };
    } catch (error) {
      if (error instanceof XRPCError)
        throw new PeerError(401, error.customErrorName ?? 'AuthenticationRequired', error.message);
      throw error;
    }
  }

  async function pdsOf(did: string): Promise<string> {
    const data = await resolver.did.resolveAtprotoData(did);
    return data.pds;
  }

  const remaining = (did: string) => {
    const u = used.get(did) ?? { videos: 0, bytes: 0 };
    return { videos: Math.max(0, allowance.videos - u.videos), bytes: Math.max(0, allowance.bytes - u.bytes) };
  };

  /** Processing finished: the video goes to the user's PDS with the app's uploadBlob token. */
  async function complete(job: Job): Promise<void> {
    if (job.fail) {
      Object.assign(job, { state: 'JOB_STATE_FAILED', error: job.fail.failureCode, ...job.fail });
      return;
    }
    const pds = await pdsOf(job.did);
    const response = await fetch(`${pds.replace(/\/+$/, '')}/xrpc/com.atproto.repo.uploadBlob`, {
      method: 'POST',
      headers: { authorization: `Bearer ${job.token}`, 'content-type': 'video/mp4' },
      body: new Uint8Array(job.bytes),
    });
    const body = (await response.json().catch(() => null)) as { blob?: unknown; message?: string } | null;
    if (!response.ok || !body?.blob) {
      Object.assign(job, {
        state: 'JOB_STATE_FAILED',
        error: 'pds_upload_failure',
        failureCode: 'pds_upload_failure',
        message: `The PDS refused the video: ${body?.message ?? response.status}`,
      });
      return;
    }
    processed.set(job.hash, body.blob);
    Object.assign(job, { state: 'JOB_STATE_COMPLETED', blob: body.blob });
  }

  const statusOf = (job: Job) => ({
    $type: 'app.bsky.video.defs#jobStatus',
    jobId: job.jobId,
    did: job.did,
    state: job.state,
    ...(job.state === 'JOB_STATE_COMPLETED' || job.state === 'JOB_STATE_FAILED' ? {} : { progress: job.polls * 25 }),
    ...(job.blob ? { blob: job.blob } : {}),
    ...(job.error ? { error: job.error } : {}),
    ...(job.failureCode ? { failureCode: job.failureCode } : {}),
    ...(job.message ? { message: job.message } : {}),
  });

  async function handle(req: IncomingMessage, url: URL, body: Buffer, record: PeerRequest): Promise<unknown> {
    const method = url.pathname.replace(/^\/xrpc\//, '');
    if (method === 'app.bsky.video.getUploadLimits' && req.method === 'GET') {
      const { claims } = await authenticate(req, serviceDid, method);
      record.claims = claims;
      const left = remaining(claims.iss);
      const canUpload = left.videos > 0 && left.bytes > 0;
      return {
        canUpload,
        remainingDailyVideos: left.videos,
        remainingDailyBytes: left.bytes,
        ...(canUpload ? {} : { message: 'You have reached your daily limit for video uploads' }),
      };
    }
    if (method === 'app.bsky.video.uploadVideo' && req.method === 'POST') {
      // The token is for the user's PDS: audience its did:web, method uploadBlob (what the service will call).
      const pdsAudience = async (iss: string) => `did:web:${new URL(await pdsOf(iss)).hostname}`;
      const { token, claims } = await authenticate(req, pdsAudience, 'com.atproto.repo.uploadBlob');
      record.claims = claims;
      const did = url.searchParams.get('did');
      if (!did) throw new PeerError(400, 'InvalidRequest', 'Params must have the property "did"');
      if (did !== claims.iss) throw new PeerError(401, 'BadJwtIss', 'jwt iss does not match the did parameter');
      if (!url.searchParams.get('name'))
        throw new PeerError(400, 'InvalidRequest', 'Params must have the property "name"');
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
      if (type !== 'video/mp4')
        throw new PeerError(400, 'InvalidRequest', `Wrong request encoding (Content-Type): ${type ?? ''}`);
      if (body.length === 0) throw new PeerError(400, 'InvalidRequest', 'Request body is empty');
      if (body.length > MAX_BYTES) throw new PeerError(400, 'InvalidRequest', 'Video file is too large');
      const left = remaining(did);
      if (left.videos === 0 || left.bytes < body.length) {
        throw new PeerError(400, 'InvalidRequest', 'You have reached your daily limit for video uploads');
      }
      const u = used.get(did) ?? { videos: 0, bytes: 0 };
      used.set(did, { videos: u.videos + 1, bytes: u.bytes + body.length });
      const hash = `${did}:${createHash('sha256').update(body).digest('hex')}`;
      const job: Job = { jobId: randomUUID(), did, state: PROCESSING[0]!, polls: 0, bytes: body, token, hash };
      if (nextFailure) job.fail = nextFailure;
      nextFailure = undefined;
      const earlier = processed.get(hash);
      // docs.bsky.app/docs/tutorials/video: a video processed before is an `already_exists` error that carries its blob.
      if (earlier)
        Object.assign(job, {
          state: 'JOB_STATE_FAILED',
          error: 'already_exists',
          message: 'Video already processed',
          blob: earlier,
        });
      jobs.set(job.jobId, job);
      return options.uploadAnswer === 'lexicon' ? { jobStatus: statusOf(job) } : statusOf(job);
    }
    if (method === 'app.bsky.video.getJobStatus' && req.method === 'GET') {
      const jobId = url.searchParams.get('jobId');
      if (!jobId) throw new PeerError(400, 'InvalidRequest', 'Params must have the property "jobId"');
      const job = jobs.get(jobId);
      if (!job) throw new PeerError(404, 'NotFound', 'Job not found');
      if (PROCESSING.includes(job.state)) {
        job.polls += 1;
        if (job.polls >= pollsToComplete) await complete(job);
        else job.state = PROCESSING[Math.min(job.polls, PROCESSING.length - 1)]!;
      }
      return { jobStatus: statusOf(job) };
    }
    throw new PeerError(501, 'MethodNotImplemented', 'Method Not Implemented');
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://peer.invalid');
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const record: PeerRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        bytes: body.length,
      };
      requests.push(record);
      try {
        send(res, 200, await handle(req, url, body, record));
      } catch (error) {
        if (error instanceof PeerError) send(res, error.status, { error: error.error, message: error.message });
        else {
          console.error('bluesky-video peer failed', error);
          send(res, 500, { error: 'InternalServerError', message: 'Internal Server Error' });
        }
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    did: serviceDid,
    requests,
    failNextJob: (failureCode, message) => void (nextFailure = { failureCode, message }),
    setPollsToComplete: (polls) => void (pollsToComplete = polls),
    setDailyAllowance: (videos, bytes) => void (allowance = { videos, bytes }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}
