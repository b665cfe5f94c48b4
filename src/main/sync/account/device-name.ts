import { hostname } from 'node:os';
import type { DeviceInfo } from '../../../shared/sync-api/accounts';

const PLATFORM_NAMES: Record<string, string> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' };

/**
 * How this device introduces itself in the account's device list: the computer's name, so the
 * creator recognises it when revoking a lost laptop, or a plain default when the OS gives none.
 */
export function describeDevice(readHostname: () => string = hostname, platform: string = process.platform): DeviceInfo {
  let name = '';
  try {
    name = readHostname().trim();
  } catch {
    // Some sandboxes refuse the hostname; the default below still names the device.
  }
  // Drop a trailing ".local" / ".lan": the short name is what people call their computer.
  name = name.replace(/\.(local|lan|home)$/i, '').slice(0, 80);
  const platformName = PLATFORM_NAMES[platform] ?? platform;
  return {
    name: name.length > 0 ? name : `Cadence on ${platformName}`,
    platform: platformName.slice(0, 40) || 'unknown',
  };
}
