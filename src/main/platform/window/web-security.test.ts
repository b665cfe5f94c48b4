import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isAllowedPermission, isAppUrl, isExternalWebUrl } from './web-security';

const rendererDir = join('/opt/Cadence/resources/app.asar/out/renderer');
const built = { rendererDir };
const dev = { rendererDir, devServerUrl: 'http://localhost:5173' };

describe('isAppUrl', () => {
  it('accepts the built renderer and its routes', () => {
    const index = pathToFileURL(join(rendererDir, 'index.html')).href;
    expect(isAppUrl(index, built)).toBe(true);
    expect(isAppUrl(`${index}#/posts?id=1`, built)).toBe(true);
  });

  it('refuses other files, sibling folders and other schemes in production', () => {
    for (const url of [
      pathToFileURL('/etc/passwd').href,
      pathToFileURL(`${rendererDir}-evil/index.html`).href,
      pathToFileURL(rendererDir).href,
      'file://attacker/share/index.html',
      'http://localhost:5173/',
      'about:blank',
      '',
    ]) {
      expect(isAppUrl(url, built)).toBe(false);
    }
  });

  it('in development accepts exactly the dev server origin', () => {
    expect(isAppUrl('http://localhost:5173/posts', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost.evil.com:5173/', dev)).toBe(false);
    expect(isAppUrl(pathToFileURL(join(rendererDir, 'index.html')).href, dev)).toBe(false);
  });
});

describe('isExternalWebUrl', () => {
  it('lets only plain http(s) pages out to the browser', () => {
    expect(isExternalWebUrl('https://help.cadence.app/a?b=c')).toBe(true);
    expect(isExternalWebUrl('http://example.com')).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'https://u:p@example.com',
      'x',
    ]) {
      expect(isExternalWebUrl(url)).toBe(false);
    }
  });
});

describe('contentSecurityPolicy', () => {
  it('is the strict policy in production', () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  it('allows what the Vite dev server needs only in development', () => {
    const policy = contentSecurityPolicy('http://localhost:5173');
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).toContain("connect-src 'self' ws://localhost:5173");
  });
});

describe('isAllowedPermission', () => {
  const origin = { rendererDir: '/opt/cadence/out/renderer' };
  const app = 'file:///opt/cadence/out/renderer/index.html';

  it('grants the app the microphone and copying, and nothing else', () => {
    expect(isAllowedPermission('clipboard-sanitized-write', app, origin)).toBe(true);
    expect(isAllowedPermission('media', app, origin, ['audio'])).toBe(true);
    expect(isAllowedPermission('media', app, origin, ['audio', 'video'])).toBe(false);
    expect(isAllowedPermission('media', app, origin, ['video'])).toBe(false);
    expect(isAllowedPermission('media', app, origin, [])).toBe(false);
    expect(isAllowedPermission('geolocation', app, origin)).toBe(false);
    expect(isAllowedPermission('notifications', app, origin)).toBe(false);
  });

  it('refuses pages that are not the app', () => {
    expect(isAllowedPermission('media', 'https://example.com/', origin, ['audio'])).toBe(false);
    expect(isAllowedPermission('media', 'file:///tmp/evil.html', origin, ['audio'])).toBe(false);
  });
});
