import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDictionaryWords } from './dictionary';
import { commandJsgf } from './jsgf';
import { parseCommand } from './parse-command';
import { DEFAULT_TOPIC_WORDS } from './topic-words';

const run = promisify(execFile);
const DICT = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';
let dir = '';
let grammarPath = '';
let words = new Set<string>();

/** Speaks `text` with espeak-ng (US voice, as the acoustic model is US English), 16 kHz mono, and recognises it. */
async function recognise(text: string): Promise<string> {
  const raw = join(dir, 'raw.wav');
  const wav = join(dir, 'speech.wav');
  await run('espeak-ng', ['-v', 'en-us', '-w', raw, text]);
  // -R: the same dither every run, so the recognizer hears the same audio.
  await run('sox', ['-R', raw, '-r', '16000', '-c', '1', '-b', '16', wav]);
  const { stdout } = await run('pocketsphinx_continuous', ['-infile', wav, '-jsgf', grammarPath], { timeout: 60_000 });
  return stdout.trim().split('\n').at(-1)?.trim() ?? '';
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cadence-jsgf-'));
  words = await loadDictionaryWords(DICT);
  // The creator's words (some missing from cmudict: they must be left out) plus the default list.
  const topicWords = ['routines', 'bluesky', 'tiktok', 'sourdough', 'Kubernetes', ...DEFAULT_TOPIC_WORDS];
  grammarPath = join(dir, 'commands.gram');
  await writeFile(grammarPath, commandJsgf('en', { topicWords, isKnownWord: (w) => words.has(w) }));
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('commandJsgf', () => {
  it('writes only dictionary words, with platforms as spoken and the topic words', () => {
    const grammar = commandJsgf('en', { topicWords: ['coffee', 'bluesky', 'ai'], isKnownWord: (w) => words.has(w) });
    expect(grammar.startsWith('#JSGF V1.0;')).toBe(true);
    expect(grammar).toContain('linked in');
    expect(grammar).toContain('blue sky');
    expect(grammar).toMatch(/<topic-word> = coffee;/);
    const literals = grammar
      .split('\n')
      .filter((l) => l.startsWith('<') || l.startsWith('public'))
      .flatMap((l) =>
        l
          .slice(l.indexOf('=') + 1)
          .replace(/[;[\]()|+]/g, ' ')
          .split(/\s+/),
      )
      .filter((t) => t !== '' && !t.startsWith('<'));
    expect(literals.filter((w) => !words.has(w))).toEqual([]);
  });

  it('gives <VOID> for an empty topic list so the grammar still loads', () => {
    expect(commandJsgf('en', { topicWords: [], isKnownWord: (w) => words.has(w) })).toContain('<topic-word> = <VOID>;');
  });

  // Real audio through the real recognizer, then the grammar parser: the command must mean the same.
  it.each([
    ['create a linkedin post about morning routines', { action: 'draft.create', platform: 'linkedin' }],
    ['post it now', { action: 'post.publish-now' }],
    ['yes', { action: 'voice.answer', answer: 'yes' }],
    ['make it shorter', { action: 'draft.shorten' }],
    ['schedule it tomorrow at nine', { action: 'post.schedule', at: '2025-03-09T09:00:00-04:00' }],
    ['open the calendar', { action: 'app.navigate', page: 'calendar' }],
    ['what did my last post do', { action: 'analytics.last-post' }],
    ['read it back', { action: 'draft.read-back' }],
    ['delete it', { action: 'post.delete' }],
    ['no', { action: 'voice.answer', answer: 'no' }],
  ])('"%s" is recognised and understood', async (spoken, intent) => {
    const heard = await recognise(spoken);
    const result = parseCommand(heard, {
      now: new Date('2025-03-08T15:00:00Z'),
      timeZone: 'America/New_York',
      language: 'en',
      customCommands: [],
    });
    expect(result, `heard "${heard}"`).toMatchObject({ kind: 'understood', intents: [intent] });
  });
});
