import { ApiError } from '../http/api-error';

/** What one sealed change may weigh once decoded (the wire schema's promise). */
export const MAX_BLOB_BYTES = 64 * 1024;

/**
 * Decodes a change's base64 blob for storage. Node's decoder skips characters it does not know, so
 * the round trip must give back the same text: otherwise a device would pull different bytes from
 * the ones it pushed, and its authentication tag would fail far from the cause.
 */
export function decodeBlob(base64: string, index: number): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.toString('base64') !== base64) {
    throw new ApiError(400, 'invalid_input', `Change ${index} is not valid base64.`, { index });
  }
  if (bytes.length > MAX_BLOB_BYTES) {
    throw new ApiError(
      400,
      'invalid_input',
      `Change ${index} is ${bytes.length} bytes once decoded; a change may be at most ${MAX_BLOB_BYTES} bytes.`,
      { index, bytes: bytes.length, limit: MAX_BLOB_BYTES },
    );
  }
  return bytes;
}
