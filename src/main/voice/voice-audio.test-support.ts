import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeWavToMono16k, int16ToBase64 } from '../../shared/audio';
import type { CommandContext } from '../../shared/contract/voice';
import type { VoiceCommand } from '../../shared/domain/voice';
import type { Core } from '../core';

const run = promisify(execFile);
/** What the renderer's AudioWorklet sends: about 100 ms of 16 kHz audio per chunk. */
const CHUNK_SAMPLES = 1600;

/**
 * Speaks `text` with Debian's espeak-ng and returns it as a microphone would record it: a 48 kHz
 * WAV (sox converts espeak-ng's 22.05 kHz). The 48 → 16 kHz step is then the shared resampler's,
 * as in live capture. (Measured: pocketsphinx heard "morning routines" exactly from the 48 kHz
 * path, and "morning deep" from the shared resampler's direct 22.05 → 16 kHz conversion.)
 */
export async function espeakWav(text: string, dir: string, name: string, voice?: string): Promise<Uint8Array> {
  const spoken = join(dir, `${name}.espeak.wav`);
  const path = join(dir, `${name}.wav`);
  // espeak-ng's default voice, as the command line uses (en-us drops the "now" of "post it now" for pocketsphinx).
  await run('espeak-ng', [...(voice ? ['-v', voice] : []), '-w', spoken, text]);
  // -R: sox dithers with a random seed otherwise, and the recognizer would hear slightly different audio each run.
  await run('sox', ['-R', spoken, '-r', '48000', path]);
  return new Uint8Array(await readFile(path));
}

/** The WAV as the renderer would stream it: 16 kHz mono Int16 chunks, base64, with some silence after the speech. */
export function captureChunks(wav: Uint8Array, trailingSilenceMs = 500): string[] {
  const speech = decodeWavToMono16k(wav);
  const pcm = new Int16Array(speech.length + trailingSilenceMs * 16);
  pcm.set(speech, 0);
  const chunks: string[] = [];
  for (let at = 0; at < pcm.length; at += CHUNK_SAMPLES)
    chunks.push(int16ToBase64(pcm.subarray(at, at + CHUNK_SAMPLES)));
  return chunks;
}

/** Hold, stream the chunks, release: voice:begin → voice:push-audio × n → voice:end, through the dispatcher. */
export async function holdAndSpeak(
  core: Core,
  chunks: string[],
  context: CommandContext = { postId: null, page: null },
): Promise<{ command: VoiceCommand; releaseToActionMs: number }> {
  const begun = await invoke(core, 'voice:begin', { source: 'button', mode: 'hold', context });
  const { utteranceId } = begun as { utteranceId: string };
  for (const [seq, pcm] of chunks.entries()) await invoke(core, 'voice:push-audio', { utteranceId, seq, pcm });
  const released = performance.now();
  const command = (await invoke(core, 'voice:end', { utteranceId })) as VoiceCommand;
  return { command, releaseToActionMs: performance.now() - released };
}

async function invoke(core: Core, channel: 'voice:begin' | 'voice:push-audio' | 'voice:end', input: unknown) {
  const result = await core.dispatcher.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}
