import { describe, expect, it } from 'vitest';
import { describeIntent, describeIntents, describeTimings, statusLabel } from './intent-text';

describe('intent text', () => {
  it('says what each intent means in plain words', () => {
    expect(describeIntent({ action: 'draft.create', topic: 'morning routines', platform: 'linkedin' })).toBe(
      'Write a LinkedIn post about morning routines',
    );
    expect(describeIntent({ action: 'draft.create', topic: 'coffee', platform: null })).toBe(
      'Write a post about coffee',
    );
    expect(describeIntent({ action: 'app.navigate', page: 'brand-voice' })).toBe('Open Brand voice');
    expect(describeIntent({ action: 'post.publish-now' })).toBe('Publish the post now');
    expect(describeIntent({ action: 'voice.answer', answer: 'no' })).toBe('Answer no');
    expect(
      describeIntent({ action: 'post.schedule', at: '2026-03-02T09:00:00+00:00', spoken: 'tomorrow at 9' }, 'UTC'),
    ).toContain('“tomorrow at 9”');
  });

  it('joins a macro and says when nothing was understood', () => {
    expect(describeIntents([])).toBe('Not understood');
    expect(describeIntents([{ action: 'draft.shorten' }, { action: 'draft.read-back' }])).toBe(
      'Make the post shorter, then Read the post back',
    );
  });

  it('labels outcomes and leaves out stages that did not run', () => {
    expect(statusLabel('awaiting-confirmation')).toBe('Waiting for your yes or no');
    expect(describeTimings({ transcribeMs: 412.4, understandMs: 2.6, actMs: null })).toBe(
      'transcribe 412 ms · understand 3 ms',
    );
    expect(describeTimings({ transcribeMs: null, understandMs: null, actMs: null })).toBe('');
  });
});
