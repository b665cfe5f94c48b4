import { ApiError } from '../http/api-error';

/**
 * The pull cursor is the `seq` of the last change a device has, as a decimal string. Devices treat
 * it as opaque; the server only promises that it grows. 15 digits keep it exact in a JS number.
 */
export function encodeCursor(seq: number): string {
  return String(seq);
}

/** No cursor means "from the beginning". Anything this server could not have given out is a 400. */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  if (!/^\d{1,15}$/.test(cursor)) {
    throw new ApiError(400, 'invalid_input', 'The sync cursor is not one this server gave out; pull from the start.', {
      cursor,
    });
  }
  return Number(cursor);
}
