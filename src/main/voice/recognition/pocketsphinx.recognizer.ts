import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { ContractError } from '../../../shared/contract/errors';
import type { VoiceLanguage } from '../../../shared/domain/voice';
import { abortError } from './abort-error';
import { CMUDICT_FILE, DEBIAN_MODEL_DIR, ensureMergedDictionary } from './pocketsphinx-dictionary';
import type { RecognizerState, SpeechRecognizer, TranscribeRequest, Transcript } from './recognizer';

export interface PocketsphinxOptions {
  dataDir: string;
  grammar: (language: VoiceLanguage) => string;
  logger: { warn(obj: object, msg: string): void };
  /** Defaults to pocketsphinx_continuous on PATH. */
  binary?: string;
  /** Defaults to Debian's pocketsphinx-en-us model folder. */
  modelDir?: string;
}

const INSTALL_HINT =
  'Install pocketsphinx and pocketsphinx-en-us (e.g. sudo apt install pocketsphinx pocketsphinx-en-us).';

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

/**
 * Debian's pocketsphinx (0.8 / 5prealpha) behind the SpeechRecognizer seam: English only, and
 * restricted to the command grammar (JSGF), which is what makes it accurate enough for commands.
 *
 * One process per utterance: the 0.8 CLI can read a long-lived stream from stdin, but it prints
 * nothing for an utterance it hears no words in, so a kept process cannot tell "no words" from
 * "not finished" without a timeout; starting it costs about a quarter of a second (see the
 * voice-transcribe bench). Audio goes through a raw file in the data folder: Node's stdio
 * "pipes" are sockets, which the CLI's fopen("/dev/stdin") cannot open.
 */
export function createPocketsphinxRecognizer(options: PocketsphinxOptions): SpeechRecognizer {
  const modelDir = options.modelDir ?? DEBIAN_MODEL_DIR;
  const workDir = join(options.dataDir, 'voice', 'pocketsphinx');
  let current: RecognizerState = {
    state: 'not-loaded',
    message: 'pocketsphinx starts with each utterance.',
    loadMs: null,
    loads: 0,
    gpu: false,
    model: null,
  };
  let prepared: Promise<{ binary: string; dict: string }> | null = null;
  const grammars = new Map<string, string>();
  let sequence = 0;

  const unavailable = (message: string): ContractError => {
    current = { ...current, state: 'unavailable', message };
    return new ContractError('UNAVAILABLE', message);
  };

  const prepare = (): Promise<{ binary: string; dict: string }> => {
    prepared ??= (async () => {
      const binary = options.binary ?? onPath('pocketsphinx_continuous');
      if (!binary || !existsSync(binary)) {
        throw unavailable(`pocketsphinx is not installed (no pocketsphinx_continuous). ${INSTALL_HINT}`);
      }
      const cmudict = join(modelDir, CMUDICT_FILE);
      if (!existsSync(join(modelDir, 'en-us')) || !existsSync(cmudict)) {
        throw unavailable(`The pocketsphinx English model is missing (${modelDir}). ${INSTALL_HINT}`);
      }
      const started = performance.now();
      const dict = await ensureMergedDictionary(cmudict, workDir);
      current = {
        ...current,
        state: 'ready',
        message: 'pocketsphinx (English, command grammar) is ready.',
        loadMs: performance.now() - started,
        loads: current.loads + 1,
      };
      return { binary, dict };
    })();
    prepared.catch(() => (prepared = null));
    return prepared;
  };

  const grammarFile = async (language: VoiceLanguage): Promise<string> => {
    const text = options.grammar(language);
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
    const known = grammars.get(hash);
    if (known) return known;
    const path = join(workDir, `commands-${language}-${hash}.gram`);
    if (!existsSync(path)) {
      await mkdir(workDir, { recursive: true });
      await writeFile(`${path}.part`, text);
      await rename(`${path}.part`, path);
    }
    grammars.set(hash, path);
    return path;
  };

  const run = (
    binary: string,
    args: string[],
    signal: AbortSignal | undefined,
  ): Promise<{ text: string; errors: string[] }> =>
    new Promise((resolve, reject) => {
      const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      const onAbort = (): void => {
        child.kill('SIGKILL');
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      child.on('error', (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(unavailable(`pocketsphinx could not start: ${error.message}. ${INSTALL_HINT}`));
      });
      child.on('close', (code) => {
        signal?.removeEventListener('abort', onAbort);
        if (signal?.aborted) return reject(abortError());
        const errors = err.split('\n').filter((line) => line.startsWith('ERROR'));
        if (code !== 0 && errors.length === 0) errors.push(`exit code ${code}`);
        // Each heard utterance is one line; pauses can split one command into several.
        resolve({
          text: out
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
            .join(' '),
          errors,
        });
      });
    });

  return {
    id: 'pocketsphinx',
    state: () => current,
    async warm() {
      await prepare();
    },
    async transcribe(request: TranscribeRequest): Promise<Transcript> {
      if (request.signal?.aborted) throw abortError();
      if (request.language === 'es') {
        throw new ContractError(
          'UNAVAILABLE',
          'pocketsphinx understands English only. Choose Whisper with a multilingual model for Spanish.',
        );
      }
      const { binary, dict } = await prepare();
      const grammar = await grammarFile('en');
      const started = performance.now();
      const audio = join(workDir, `utterance-${process.pid}-${(sequence += 1)}.raw`);
      const { pcm } = request;
      await writeFile(audio, new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength));
      const { text, errors } = await run(
        binary,
        ['-infile', audio, '-hmm', join(modelDir, 'en-us'), '-jsgf', grammar, '-dict', dict, '-samprate', '16000'],
        request.signal,
      ).finally(() => rm(audio, { force: true }));
      if (errors.length > 0 && text === '') {
        options.logger.warn({ errors: errors.slice(0, 3) }, 'pocketsphinx failed');
        const missingWord = errors.map((line) => /word '([^']+)' is missing/.exec(line)?.[1]).find(Boolean);
        throw new ContractError(
          'INTERNAL',
          missingWord
            ? `pocketsphinx could not load the command grammar: it does not know the word "${missingWord}". Add it to resources/voice/pocketsphinx-extra.dict or leave it out of the grammar.`
            : `pocketsphinx failed: ${errors[0]}`,
        );
      }
      return { text, language: 'en', ms: performance.now() - started };
    },
    async close() {
      current = { ...current, state: 'not-loaded', message: 'pocketsphinx starts with each utterance.' };
    },
  };
}
