import { describe, expect, it } from 'vitest';
import type { IdeaDraft } from '../../../shared/domain/studio';
import { slotsOfIdea } from './restore-idea';

const draft = (patch: Partial<IdeaDraft>): IdeaDraft => ({
  postId: '00000000-0000-4000-8000-000000000001',
  platform: 'x',
  variant: 'A',
  requestId: 'r1',
  status: 'done',
  body: '',
  warnings: [],
  error: null,
  suggestion: null,
  ...patch,
});

describe('restoring an idea’s cards', () => {
  it('names variants only where a platform has several, and keeps stream ids', () => {
    const slots = slotsOfIdea({
      drafts: [
        draft({ platform: 'x' }),
        draft({ platform: 'linkedin', variant: 'A', requestId: null, postId: '00000000-0000-4000-8000-000000000002' }),
        draft({ platform: 'linkedin', variant: 'B', requestId: 'r3' }),
      ],
    });
    expect(slots.map((s) => [s.label, s.requestId])).toEqual([
      ['Draft for X', 'r1'],
      ['Draft for LinkedIn (variant A)', 'restored:00000000-0000-4000-8000-000000000002'],
      ['Draft for LinkedIn (variant B)', 'r3'],
    ]);
  });
});
