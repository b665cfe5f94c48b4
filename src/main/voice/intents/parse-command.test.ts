import { describe, expect, it } from 'vitest';
import {
  voiceIntentSchema,
  type VoiceAction,
  type VoiceIntent,
  type VoiceLanguage,
} from '../../../shared/domain/voice';
import { ACTION_EXAMPLES } from './action-examples';
import { detectLanguage } from './language';
import { parseCommand, type CommandContext } from './parse-command';

// Saturday 8 March 2025, 10:00 in New York (the night before clocks go forward).
const NOW = new Date('2025-03-08T15:00:00Z');
const ctx = (language: VoiceLanguage = 'en'): CommandContext => ({
  now: NOW,
  timeZone: 'America/New_York',
  language,
  customCommands: [],
});

type Expected = Partial<VoiceIntent> & { action: VoiceAction };
const U = (action: VoiceAction, rest: Record<string, unknown> = {}): Expected => ({ action, ...rest }) as Expected;

/** [utterance, expected intent (fields checked), language setting] — Whisper-style and pocketsphinx-style mixed. */
const UNDERSTOOD: Array<[string, Expected, VoiceLanguage?]> = [
  // draft.create
  [
    'Hey Cadence, um, create a LinkedIn post about morning routines, please.',
    U('draft.create', { topic: 'morning routines', platform: 'linkedin' }),
  ],
  [
    'create a linked in post about morning routines',
    U('draft.create', { topic: 'morning routines', platform: 'linkedin' }),
  ],
  ['New post about coffee for LinkedIn.', U('draft.create', { topic: 'coffee', platform: 'linkedin' })],
  ['new post about coffee for linkedin', U('draft.create', { topic: 'coffee', platform: 'linkedin' })],
  ['Write a post about AI ethics for Twitter.', U('draft.create', { topic: 'AI ethics', platform: 'x' })],
  ['write a thread about remote work', U('draft.create', { topic: 'remote work', platform: null })],
  ['Draft a tweet about coffee.', U('draft.create', { topic: 'coffee', platform: 'x' })],
  [
    'an instagram post about my trip to Lisbon',
    U('draft.create', { topic: 'my trip to Lisbon', platform: 'instagram' }),
  ],
  ['insta post about sunsets', U('draft.create', { topic: 'sunsets', platform: 'instagram' })],
  ['make a blue sky post about open source', U('draft.create', { topic: 'open source', platform: 'bluesky' })],
  ['new draft on pricing for Mastodon', U('draft.create', { topic: 'pricing', platform: 'mastodon' })],
  ['create a post on linkedin about hiring', U('draft.create', { topic: 'hiring', platform: 'linkedin' })],
  ['post about my new podcast episode', U('draft.create', { topic: 'my new podcast episode', platform: null })],
  ['write about burnout on tik tok', U('draft.create', { topic: 'burnout', platform: 'tiktok' })],
  [
    'Can you write a Facebook post about the bake sale?',
    U('draft.create', { topic: 'the bake sale', platform: 'facebook' }),
  ],
  ['start a new thread about leadership for threads', U('draft.create', { topic: 'leadership', platform: 'threads' })],
  [
    'Crea un post de LinkedIn sobre rutinas de mañana.',
    U('draft.create', { topic: 'rutinas de mañana', platform: 'linkedin' }),
    'es',
  ],
  ['nueva publicación sobre café para Instagram', U('draft.create', { topic: 'café', platform: 'instagram' }), 'es'],
  ['escribe un hilo sobre trabajo remoto', U('draft.create', { topic: 'trabajo remoto', platform: null }), 'es'],
  ['hazme un tuit sobre el lunes', U('draft.create', { topic: 'el lunes', platform: 'x' }), 'es'],
  [
    'redacta una publicación para linked in sobre liderazgo',
    U('draft.create', { topic: 'liderazgo', platform: 'linkedin' }),
    'es',
  ],
  ['un post de twitter acerca de productividad', U('draft.create', { topic: 'productividad', platform: 'x' }), 'es'],
  // draft.shorten
  ['Make it shorter.', U('draft.shorten')],
  ['make it a bit shorter', U('draft.shorten')],
  ['shorten it', U('draft.shorten')],
  ['Um, make this more concise, please.', U('draft.shorten')],
  ["It's too long.", U('draft.shorten')],
  ['Hazlo más corto.', U('draft.shorten'), 'es'],
  ['acórtalo un poco', U('draft.shorten'), 'es'],
  ['resúmelo', U('draft.shorten'), 'es'],
  // draft.read-back
  ['Read it back.', U('draft.read-back')],
  ['read it to me', U('draft.read-back')],
  ['what does it say', U('draft.read-back')],
  ['Léelo.', U('draft.read-back'), 'es'],
  ['léemelo en voz alta', U('draft.read-back'), 'es'],
  // post.schedule
  ['Schedule it tomorrow at 9.', U('post.schedule', { at: '2025-03-09T09:00:00-04:00', spoken: 'tomorrow at 9' })],
  ['schedule it tomorrow at nine', U('post.schedule', { at: '2025-03-09T09:00:00-04:00' })],
  ['Schedule it next Monday at 3 p.m.', U('post.schedule', { at: '2025-03-10T15:00:00-04:00' })],
  ['schedule it in two hours', U('post.schedule', { at: '2025-03-08T12:00:00-05:00' })],
  ['schedule this post for friday at 10:30 am', U('post.schedule', { at: '2025-03-14T10:30:00-04:00' })],
  ['post it tomorrow at noon', U('post.schedule', { at: '2025-03-09T12:00:00-04:00' })],
  ['publish it tonight at 8', U('post.schedule', { at: '2025-03-08T20:00:00-05:00' })],
  ['schedule it at 9', U('post.schedule', { at: '2025-03-08T21:00:00-05:00' })],
  ['queue it for monday at three', U('post.schedule', { at: '2025-03-10T15:00:00-04:00' })],
  [
    'Prográmalo para mañana a las 9.',
    U('post.schedule', { at: '2025-03-09T09:00:00-04:00', spoken: 'para mañana a las 9' }),
    'es',
  ],
  ['prográmalo el próximo lunes a las 3 de la tarde', U('post.schedule', { at: '2025-03-10T15:00:00-04:00' }), 'es'],
  ['programalo dentro de dos horas', U('post.schedule', { at: '2025-03-08T12:00:00-05:00' }), 'es'],
  ['publícalo mañana a las nueve y media', U('post.schedule', { at: '2025-03-09T09:30:00-04:00' }), 'es'],
  ['agéndalo el lunes que viene a las 15', U('post.schedule', { at: '2025-03-10T15:00:00-04:00' }), 'es'],
  // post.publish-now
  ['Post it now.', U('post.publish-now')],
  ['post it now', U('post.publish-now')],
  ['Publish it.', U('post.publish-now')],
  ['publish it right now', U('post.publish-now')],
  ['go live', U('post.publish-now')],
  ['Okay Cadence, post this now.', U('post.publish-now')],
  ['Publícalo ahora.', U('post.publish-now'), 'es'],
  ['publicalo', U('post.publish-now'), 'es'],
  ['publica la publicación ya', U('post.publish-now'), 'es'],
  // post.delete
  ['Delete it.', U('post.delete')],
  ['delete the draft', U('post.delete')],
  ['get rid of this post', U('post.delete')],
  ['Bórralo.', U('post.delete'), 'es'],
  ['elimina el borrador', U('post.delete'), 'es'],
  // analytics.last-post
  ['What did my last post do?', U('analytics.last-post')],
  ['how did my last post perform', U('analytics.last-post')],
  ["How's my latest post doing?", U('analytics.last-post')],
  ['stats for my last post', U('analytics.last-post')],
  ['¿Cómo le fue a mi última publicación?', U('analytics.last-post'), 'es'],
  ['qué tal mi último post', U('analytics.last-post'), 'es'],
  ['estadísticas de mi última publicación', U('analytics.last-post'), 'es'],
  // coach.goal-status
  ['How am I doing on my goal?', U('coach.goal-status')],
  ['how am i doing on my goal', U('coach.goal-status')],
  ['am I on track', U('coach.goal-status')],
  ["How's my goal going?", U('coach.goal-status')],
  ['¿Cómo voy con mi meta?', U('coach.goal-status'), 'es'],
  ['como va mi objetivo', U('coach.goal-status'), 'es'],
  // app.navigate
  ['Open the calendar.', U('app.navigate', { page: 'calendar' })],
  ['open the calendar', U('app.navigate', { page: 'calendar' })],
  ['go to analytics', U('app.navigate', { page: 'analytics' })],
  ['show me my drafts', U('app.navigate', { page: 'library' })],
  ['take me to the dashboard', U('app.navigate', { page: 'dashboard' })],
  ['open compose', U('app.navigate', { page: 'compose' })],
  ['open the studio', U('app.navigate', { page: 'studio' })],
  ['go to bulk', U('app.navigate', { page: 'bulk' })],
  ['open templates', U('app.navigate', { page: 'templates' })],
  ['open brand voice', U('app.navigate', { page: 'brand-voice' })],
  ['open the coach', U('app.navigate', { page: 'coach' })],
  ['show connected accounts', U('app.navigate', { page: 'accounts' })],
  ['open AI settings', U('app.navigate', { page: 'ai' })],
  ['Open settings.', U('app.navigate', { page: 'settings' })],
  ['open diagnostics', U('app.navigate', { page: 'diagnostics' })],
  ['open the talk page', U('app.navigate', { page: 'talk' })],
  ['calendar', U('app.navigate', { page: 'calendar' })],
  ['Abre el calendario.', U('app.navigate', { page: 'calendar' }), 'es'],
  ['ve a estadísticas', U('app.navigate', { page: 'analytics' }), 'es'],
  ['llévame a los ajustes', U('app.navigate', { page: 'settings' }), 'es'],
  ['abre la página de plantillas', U('app.navigate', { page: 'templates' }), 'es'],
  ['muéstrame mis borradores', U('app.navigate', { page: 'library' }), 'es'],
  ['abre el inicio', U('app.navigate', { page: 'dashboard' }), 'es'],
  // voice.help
  ['Help.', U('voice.help')],
  ['What can I say?', U('voice.help')],
  ['what can you do', U('voice.help')],
  ['¿Qué puedo decir?', U('voice.help'), 'es'],
  ['ayuda', U('voice.help'), 'es'],
  // voice.answer
  ['Yes.', U('voice.answer', { answer: 'yes' })],
  ['yeah go ahead', U('voice.answer', { answer: 'yes' })],
  ['Yes, please.', U('voice.answer', { answer: 'yes' })],
  ['okay', U('voice.answer', { answer: 'yes' })],
  ['No.', U('voice.answer', { answer: 'no' })],
  ['cancel', U('voice.answer', { answer: 'no' })],
  ['never mind', U('voice.answer', { answer: 'no' })],
  ['Sí.', U('voice.answer', { answer: 'yes' }), 'es'],
  ['vale', U('voice.answer', { answer: 'yes' }), 'es'],
  ['claro', U('voice.answer', { answer: 'yes' }), 'es'],
  ['Cancela.', U('voice.answer', { answer: 'no' }), 'es'],
  ['no gracias', U('voice.answer', { answer: 'no' }), 'es'],
  // Spanish words said with the setting on English: the language switches.
  ['abre el calendario', U('app.navigate', { page: 'calendar' }), 'en'],
  ['hazlo más corto', U('draft.shorten'), 'en'],
];

/** [utterance, language, a word one of the suggestions must contain]. */
const NOT_UNDERSTOOD: Array<[string, VoiceLanguage, string]> = [
  ['schedule it', 'en', 'schedule'],
  ['schedule it tomorrow', 'en', 'schedule'],
  ['schedule it yesterday at 9', 'en', 'schedule'],
  ['schedule it today at 8 am', 'en', 'schedule'],
  ['schedule it tomorrow at 9 for the cat', 'en', 'schedule'],
  ['new post', 'en', 'post'],
  ['create a linkedin post', 'en', 'post'],
  ['a post on linkedin', 'en', 'post'],
  ['write a post about', 'en', 'post'],
  ['open the fridge', 'en', 'open'],
  ['go to the moon', 'en', 'open'],
  ['make it longer', 'en', 'shorter'],
  ['delete everything', 'en', 'delete'],
  ['how did my first post do', 'en', 'last post'],
  ['what is the weather like', 'en', 'what'],
  ['banana', 'en', 'what can I say'],
  ['', 'en', 'what can I say'],
  ['um', 'en', 'what can I say'],
  ['post it on linkedin', 'en', 'post'],
  ['programa la publicación', 'es', 'prográmalo'],
  ['prográmalo para ayer a las 9', 'es', 'prográmalo'],
  ['crea un post', 'es', 'post'],
  ['abre la nevera', 'es', 'abre'],
  ['hazlo más largo', 'es', 'corto'],
  ['qué tiempo hace', 'es', 'qué'],
  ['borra todo', 'es', 'bór'],
];

describe('parseCommand: understood', () => {
  it.each(UNDERSTOOD.map(([text, expected, language]) => ({ text, expected, language: language ?? 'en' })))(
    '$text',
    ({ text, expected, language }) => {
      const result = parseCommand(text, ctx(language));
      expect(result.kind).toBe('understood');
      if (result.kind !== 'understood') return;
      expect(result.by).toBe('grammar');
      expect(result.intents).toHaveLength(1);
      expect(result.intents[0]).toMatchObject(expected);
      expect(voiceIntentSchema.safeParse(result.intents[0]).success).toBe(true);
    },
  );
});

describe('parseCommand: not understood', () => {
  const cases = NOT_UNDERSTOOD;
  it.each(cases.map(([text, language, hint]) => ({ text, language, hint })))('$text', ({ text, language, hint }) => {
    const result = parseCommand(text, ctx(language));
    expect(result).toMatchObject({ kind: 'not-understood' });
    expect('intents' in result).toBe(false);
    if (result.kind !== 'not-understood') return;
    expect(result.suggestions.length).toBeGreaterThanOrEqual(1);
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
    expect(result.suggestions.join(' | ').toLowerCase()).toContain(hint.toLowerCase());
    // Suggestions are phrasings the grammar understands, in the utterance's language.
    for (const suggestion of result.suggestions)
      expect(parseCommand(suggestion, ctx(language)).kind).toBe('understood');
  });

  it('has at least 100 understood and 20 not-understood phrasings', () => {
    expect(UNDERSTOOD.length).toBeGreaterThanOrEqual(100);
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });
});

describe('ACTION_EXAMPLES', () => {
  for (const [action, byLanguage] of Object.entries(ACTION_EXAMPLES)) {
    for (const [language, phrasings] of Object.entries(byLanguage) as Array<[VoiceLanguage, string[]]>) {
      it(`${action} (${language}) examples parse to ${action}`, () => {
        expect(phrasings.length).toBeGreaterThan(0);
        for (const phrasing of phrasings) {
          const result = parseCommand(phrasing, ctx(language));
          expect(result, phrasing).toMatchObject({ kind: 'understood', language });
          if (result.kind === 'understood') expect(result.intents[0]!.action, phrasing).toBe(action);
        }
      });
    }
  }
});

describe('detectLanguage', () => {
  it.each([
    ['Crea un post de LinkedIn sobre rutinas de mañana', 'es'],
    ['prográmalo para mañana a las 9', 'es'],
    ['sí', 'es'],
    ['create a LinkedIn post about morning routines', 'en'],
    ['schedule it tomorrow at nine', 'en'],
    ['no', null],
    ['ok', null],
    ['LinkedIn', null],
  ] as const)('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});
