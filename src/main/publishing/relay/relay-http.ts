import type { z } from 'zod';
import { ContractError, type ErrorCode } from '../../../shared/contract/errors';
import { serverErrorBodySchema, type ServerErrorCode } from '../../../shared/sync-api/errors';
import {
  type CreateRelayJob,
  type ListRelayJobsResponse,
  listRelayJobsResponseSchema,
  type RelayJob,
  relayJobSchema,
  type RelayPublicKey,
  relayPublicKeySchema,
} from '../../../shared/sync-api/relay';

/** A relay call the server refused; `definitive` when retrying the same request cannot help. */
export class RelayHttpError extends ContractError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly serverCode: ServerErrorCode | 'network',
    readonly status: number,
  ) {
    super(code, message, { serverCode, status });
    this.name = 'RelayHttpError';
  }

  /** A 4xx answer: the server saw the request and said no. Network errors and 5xx are open. */
  get definitive(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
};

export interface RelayHttpDeps {
  serverUrl: string;
  accessToken: () => Promise<string>;
  fetch?: typeof fetch;
}

/** The relay routes of the sync service, every answer parsed with the wire schemas. */
export class RelayHttp {
  private readonly fetch: typeof fetch;

  constructor(private readonly deps: RelayHttpDeps) {
    this.fetch = deps.fetch ?? globalThis.fetch;
  }

  publicKey(): Promise<RelayPublicKey> {
    return this.call('GET', '/v1/relay/public-key', relayPublicKeySchema);
  }

  createJob(body: CreateRelayJob): Promise<RelayJob> {
    return this.call('POST', '/v1/relay/jobs', relayJobSchema, body);
  }

  listJobs(since: string | null): Promise<ListRelayJobsResponse> {
    const query = since ? `?since=${encodeURIComponent(since)}` : '';
    return this.call('GET', `/v1/relay/jobs${query}`, listRelayJobsResponseSchema);
  }

  cancelJob(id: string): Promise<RelayJob> {
    return this.call('DELETE', `/v1/relay/jobs/${encodeURIComponent(id)}`, relayJobSchema);
  }

  private async call<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>> {
    const url = `${this.deps.serverUrl.replace(/\/+$/, '')}${path}`;
    let response: Response;
    try {
      const headers: Record<string, string> = { authorization: `Bearer ${await this.deps.accessToken()}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      response = await this.fetch(url, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      if (error instanceof ContractError) throw error;
      throw new RelayHttpError(
        'UNAVAILABLE',
        'The sync server could not be reached; try again when online.',
        'network',
        0,
      );
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const parsed = serverErrorBodySchema.safeParse(json);
      const serverCode = parsed.success ? parsed.data.error.code : 'internal';
      const message = parsed.success ? parsed.data.error.message : `The sync server answered ${response.status}.`;
      throw new RelayHttpError(CODE_BY_STATUS[response.status] ?? 'INTERNAL', message, serverCode, response.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new RelayHttpError(
        'INTERNAL',
        'The sync server sent a relay answer Cadence does not understand.',
        'internal',
        502,
      );
    }
    return parsed.data;
  }
}
