/**
 * The AudioWorklet that turns the microphone into what the recognizer wants: mono, 16 kHz,
 * signed 16-bit, in ~100 ms chunks. It runs on the audio thread, so the main thread only ever sees
 * small ready-to-send chunks. Bundled as its own file (`?worker&url`), so the CSP's script-src
 * 'self' covers it.
 */
import { downmix } from '../../../shared/audio/downmix';
import { floatToInt16 } from '../../../shared/audio/pcm';
import { rmsLevel } from '../../../shared/audio/level';
import { StreamingResampler } from '../../../shared/audio/streaming-resampler';
import { CAPTURE_PROCESSOR, type CaptureMessage, CHUNK_SAMPLES, SPEECH_RATE } from './capture-protocol';

// The AudioWorkletGlobalScope is not in TypeScript's DOM library; these are the parts used here.
declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessor): void;

class CaptureProcessor extends AudioWorkletProcessor {
  private readonly resampler = new StreamingResampler(sampleRate, SPEECH_RATE);
  private pending = new Float32Array(CHUNK_SAMPLES);
  private filled = 0;
  private levelSum = 0;
  private levelBlocks = 0;
  private stopped = false;

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent<{ type: 'flush' }>) => {
      if (event.data.type !== 'flush' || this.stopped) return;
      this.stopped = true;
      this.append(this.resampler.flush());
      this.post(true);
    };
  }

  process(inputs: Float32Array[][]): boolean {
    if (this.stopped) return false;
    const input = inputs[0];
    if (input && input.length > 0) {
      const mono = input.length === 1 ? input[0]! : downmix(input);
      this.levelSum += rmsLevel(mono);
      this.levelBlocks += 1;
      this.append(this.resampler.push(mono));
    }
    return true;
  }

  private append(samples: Float32Array): void {
    let offset = 0;
    while (offset < samples.length) {
      const take = Math.min(CHUNK_SAMPLES - this.filled, samples.length - offset);
      this.pending.set(samples.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === CHUNK_SAMPLES) this.post(false);
    }
  }

  private post(last: boolean): void {
    const pcm = floatToInt16(this.pending.subarray(0, this.filled));
    const level = this.levelBlocks > 0 ? this.levelSum / this.levelBlocks : 0;
    const message: CaptureMessage = { type: 'chunk', pcm, level, last };
    this.port.postMessage(message, [pcm.buffer]);
    this.pending = new Float32Array(CHUNK_SAMPLES);
    this.filled = 0;
    this.levelSum = 0;
    this.levelBlocks = 0;
  }
}

registerProcessor(CAPTURE_PROCESSOR, CaptureProcessor);
