import { describe, expect, it } from 'vitest';
import { findDeepLink, parseDeepLink } from './deep-link';

describe('parseDeepLink', () => {
  it('splits action, path and query', () => {
    expect(parseDeepLink('cadence://oauth/callback?code=abc&state=x%20y')).toEqual({
      action: 'oauth',
      path: ['callback'],
      params: { code: 'abc', state: 'x y' },
    });
  });

  it('reads the host-less form the same way and lower-cases the action', () => {
    expect(parseDeepLink('cadence:Posts/p_123')).toEqual({ action: 'posts', path: ['p_123'], params: {} });
    expect(parseDeepLink('CADENCE://posts/p_123/')).toEqual({ action: 'posts', path: ['p_123'], params: {} });
  });

  it('rejects other schemes, empty links and credentials', () => {
    for (const raw of [
      'https://cadence.app/x',
      'javascript:alert(1)',
      'cadence://',
      'cadence://u:p@oauth/x',
      'not a url',
    ]) {
      expect(parseDeepLink(raw)).toBeNull();
    }
  });

  it('rejects odd path characters and absurd lengths', () => {
    expect(parseDeepLink('cadence://posts/..%2F..%2Fetc')).toBeNull();
    expect(parseDeepLink('cadence://posts/a%ZZ')).toBeNull();
    expect(parseDeepLink(`cadence://posts/${'a'.repeat(3000)}`)).toBeNull();
  });
});

describe('findDeepLink', () => {
  it('finds the link among launch arguments', () => {
    expect(findDeepLink(['/opt/Cadence/cadence', '--no-sandbox', 'cadence://posts/p_1'])).toBe('cadence://posts/p_1');
    expect(findDeepLink(['/opt/Cadence/cadence', '--flag'])).toBeUndefined();
  });
});
