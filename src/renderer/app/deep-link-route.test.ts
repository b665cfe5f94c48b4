import { describe, expect, it } from 'vitest';
import { deepLinkRoute } from './deep-link-route';

describe('deepLinkRoute', () => {
  it.each([
    ['dashboard', [], '/'],
    ['calendar', [], '/calendar'],
    ['compose', [], '/compose'],
    ['compose', ['3f2b8c1e-7a4d-4e6f-9b1a-2c3d4e5f6a7b'], '/compose/3f2b8c1e-7a4d-4e6f-9b1a-2c3d4e5f6a7b'],
    ['library', ['ignored'], '/library'],
  ])('cadence://%s/%s opens %s', (action, path, route) => {
    expect(deepLinkRoute(action, path)).toBe(route);
  });

  it('refuses links that name no page', () => {
    expect(deepLinkRoute('oauth', ['callback'])).toBeNull();
    expect(deepLinkRoute('../etc', [])).toBeNull();
  });
});
