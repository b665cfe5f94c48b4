import type { ServerErrorCode } from '../../shared/sync-api/errors';

/** An error with a stable code and HTTP status; the error handler turns it into the shared body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ServerErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    /** Extra response headers (Retry-After for 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
