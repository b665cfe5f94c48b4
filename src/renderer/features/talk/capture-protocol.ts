/** What the capture worklet and the page say to each other. */
export const CAPTURE_PROCESSOR = 'cadence-capture';
export const SPEECH_RATE = 16_000;
/** 100 ms at 16 kHz: small enough to stream, large enough to keep calls few. */
export const CHUNK_SAMPLES = 1_600;

/** A chunk of 16 kHz mono PCM and the mean level (0–1) while it was captured; `last` after a flush. */
export interface CaptureMessage {
  type: 'chunk';
  pcm: Int16Array;
  level: number;
  last: boolean;
}
