import { base64ToBytes } from '../../../shared/audio/pcm';

let context: AudioContext | null = null;
let playing: AudioBufferSourceNode | null = null;

/**
 * Plays a spoken reply (a WAV from voice:speak). Through Web Audio rather than an <audio> element,
 * so no blob: or data: media URL is needed under the CSP. A new reply cuts the previous one off.
 */
export async function playWav(wavBase64: string): Promise<void> {
  context ??= new AudioContext();
  if (context.state === 'suspended') await context.resume();
  const bytes = base64ToBytes(wavBase64);
  const buffer = await context.decodeAudioData(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  stopReply();
  const source = context.createBufferSource();
  source.buffer = buffer;
  source.connect(context.destination);
  playing = source;
  await new Promise<void>((done) => {
    source.onended = () => done();
    source.start();
  });
  if (playing === source) playing = null;
}

export function stopReply(): void {
  try {
    playing?.stop();
  } catch {
    // already ended
  }
  playing = null;
}
