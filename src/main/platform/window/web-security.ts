import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the app's own renderer lives: the dev server (development) or the built files. */
export interface AppOrigin {
  /** electron-vite's dev server; only honoured in unpackaged builds. */
  devServerUrl?: string;
  /** Folder of the built renderer (out/renderer), loaded over file://. */
  rendererDir: string;
}

/**
 * True when a URL is the app's own renderer. Used for IPC sender checks and navigation, so a page
 * that is not Cadence (a redirect, an injected frame) never reaches the core.
 */
export function isAppUrl(url: string, origin: AppOrigin): boolean {
  const parsed = safeUrl(url);
  if (!parsed) return false;
  if (origin.devServerUrl) {
    const dev = safeUrl(origin.devServerUrl);
    return dev !== undefined && parsed.origin === dev.origin;
  }
  if (parsed.protocol !== 'file:') return false;
  let path: string;
  try {
    path = fileURLToPath(parsed);
  } catch {
    return false; // file://host/... URLs and other oddities
  }
  const inside = relative(origin.rendererDir, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/** Only plain web pages go to the user's browser: no file:, javascript:, custom schemes or credentials. */
export function isExternalWebUrl(url: string): boolean {
  const parsed = safeUrl(url);
  return (
    parsed !== undefined &&
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * The renderer's Content-Security-Policy. Development adds what Vite's dev server needs (the
 * React refresh preamble is an inline script; HMR uses a WebSocket); production gets none of it.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const dev = devServerUrl ? safeUrl(devServerUrl) : undefined;
  const socket = dev ? ` ${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${dev ? " 'unsafe-inline'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // Spoken replies play from WAV bytes held in memory; the AudioWorklet module is a script from 'self'.
    "media-src 'self' blob:",
    `connect-src 'self'${socket}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** What the app's pages may use: copying text (Compose, Diagnostics) and the microphone (hold-to-talk). */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write', 'media']);

/**
 * Only the app itself gets a permission, and of media only the microphone: Cadence never asks for
 * the camera or the screen.
 */
export function isAllowedPermission(
  permission: string,
  requestingUrl: string,
  origin: AppOrigin,
  mediaTypes: readonly string[] = [],
): boolean {
  if (!isAppUrl(requestingUrl, origin) || !ALLOWED_PERMISSIONS.has(permission)) return false;
  if (permission === 'media') return mediaTypes.length > 0 && mediaTypes.every((type) => type === 'audio');
  return true;
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
