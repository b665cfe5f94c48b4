import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContractError } from '../../../shared/contract/errors';
import { createPocketsphinxRecognizer } from './pocketsphinx.recognizer';
import { knownWords } from './pocketsphinx-dictionary';
import { concat, silence, speak } from './speech-fixtures.test-support';

/** Stands in for the intents engineer's commandJsgf until it exists; uses words only the extra dictionary has. */
const FIXTURE_GRAMMAR = `#JSGF V1.0;
grammar commands;
public <command> = post it now | make it shorter | yes | no | read it back
  | write a post about <topic> [for <platform>];
<topic> = coffee | morning routines | tea;
<platform> = instagram | linkedin | bluesky | tiktok;
`;

const dataDir = mkdtempSync(join(tmpdir(), 'cadence-sphinx-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const logger = { warn: () => undefined };

describe('pocketsphinx recognizer', () => {
  const recognizer = createPocketsphinxRecognizer({ dataDir, grammar: () => FIXTURE_GRAMMAR, logger });

  it.each([
    'post it now',
    'make it shorter',
    'write a post about coffee for instagram',
    'write a post about tea for tiktok',
  ])('hears espeak-ng saying "%s" exactly', async (phrase) => {
    const pcm = concat(silence(300), await speak(phrase), silence(300));
    const result = await recognizer.transcribe({ pcm, language: 'en' });
    expect(result.text).toBe(phrase);
    expect(result.language).toBe('en');
    expect(recognizer.state().state).toBe('ready');
  });

  it('writes the merged dictionary once, with the extra words', () => {
    const merged = readFileSync(join(dataDir, 'voice', 'pocketsphinx', 'cadence-en-us.dict'), 'utf8');
    expect(merged).toMatch(/^bluesky B L UW S K AY$/m);
    expect(merged).toMatch(/^coffee K AA F IY$/m);
    expect(recognizer.state().loads).toBe(1);
    expect(knownWords().has('bluesky')).toBe(true);
    expect(knownWords().has('coffee')).toBe(true);
    expect(knownWords().has('zzxqv')).toBe(false);
  });

  it('refuses Spanish and hears nothing in silence', async () => {
    await expect(recognizer.transcribe({ pcm: silence(500), language: 'es' })).rejects.toThrow(/English only/);
    expect((await recognizer.transcribe({ pcm: silence(1000), language: 'en' })).text).toBe('');
  });

  it('names a grammar word the dictionary lacks', async () => {
    const bad = createPocketsphinxRecognizer({
      dataDir,
      grammar: () => '#JSGF V1.0;\ngrammar g;\npublic <c> = post it to zzxqv;\n',
      logger,
    });
    await expect(bad.transcribe({ pcm: silence(500), language: 'en' })).rejects.toThrow(
      /does not know the word "zzxqv"/,
    );
  });

  it('is unavailable, saying what to install, when the binary or model is missing', async () => {
    const noBinary = createPocketsphinxRecognizer({
      dataDir,
      grammar: () => FIXTURE_GRAMMAR,
      logger,
      binary: '/nonexistent/pocketsphinx_continuous',
    });
    const error = await noBinary.transcribe({ pcm: silence(500), language: 'en' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).message).toMatch(/install pocketsphinx and pocketsphinx-en-us/i);
    expect(noBinary.state().state).toBe('unavailable');
    const noModel = createPocketsphinxRecognizer({
      dataDir,
      grammar: () => FIXTURE_GRAMMAR,
      logger,
      modelDir: join(dataDir, 'none'),
    });
    await expect(noModel.warm()).rejects.toThrow(/English model is missing/);
    expect(noModel.state().state).toBe('unavailable');
  });
});
