import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../../shared/contract/voice';
import { ContractError } from '../../shared/contract/errors';
import { base64ToInt16 } from '../../shared/audio';
import { endedInSilence, type VoiceActivityDetector } from './recognition/recognizer';
import { ANALYSE_EVERY_MS, OVERLAP_MS, SpeechTracker } from './speech-tracker';

const SAMPLES_PER_MS = 16;
/**
 * In toggle mode speech is tracked after about this much new audio (not every second as in hold
 * mode): the end of speech is noticed within this much of the creator falling quiet.
 */
export const VAD_CHECK_EVERY_MS = 300;
/** Quiet after speech that ends a toggle-mode recording. */
export const END_SILENCE_MS = 800;
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
  /** Speech found while the audio arrives: at release only the last moments are left to analyse. */
  speech: SpeechTracker;
  endOfSpeech: boolean;
  /** Aborts the transcription when the utterance is cancelled during voice:end. */
  controller: AbortController;
  ending: boolean;
}

/**
 * Audio of utterances in progress, in memory: chunks in seq order up to the maximum length, with
 * speech tracked as it arrives (in the background; in toggle mode each push waits for its check,
 * so the renderer can stop when the creator stops talking).
 */
export class UtteranceStore {
  private readonly open = new Map<string, Utterance>();

  begin(
    input: { mode: 'hold' | 'toggle'; context: CommandContext },
    maxSeconds: number,
    vad: VoiceActivityDetector,
  ): Utterance {
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
      speech: new SpeechTracker(vad, {
        everyMs: input.mode === 'toggle' ? VAD_CHECK_EVERY_MS : ANALYSE_EVERY_MS,
        overlapMs: OVERLAP_MS,
      }),
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
    let kept = new Int16Array(0);
    if (!u.limitReached) {
      const room = u.maxSamples - u.samples;
      kept = (pcm.length > room ? pcm.subarray(0, room) : pcm).slice();
      if (kept.length > 0) u.chunks.push(kept);
      u.samples += kept.length;
      if (u.samples >= u.maxSamples) u.limitReached = true;
    }
    const analysed = u.speech.push(kept);
    if (u.mode === 'toggle' && !u.endOfSpeech) {
      // As before the tracker, a toggle-mode push answers once its check is done. A detector that
      // fails never ends a recording: the creator can still press the key again.
      await analysed;
      u.endOfSpeech = !u.speech.failed() && endedInSilence(u.speech.segments(), u.speech.analysedMs(), END_SILENCE_MS);
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
    u.speech.close();
    this.open.delete(id);
  }

  /** Every utterance (app closing): transcriptions stop. */
  cancelAll(): void {
    for (const id of [...this.open.keys()]) this.cancel(id);
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
