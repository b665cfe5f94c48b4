import type { EncryptedChange } from '../../shared/sync-api/sync';
import { ApiError } from '../http/api-error';

/**
 * How far ahead of the server a change's clock may be. Hybrid logical clocks absorb any skew, but a
 * change stamped days in the future would win every later edit on every device until that time
 * passes, so a clock that far off is refused and the user is told to fix it.
 */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

/** Below this, a device clock counts as right (network delay and ordinary drift). */
const CLOCK_TOLERANCE_MS = 5 * 60 * 1000;

/** The wall-clock part of a Cadence HLC (`<millis:15>-<counter:5>-<deviceId>`). */
export function hlcMillis(hlc: string): number {
  return Number(hlc.slice(0, 15));
}

/**
 * Throws 400 `clock_skew` when any change is stamped more than a day ahead of `serverNow`. The
 * message names the device's clock error from `sentAt` when the clock is still wrong, or says the
 * changes were stamped while it was wrong; `details` carries both figures for the app.
 */
export function checkClockSkew(changes: readonly EncryptedChange[], serverNow: number, sentAt: number): void {
  let latest = 0;
  for (const change of changes) latest = Math.max(latest, hlcMillis(change.hlc));
  const aheadMs = latest - serverNow;
  if (aheadMs <= MAX_CLOCK_AHEAD_MS) return;
  const deviceAheadMs = sentAt - serverNow;
  const fix = `Set the device's date and time correctly (turn on "set time automatically"), then sync again.`;
  const message =
    deviceAheadMs > CLOCK_TOLERANCE_MS
      ? `This device's clock is ${describeDuration(deviceAheadMs)} ahead of the real time, so its changes ` +
        `(stamped ${describeDuration(aheadMs)} ahead) were not synced. ${fix}`
      : `Some changes were stamped ${describeDuration(aheadMs)} ahead of the real time, while this device's ` +
        `clock was wrong, so they were not synced. ${fix}`;
  throw new ApiError(400, 'clock_skew', message, {
    aheadMs,
    deviceAheadMs,
    limitMs: MAX_CLOCK_AHEAD_MS,
    serverTime: serverNow,
  });
}

/** "about 40 minutes", "about 26 hours", "about 3 days": plain words for the message above. */
export function describeDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 90) return `about ${minutes} minutes`;
  const hours = ms / 3_600_000;
  if (hours >= 72) return `about ${Math.round(hours / 24)} days`;
  return `about ${Math.round(hours)} hours`;
}
