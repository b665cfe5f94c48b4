import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ContractError } from '../../../shared/contract/errors';
import type { Post } from '../../../shared/domain/post';
import type { DraftContent } from '../compose/draft';
import type { DraftSlot } from './draft-slots';

const POST_ID = '00000000-0000-4000-8000-000000000001';
let stored: Post;
const updates: { version: number; body: string }[] = [];

function post(body: string, version: number): Post {
  return {
    id: POST_ID,
    title: '',
    body,
    tags: [],
    platforms: ['x'],
    status: 'draft',
    scheduledAt: null,
    createdAt: '2026-11-25T10:00:00.000Z',
    updatedAt: '2026-11-25T10:00:00.000Z',
    version,
    deletedAt: null,
  };
}

vi.mock('./studio-queries', () => ({ getPost: async () => stored }));
vi.mock('../compose/queries', () => ({
  createPost: async () => stored,
  updatePost: async (_id: string, version: number, content: DraftContent) => {
    updates.push({ version, body: content.body });
    if (version !== stored.version) throw new ContractError('CONFLICT', 'changed', { currentVersion: stored.version });
    stored = post(content.body, version + 1);
    return stored;
  },
}));

class MemoryStorage {
  private map = new Map<string, string>();
  getItem = (key: string) => this.map.get(key) ?? null;
  setItem = (key: string, value: string) => void this.map.set(key, value);
  removeItem = (key: string) => void this.map.delete(key);
}
vi.stubGlobal('localStorage', new MemoryStorage());

const { createDraftCard } = await import('./draft-card.store');

const slot: DraftSlot = {
  key: 'x:A',
  platform: 'x',
  variant: 'A',
  variantLabel: null,
  label: 'Draft for X',
  requestId: 'r1',
};
const done = (text: string, saved: boolean) =>
  ({ ideaId: 'i', postId: POST_ID, requestId: 'r1', status: 'done', text, saved }) as const;

describe('a draft card', () => {
  beforeEach(() => {
    stored = post('', 1);
    updates.length = 0;
  });

  it('streams into the card and shows the shaped text the core saved', async () => {
    const card = createDraftCard(slot, 'UTC');
    card.getState().token('\nOnce');
    await card.getState().attachPost(POST_ID);
    card.getState().token(' upon');
    expect(card.getState().draft.body).toBe('Once upon');
    stored = post('1/2 Once\n---\n2/2 upon', 2);
    await card.getState().progress(done('1/2 Once\n---\n2/2 upon', true));
    expect(card.getState()).toMatchObject({
      draft: { body: '1/2 Once\n---\n2/2 upon' },
      version: 2,
      shapedOffer: null,
      generation: 'done',
    });
    expect(updates).toEqual([]);
  });

  it('keeps the creator’s edits, saves them with the version, and offers the shaping', async () => {
    const card = createDraftCard(slot, 'UTC');
    await card.getState().attachPost(POST_ID);
    card.getState().token('Once upon');
    card.getState().edit({ body: 'Twice upon' });
    card.getState().token(' a time');
    expect(card.getState().draft.body).toBe('Twice upon a time');
    await card.getState().flush();
    expect(updates).toEqual([{ version: 1, body: 'Twice upon a time' }]);

    await card.getState().progress(done('Shaped text', false));
    expect(card.getState()).toMatchObject({ draft: { body: 'Twice upon a time' }, shapedOffer: 'Shaped text' });
    card.getState().applyShaping();
    await card.getState().flush();
    expect(updates.at(-1)).toEqual({ version: 2, body: 'Shaped text' });
    expect(card.getState().shapedOffer).toBeNull();
  });

  it('keeps the creator’s text when the core saved its own just before their first save', async () => {
    const card = createDraftCard(slot, 'UTC');
    await card.getState().attachPost(POST_ID);
    card.getState().token('raw');
    card.getState().edit({ body: 'mine' });
    stored = post('Shaped', 2);
    await card.getState().progress(done('Shaped', true));
    expect(updates).toEqual([
      { version: 1, body: 'mine' },
      { version: 2, body: 'mine' },
    ]);
    expect(card.getState()).toMatchObject({ draft: { body: 'mine' }, shapedOffer: 'Shaped', version: 3 });
  });

  it('shows why a draft failed', async () => {
    const card = createDraftCard(slot, 'UTC');
    await card
      .getState()
      .progress({ ideaId: 'i', postId: POST_ID, requestId: 'r1', status: 'failed', error: 'No model' });
    expect(card.getState()).toMatchObject({ generation: 'failed', error: 'No model' });
  });
});
