import { describe, expect, it } from 'vitest';
import { voiceIntentSchema } from '../../../shared/domain/voice';
import { buildIntent, buildIntents, draftOf, EMPTY_DRAFT, toIsoWithOffset } from './intent-form';

describe('intent form', () => {
  it('builds intents the contract accepts', () => {
    const cases = [
      { ...EMPTY_DRAFT, topic: '  morning routines ', platform: 'linkedin' as const },
      { ...EMPTY_DRAFT, action: 'post.schedule' as const, at: '2026-03-02T09:30' },
      { ...EMPTY_DRAFT, action: 'app.navigate' as const, page: 'calendar' as const },
      { ...EMPTY_DRAFT, action: 'voice.answer' as const, answer: 'no' as const },
      { ...EMPTY_DRAFT, action: 'post.publish-now' as const },
    ];
    for (const draft of cases) {
      const built = buildIntent(draft);
      if ('error' in built) throw new Error(built.error);
      expect(voiceIntentSchema.safeParse(built.intent).success, draft.action).toBe(true);
    }
    expect(buildIntent(cases[0]!)).toEqual({
      intent: { action: 'draft.create', topic: 'morning routines', platform: 'linkedin' },
    });
  });

  it('says what is missing, per step', () => {
    expect(buildIntent(EMPTY_DRAFT)).toEqual({ error: 'Say what the post is about' });
    expect(buildIntent({ ...EMPTY_DRAFT, action: 'post.schedule' })).toEqual({ error: 'Choose a date and time' });
    expect(buildIntents([{ ...EMPTY_DRAFT, action: 'draft.shorten' }, EMPTY_DRAFT])).toEqual({
      error: 'Step 2: Say what the post is about',
    });
  });

  it('round-trips an understood intent into the editor', () => {
    expect(draftOf({ action: 'draft.create', topic: 'coffee', platform: null })).toMatchObject({
      topic: 'coffee',
      platform: '',
    });
    expect(draftOf({ action: 'app.navigate', page: 'coach' }).page).toBe('coach');
    const at = toIsoWithOffset(new Date(2026, 2, 2, 9, 30));
    expect(at).toMatch(/^2026-03-02T09:30:00[+-]\d\d:\d\d$/);
    expect(draftOf({ action: 'post.schedule', at, spoken: '' }).at).toBe('2026-03-02T09:30');
  });
});
