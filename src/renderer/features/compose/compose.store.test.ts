import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ContractError } from '../../../shared/contract/errors';
import type { Post } from '../../../shared/domain/post';
import type { DraftContent } from './draft';

const calls: { create: DraftContent[]; update: { id: string; version: number; content: DraftContent }[] } = {
  create: [],
  update: [],
};
let serverVersion = 0;
let failNext: ContractError[] = [];

function post(content: Partial<DraftContent>, version: number): Post {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    title: '',
    body: '',
    tags: [],
    platforms: [],
    status: 'draft',
    scheduledAt: null,
    ...content,
    createdAt: '2026-11-25T10:00:00.000Z',
    updatedAt: '2026-11-25T10:00:00.000Z',
    version,
    deletedAt: null,
  };
}

let stored: Post = post({}, 1);

vi.mock('./queries', () => ({
  getProfile: async () => null,
  getPost: async () => stored,
  createPost: async (content: DraftContent) => {
    calls.create.push(content);
    serverVersion = 1;
    stored = post(content, 1);
    return stored;
  },
  updatePost: async (id: string, version: number, content: DraftContent) => {
    calls.update.push({ id, version, content });
    const error = failNext.shift();
    if (error) throw error;
    if (version !== serverVersion) throw new ContractError('CONFLICT', 'changed', { currentVersion: serverVersion });
    serverVersion += 1;
    stored = post(content, serverVersion);
    return stored;
  },
}));

class MemoryStorage {
  private map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  get length() {
    return this.map.size;
  }
}

const { useCompose } = await import('./compose.store');
const state = () => useCompose.getState();

beforeEach(async () => {
  vi.useFakeTimers();
  vi.stubGlobal('localStorage', new MemoryStorage());
  calls.create = [];
  calls.update = [];
  failNext = [];
  serverVersion = 0;
  await state().openNew();
});

describe('compose autosave', () => {
  it('creates on the first keystroke, then saves later edits once after the debounce', async () => {
    state().edit({ body: 'H' });
    state().edit({ body: 'He' });
    state().edit({ body: 'Hey' });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.create).toHaveLength(1);
    expect(state().postId).not.toBeNull();
    await vi.advanceTimersByTimeAsync(700);
    expect(calls.update).toHaveLength(1);
    expect(calls.update[0]).toMatchObject({ version: 1, content: { body: 'Hey' } });
    expect(state().save.status).toBe('saved');
    expect(localStorage.length).toBe(0);
  });

  it('keeps the text locally and retries when a save fails', async () => {
    state().edit({ body: 'a' });
    await vi.advanceTimersByTimeAsync(0);
    failNext = [new ContractError('UNAVAILABLE', 'host down')];
    state().edit({ body: 'ab' });
    await vi.advanceTimersByTimeAsync(700);
    expect(state().save.status).toBe('retrying');
    expect(localStorage.getItem(`cadence.compose.pending.${state().postId}`)).toContain('"ab"');
    await vi.advanceTimersByTimeAsync(1_100);
    expect(state().save.status).toBe('saved');
    expect(stored.body).toBe('ab');
    expect(localStorage.length).toBe(0);
  });

  it('stops on a conflict until the user keeps their version', async () => {
    state().edit({ body: 'mine' });
    await vi.advanceTimersByTimeAsync(0);
    serverVersion = 5; // someone else saved four times
    state().edit({ body: 'mine!' });
    await vi.advanceTimersByTimeAsync(700);
    expect(state().save).toMatchObject({ status: 'conflict', conflictVersion: 5 });
    state().edit({ body: 'mine!!' });
    await vi.advanceTimersByTimeAsync(700);
    expect(calls.update).toHaveLength(1);
    await state().resolveConflict('overwrite');
    expect(calls.update.at(-1)).toMatchObject({ version: 5, content: { body: 'mine!!' } });
    expect(state().save.status).toBe('saved');
  });

  it('brings back unsaved text for a post and saves it', async () => {
    stored = post({ body: 'saved text' }, 3);
    serverVersion = 3;
    const draft = {
      title: '',
      body: 'saved text and more',
      tagsText: '',
      platforms: [],
      status: 'draft',
      scheduledAt: null,
    };
    localStorage.setItem(
      `cadence.compose.pending.${stored.id}`,
      JSON.stringify({ postId: stored.id, baseVersion: 3, draft, updatedAt: '' }),
    );
    await state().openPost(stored.id);
    expect(state().recovered).toBe(true);
    expect(state().draft.body).toBe('saved text and more');
    await vi.advanceTimersByTimeAsync(10);
    expect(stored.body).toBe('saved text and more');
    expect(state().save.status).toBe('saved');
  });
});
