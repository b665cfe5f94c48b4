import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeWavToMono16k } from '../../../shared/audio';

const run = promisify(execFile);

/**
 * Real speech for tests: Debian's espeak-ng writes a 22.05 kHz WAV, which goes through the same
 * decoder and resampler as captured audio, giving 16 kHz mono 16-bit PCM.
 */
export async function speak(text: string, options: { voice?: string; wpm?: number } = {}): Promise<Int16Array> {
  return decodeWavToMono16k(await speakWav(text, options));
}

/** espeak-ng's WAV as written (22.05 kHz mono). */
export async function speakWav(text: string, options: { voice?: string; wpm?: number } = {}): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'cadence-speech-'));
  try {
    const path = join(dir, 'speech.wav');
    await run('espeak-ng', ['-v', options.voice ?? 'en-us', '-s', String(options.wpm ?? 160), '-w', path, text]);
    return new Uint8Array(await readFile(path));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Silence of the given length, 16 kHz. */
export function silence(ms: number): Int16Array {
  return new Int16Array(ms * 16);
}

export function concat(...parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
