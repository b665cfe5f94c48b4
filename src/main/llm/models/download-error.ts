export type DownloadErrorCode =
  'not_found' | 'http' | 'network' | 'checksum' | 'disk_full' | 'io' | 'cancelled' | 'invalid_response';

/**
 * Why a model download stopped, with a message the UI can show as is. Everything except
 * 'checksum' keeps the partial file, so running the same download again resumes it.
 */
export class ModelDownloadError extends Error {
  readonly code: DownloadErrorCode;
  /** HTTP status when the server answered with an error. */
  readonly status: number | undefined;

  constructor(code: DownloadErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ModelDownloadError';
    this.code = code;
    this.status = options.status;
  }
}

/** 1.5 GB, 12.3 MB, 512 B: sizes in messages people read. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** A drop the next run can resume from; `cause` is undici's error (its own cause says why). */
export function networkError(
  url: string,
  progress: { offset: number; total: number | null },
  cause: unknown,
): ModelDownloadError {
  const { offset, total } = progress;
  const held = total ? `${formatBytes(offset)} of ${formatBytes(total)}` : formatBytes(offset);
  const detail = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : cause;
  return new ModelDownloadError(
    'network',
    `The download from ${new URL(url).host} was interrupted after ${held} (${String(detail)}); run it again to resume`,
    { cause },
  );
}

export function diskError(error: unknown): ModelDownloadError {
  const code = (error as NodeJS.ErrnoException).code;
  const message = code === 'ENOSPC' ? 'The disk is full' : `Could not write the model file (${String(error)})`;
  return new ModelDownloadError(code === 'ENOSPC' ? 'disk_full' : 'io', message, { cause: error });
}

export function cancelledError(keptBytes: number): ModelDownloadError {
  return new ModelDownloadError(
    'cancelled',
    `Download cancelled; ${formatBytes(keptBytes)} kept, so starting it again resumes`,
  );
}
