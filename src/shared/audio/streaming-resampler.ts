/** Kernel zero crossings on each side: enough for >70 dB of stop-band with a Blackman window. */
const ZERO_CROSSINGS = 16;
/** Kernel samples per input sample; the kernel between them is linearly interpolated. */
const TABLE_RESOLUTION = 128;
/** The pass band ends a little below the output's Nyquist so the transition band is filtered too. */
const CUTOFF_MARGIN = 0.9;

/**
 * A windowed-sinc sample-rate converter that keeps its state across chunks, so audio arriving
 * in ~10 ms AudioWorklet blocks converts exactly as if it came in one piece. Downsampling low-passes
 * at the output's Nyquist first (anti-aliasing): a 12 kHz tone in 48 kHz input does not fold back
 * into 16 kHz speech. Positions are kept as integers (in units of 1/toRate input samples), so long
 * streams never drift, whatever the ratio (48000→16000, 44100→16000, 22050→16000).
 *
 * Output lags input by the kernel's half width; `flush()` drains that tail at the end of a stream.
 */
export class StreamingResampler {
  readonly fromRate: number;
  readonly toRate: number;
  private readonly halfWidth: number;
  private readonly table: Float32Array;
  private readonly tableScale: number;
  private readonly gain: number;
  /** Unconsumed input, starting `halfWidth` samples before the next output's position. */
  private buffer: Float32Array;
  /** The next output's position in `buffer`, in units of 1/toRate input samples. */
  private position: number;

  constructor(fromRate: number, toRate: number) {
    if (!Number.isInteger(fromRate) || !Number.isInteger(toRate) || fromRate <= 0 || toRate <= 0) {
      throw new Error(`Sample rates must be positive whole numbers (got ${fromRate} → ${toRate})`);
    }
    this.fromRate = fromRate;
    this.toRate = toRate;
    // Cutoff as a fraction of the input rate's Nyquist; upsampling keeps the whole input band.
    const cutoff = Math.min(1, toRate / fromRate) * CUTOFF_MARGIN;
    this.gain = cutoff;
    this.halfWidth = Math.ceil(ZERO_CROSSINGS / cutoff);
    this.tableScale = TABLE_RESOLUTION;
    const size = this.halfWidth * TABLE_RESOLUTION + 2;
    this.table = new Float32Array(size);
    for (let i = 0; i < size; i += 1) {
      const distance = i / TABLE_RESOLUTION;
      const x = distance * cutoff;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const w = Math.min(1, distance / this.halfWidth);
      // Blackman window over [-halfWidth, halfWidth], evaluated from its centre.
      const window = 0.42 + 0.5 * Math.cos(Math.PI * w) + 0.08 * Math.cos(2 * Math.PI * w);
      this.table[i] = sinc * window;
    }
    this.buffer = new Float32Array(this.halfWidth);
    this.position = this.halfWidth * toRate;
  }

  /** Converts the next chunk; returns the output samples that are complete so far. */
  push(input: Float32Array): Float32Array {
    if (this.fromRate === this.toRate) return input.slice();
    const buffer = new Float32Array(this.buffer.length + input.length);
    buffer.set(this.buffer);
    buffer.set(input, this.buffer.length);

    const { toRate, fromRate, halfWidth, table, tableScale, gain } = this;
    const out: number[] = [];
    let position = this.position;
    // An output needs halfWidth input samples after its position.
    while (Math.floor(position / toRate) + halfWidth < buffer.length) {
      const index = Math.floor(position / toRate);
      const fraction = (position - index * toRate) / toRate;
      let sum = 0;
      for (let k = index - halfWidth + 1; k <= index + halfWidth; k += 1) {
        const distance = Math.abs(k - index - fraction) * tableScale;
        const at = Math.floor(distance);
        if (at >= table.length - 1) continue;
        const weight = table[at]! + (table[at + 1]! - table[at]!) * (distance - at);
        sum += buffer[k]! * weight;
      }
      out.push(sum * gain);
      position += fromRate;
    }

    // Keep halfWidth samples of history before the next output's position.
    const keepFrom = Math.max(0, Math.floor(position / toRate) - halfWidth);
    this.buffer = buffer.slice(keepFrom);
    this.position = position - keepFrom * toRate;
    return Float32Array.from(out);
  }

  /** Ends the stream: returns the samples still held back by the kernel (the input's last few ms). */
  flush(): Float32Array {
    if (this.fromRate === this.toRate) return new Float32Array(0);
    const pendingInput = this.buffer.length - Math.ceil(this.position / this.toRate);
    const expected = Math.max(0, Math.ceil((pendingInput * this.toRate) / this.fromRate));
    return this.push(new Float32Array(this.halfWidth)).slice(0, expected);
  }
}
