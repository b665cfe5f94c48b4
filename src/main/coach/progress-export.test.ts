import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import {
  addAccount,
  addFollowerDays,
  addPublication,
  invokeOk,
  profileOf,
  saveProfileAt,
} from './coach.fixtures.test-support';

let t: TestCore;
afterEach(() => t.dispose());

describe('coach:export-progress', () => {
  it('summarises the goal without secrets or post text', async () => {
    t = await createTestCore({ now: '2026-11-25T10:00:00.000Z' });
    await saveProfileAt(t, '2026-11-01T09:00:00.000Z', profileOf());
    await t.core.ports.secrets.set('openai', 'sk-test-SECRET-123');
    const acc = await addAccount(t, { handle: 'rosa-private-handle' });
    await addFollowerDays(t, acc, [
      { date: '2026-11-01', followers: 1000 },
      { date: '2026-11-25', followers: 1200 },
    ]);
    await addPublication(t, {
      publishedAt: '2026-11-24T10:00:00.000Z',
      accountId: acc,
      reach: 100,
      likes: 5,
      title: 'Crumb shot',
    });
    await t.core.database.db.updateTable('posts').set({ body: 'SECRET BODY TEXT' }).execute();

    const { fileName, mimeType, content } = await invokeOk(t, 'coach:export-progress', {});
    expect(fileName).toBe('cadence-progress-2026-11-25.md');
    expect(mimeType).toBe('text/markdown');
    expect(content).toContain('Followers: 1,200 of 2,000 (20 % of the way)');
    expect(content).toContain('## Milestones');
    expect(content).toContain('Cadence streak');
    expect(content).toContain('| 2026-11-23 | 1 | 5.00 % |');
    for (const secret of ['sk-test-SECRET-123', 'SECRET BODY TEXT', 'rosa-private-handle', 'Rosa'])
      expect(content).not.toContain(secret);
  });
});
