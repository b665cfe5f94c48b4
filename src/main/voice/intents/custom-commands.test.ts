import { describe, expect, it } from 'vitest';
import type { CustomCommand, VoiceLanguage } from '../../../shared/domain/voice';
import { normalizePhrase } from './normalize';
import { parseCommand } from './parse-command';

const custom = (phrase: string, intents: CustomCommand['intents'], language: VoiceLanguage = 'en'): CustomCommand => ({
  id: phrase,
  phrase: normalizePhrase(phrase),
  language,
  intents,
  origin: 'manual',
  createdAt: '2025-03-01T10:00:00Z',
});

const COMMANDS = [
  custom('ship it', [{ action: 'post.publish-now' }]),
  custom('morning routine', [
    { action: 'draft.create', topic: 'my morning routine', platform: 'linkedin' },
    { action: 'app.navigate', page: 'compose' },
  ]),
  custom('linkedin idea', [{ action: 'draft.create', topic: 'idea', platform: 'linkedin' }]),
  // A taught phrase wins over the grammar's reading of the same words.
  custom('open the calendar', [{ action: 'app.navigate', page: 'analytics' }]),
  custom('a la calle', [{ action: 'post.delete' }], 'es'),
];
const ctx = {
  now: new Date('2025-03-08T15:00:00Z'),
  timeZone: 'UTC',
  language: 'en' as const,
  customCommands: COMMANDS,
};

describe('custom commands', () => {
  it('match exactly after normalisation, with Whisper punctuation and fillers', () => {
    for (const text of ['ship it', 'Ship it!', 'Hey Cadence, um, ship it, please.', 'SHIP IT']) {
      expect(parseCommand(text, ctx)).toEqual({
        kind: 'understood',
        intents: [{ action: 'post.publish-now' }],
        by: 'custom',
        language: 'en',
      });
    }
  });

  it('run a macro in order and win over the grammar', () => {
    expect(parseCommand('Morning routine.', ctx)).toMatchObject({ by: 'custom', intents: COMMANDS[1]!.intents });
    expect(parseCommand('open the calendar', ctx)).toMatchObject({
      by: 'custom',
      intents: [{ action: 'app.navigate', page: 'analytics' }],
    });
  });

  it('take a topic after the phrase only when they draft a post', () => {
    expect(parseCommand('LinkedIn idea about coffee', ctx)).toMatchObject({
      by: 'custom',
      intents: [{ action: 'draft.create', topic: 'coffee', platform: 'linkedin' }],
    });
    expect(parseCommand('morning routine for runners', ctx)).toMatchObject({
      by: 'custom',
      intents: [
        { action: 'draft.create', topic: 'for runners' },
        { action: 'app.navigate', page: 'compose' },
      ],
    });
    // "ship it" is not a draft: no prefix match, and the grammar does not know the rest.
    expect(parseCommand('ship it to the archive', ctx).kind).toBe('not-understood');
  });

  it('match in their own language whatever the setting', () => {
    expect(parseCommand('¡A la calle!', ctx)).toMatchObject({
      by: 'custom',
      language: 'es',
      intents: [{ action: 'post.delete' }],
    });
  });
});
