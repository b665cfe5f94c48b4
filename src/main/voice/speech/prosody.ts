import type { ReplyTone } from '../../../shared/domain/voice';

/** espeak-ng's prosody parameters for one reply. */
export interface Prosody {
  /** Words per minute, within espeak-ng's 80–450. */
  rate: number;
  /** Base pitch, 0–99. */
  pitch: number;
  /** Pitch range, 0–99: how far intonation swings around the base (50 is the voice's own). */
  range: number;
}

/**
 * How a tone changes the chosen rate and pitch (espeak-ng's rate, pitch and pitch-range parameters):
 * - neutral: the settings as they are, the voice's own range (50);
 * - upbeat: 10% faster, pitch +8, range 75 (livelier intonation);
 * - calm: 12% slower, pitch −6, range 30 (flatter, steadier).
 * Results are clamped to what espeak-ng accepts.
 */
export const TONE_PROSODY: Record<ReplyTone, { rateFactor: number; pitchShift: number; range: number }> = {
  neutral: { rateFactor: 1, pitchShift: 0, range: 50 },
  upbeat: { rateFactor: 1.1, pitchShift: 8, range: 75 },
  calm: { rateFactor: 0.88, pitchShift: -6, range: 30 },
};

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, Math.round(value)));

export function prosodyFor(rate: number, pitch: number, tone: ReplyTone): Prosody {
  const shape = TONE_PROSODY[tone];
  return {
    rate: clamp(rate * shape.rateFactor, 80, 450),
    pitch: clamp(pitch + shape.pitchShift, 0, 99),
    range: shape.range,
  };
}
