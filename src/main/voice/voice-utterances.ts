import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../../shared/contract/voice';
import { ContractError } from '../../shared/contract/errors';
import { base64ToInt16 } from '../../shared/audio';
import { endedInSilence, type VoiceActivityDetector } from './recognition/recognizer';

const SAMPLES_PER_MS = 16;
/** In toggle mode the detector looks at the tail after about this much new audio. */
export const VAD_CHECK_EVERY_MS = 300;
/** Quiet after speech that ends a toggle-mode recording. */
export const END_SILENCE_MS = 800;
/** How much of the end of the recording the detector looks at each time. */
const TAIL_MS = 3_000;
/** Utterances left open (a window closed mid-recording) are dropped past this many. */
const MAX_OPEN = 4;

export interface Utterance {
  id: string;
  mode: 'hold' | 'toggle';
  context: CommandContext;
  maxSamples: number;
  chunks: Int16Array[];
  samples: number;
  nextSeq: number;
  limitReached: boolean;
  /** Samples at the last silence check (toggle mode). */
  checkedAt: number;
  heardSpeech: boolean;
  endOfSpeech: boolean;
  /** Aborts the transcription when the utterance is cancelled during voice:end. */
  controller: AbortController;
  ending: boolean;
}

/**
 * Audio of utterances in progress, in memory: chunks in seq order up to the maximum length, and in
 * toggle mode a silence check on the tail so the renderer can stop when the creator stops talking.
 */
export class UtteranceStore {
  private readonly open = new Map<string, Utterance>();

  begin(input: { mode: 'hold' | 'toggle'; context: CommandContext }, maxSeconds: number): Utterance {
    if (this.open.size >= MAX_OPEN) {
      const oldest = [...this.open.values()].find((u) => !u.ending);
      if (oldest) this.drop(oldest.id);
    }
    const utterance: Utterance = {
      id: randomUUID(),
      mode: input.mode,
      context: input.context,
      maxSamples: maxSeconds * 1000 * SAMPLES_PER_MS,
      chunks: [],
      samples: 0,
      nextSeq: 0,
      limitReached: false,
      checkedAt: 0,
      heardSpeech: false,
      endOfSpeech: false,
      controller: new AbortController(),
      ending: false,
    };
    this.open.set(utterance.id, utterance);
    return utterance;
  }

  require(id: string): Utterance {
    const utterance = this.open.get(id);
    if (!utterance) {
      throw new ContractError('NOT_FOUND', 'No recording with this id: it ended, was cancelled or never began');
    }
    return utterance;
  }

  async push(
    id: string,
    seq: number,
    pcmBase64: string,
    vad: VoiceActivityDetector | null,
  ): Promise<{ receivedMs: number; endOfSpeech: boolean; limitReached: boolean }> {
    const u = this.require(id);
    if (u.ending) throw new ContractError('CONFLICT', 'This recording has already ended');
    if (seq !== u.nextSeq) {
      throw new ContractError(
        'CONFLICT',
        `Audio chunk ${seq} arrived out of order: chunk ${u.nextSeq} was expected next`,
      );
    }
    let pcm: Int16Array;
    try {
      pcm = base64ToInt16(pcmBase64);
    } catch (error) {
      throw new ContractError('VALIDATION_FAILED', `Not 16-bit audio: ${(error as Error).message}`, {
        issues: [{ path: ['pcm'], message: 'Send 16 kHz mono 16-bit PCM as base64' }],
      });
    }
    u.nextSeq += 1;
    if (!u.limitReached) {
      const room = u.maxSamples - u.samples;
      const kept = pcm.length > room ? pcm.subarray(0, room) : pcm;
      if (kept.length > 0) u.chunks.push(kept.slice());
      u.samples += kept.length;
      if (u.samples >= u.maxSamples) u.limitReached = true;
    }
    if (
      u.mode === 'toggle' &&
      vad &&
      !u.endOfSpeech &&
      u.samples - u.checkedAt >= VAD_CHECK_EVERY_MS * SAMPLES_PER_MS
    ) {
      u.checkedAt = u.samples;
      u.endOfSpeech = await this.silenceAfterSpeech(u, vad);
    }
    return { receivedMs: u.samples / SAMPLES_PER_MS, endOfSpeech: u.endOfSpeech, limitReached: u.limitReached };
  }

  /** The whole recording, marked as ending (further audio is refused; cancel still aborts). */
  finish(id: string): { utterance: Utterance; pcm: Int16Array } {
    const u = this.require(id);
    if (u.ending) throw new ContractError('CONFLICT', 'This recording is already being processed');
    u.ending = true;
    return { utterance: u, pcm: concat(u.chunks, u.samples) };
  }

  /** Stops a transcription in progress and forgets the audio. */
  cancel(id: string): void {
    const u = this.require(id);
    u.controller.abort();
    this.drop(id);
  }

  drop(id: string): void {
    const u = this.open.get(id);
    if (!u) return;
    u.chunks = [];
    this.open.delete(id);
  }

  /** Every utterance (app closing): transcriptions stop. */
  cancelAll(): void {
    for (const id of [...this.open.keys()]) this.cancel(id);
  }

  private async silenceAfterSpeech(u: Utterance, vad: VoiceActivityDetector): Promise<boolean> {
    const tailSamples = Math.min(u.samples, TAIL_MS * SAMPLES_PER_MS);
    const tail = concat(u.chunks, u.samples).subarray(u.samples - tailSamples);
    let segments;
    try {
      segments = await vad.segments(tail);
    } catch {
      // A detector that fails never ends a recording: the creator can still press the key again.
      return false;
    }
    const tailMs = tailSamples / SAMPLES_PER_MS;
    if (segments.length > 0) {
      u.heardSpeech = true;
      return endedInSilence(segments, tailMs, END_SILENCE_MS);
    }
    // Speech earlier than the tail, and a whole tail of quiet since.
    return u.heardSpeech && tailMs >= END_SILENCE_MS;
  }
}

function concat(chunks: Int16Array[], samples: number): Int16Array {
  const out = new Int16Array(samples);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
