import { downmix } from './downmix';
import { floatToInt16 } from './pcm';
import { StreamingResampler } from './streaming-resampler';

/** The rate every recognizer here takes (Whisper, Silero VAD and pocketsphinx's en-us model). */
export const SPEECH_SAMPLE_RATE = 16_000;

/** A 16-bit mono PCM WAV file. */
export function encodeWav(samples: Int16Array, sampleRate: number): Uint8Array {
  const dataBytes = samples.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string): void => {
    for (let i = 0; i < text.length; i += 1) view.setUint8(at + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < samples.length; i += 1) view.setInt16(44 + i * 2, samples[i]!, true);
  return bytes;
}

export interface WavFormat {
  /** 1 integer PCM, 3 IEEE float. */
  format: 1 | 3;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
}

/** Reads a WAV file's samples as float channels (8/16/24/32-bit integer PCM or 32/64-bit float). */
export function decodeWav(bytes: Uint8Array): { format: WavFormat; channels: Float32Array[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE')
    throw new Error('Not a WAV file (no RIFF/WAVE header)');

  let format: WavFormat | null = null;
  let data: Uint8Array | null = null;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = tag(at);
    const declared = view.getUint32(at + 4, true);
    // Streamed WAVs (espeak-ng to stdout) leave sizes at a placeholder: read to the end instead.
    const size = Math.min(declared, bytes.length - at - 8);
    if (id === 'fmt ') {
      let code = view.getUint16(at + 8, true);
      // WAVE_FORMAT_EXTENSIBLE carries the real format in its sub-format GUID's first two bytes.
      if (code === 0xfffe && size >= 26) code = view.getUint16(at + 32, true);
      if (code !== 1 && code !== 3) throw new Error(`Unsupported WAV encoding ${code}: only PCM and float`);
      format = {
        format: code,
        channels: view.getUint16(at + 10, true),
        sampleRate: view.getUint32(at + 12, true),
        bitsPerSample: view.getUint16(at + 22, true),
      };
    } else if (id === 'data') {
      data = bytes.subarray(at + 8, at + 8 + size);
      break;
    }
    at += 8 + size + (size % 2);
  }
  if (!format) throw new Error('WAV file has no fmt chunk');
  if (!data) throw new Error('WAV file has no data chunk');
  const { channels: count, bitsPerSample: bits } = format;
  if (count < 1) throw new Error('WAV file has no channels');
  const width = bits / 8;
  if (![1, 2, 3, 4, 8].includes(width) || (format.format === 3 && width < 4)) {
    throw new Error(`Unsupported WAV sample size: ${bits} bits`);
  }
  const frames = Math.floor(data.length / (width * count));
  const samples = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const channels = Array.from({ length: count }, () => new Float32Array(frames));
  for (let frame = 0; frame < frames; frame += 1) {
    for (let c = 0; c < count; c += 1) {
      const at = (frame * count + c) * width;
      let value: number;
      if (format.format === 3) value = width === 4 ? samples.getFloat32(at, true) : samples.getFloat64(at, true);
      else if (width === 1) value = (samples.getUint8(at) - 128) / 128;
      else if (width === 2) value = samples.getInt16(at, true) / 32768;
      else if (width === 3) value = ((samples.getUint8(at + 2) << 24) | (samples.getUint16(at, true) << 8)) / 2 ** 31;
      else value = samples.getInt32(at, true) / 2 ** 31;
      channels[c]![frame] = value;
    }
  }
  return { format, channels };
}

/** Any WAV (rate, channels, bit depth) to 16 kHz mono 16-bit, through the same resampler as live capture. */
export function decodeWavToMono16k(bytes: Uint8Array): Int16Array {
  const { format, channels } = decodeWav(bytes);
  const mono = downmix(channels);
  if (format.sampleRate === SPEECH_SAMPLE_RATE) return floatToInt16(mono);
  const resampler = new StreamingResampler(format.sampleRate, SPEECH_SAMPLE_RATE);
  const head = resampler.push(mono);
  const tail = resampler.flush();
  const out = new Float32Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return floatToInt16(out);
}
