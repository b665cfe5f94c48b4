import { describe, expect, it } from 'vitest';
import { VOICE_PAGES } from '../../../shared/domain/voice';
import { NAV_ITEMS } from '../../app/navigation';
import { commandContextOf, routeAfterCommand, VOICE_PAGE_ROUTES } from './voice-routes';

const command = (
  over: Partial<Parameters<typeof routeAfterCommand>[0]> & {
    postId?: string | null;
    navigateTo?: (typeof VOICE_PAGES)[number] | null;
  },
) => ({
  intents: over.intents ?? [],
  status: over.status ?? 'done',
  result: { postId: over.postId ?? null, navigateTo: over.navigateTo ?? null },
});

describe('voice routes', () => {
  it('maps every voice page to a route the navigation has', () => {
    const routes = new Set(NAV_ITEMS.map((item) => item.to));
    for (const page of VOICE_PAGES) expect(routes, page).toContain(VOICE_PAGE_ROUTES[page]);
  });

  it('goes where the command says, to a new draft in Compose, or nowhere', () => {
    expect(routeAfterCommand(command({ navigateTo: 'calendar' }))).toBe('/calendar');
    expect(routeAfterCommand(command({ navigateTo: 'compose', postId: 'p 1' }))).toBe('/compose/p%201');
    expect(routeAfterCommand(command({ intents: [{ action: 'draft.create' }], postId: 'p1' }))).toBe('/compose/p1');
    expect(
      routeAfterCommand(command({ intents: [{ action: 'draft.create' }], postId: 'p1', status: 'failed' })),
    ).toBeNull();
    expect(routeAfterCommand(command({ intents: [{ action: 'draft.shorten' }], postId: 'p1' }))).toBeNull();
    expect(routeAfterCommand(command({}))).toBeNull();
  });

  it('takes the open post and the page from the path', () => {
    expect(commandContextOf('/compose/abc')).toEqual({ postId: 'abc', page: 'compose' });
    expect(commandContextOf('/compose')).toEqual({ postId: null, page: 'compose' });
    expect(commandContextOf('/analytics/posts')).toEqual({ postId: null, page: 'analytics' });
    expect(commandContextOf('/voice')).toEqual({ postId: null, page: 'brand-voice' });
    expect(commandContextOf('/')).toEqual({ postId: null, page: 'dashboard' });
    expect(commandContextOf('/nowhere')).toEqual({ postId: null, page: null });
  });
});
