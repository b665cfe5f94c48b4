/**
 * Averages channels into one (mono). Channels may differ in length (a browser can hand the
 * worklet ragged buffers); the result is as long as the shortest, so no channel is read past its end.
 */
export function downmix(channels: Float32Array[]): Float32Array {
  const first = channels[0];
  if (!first) return new Float32Array(0);
  if (channels.length === 1) return first.slice();
  const length = Math.min(...channels.map((channel) => channel.length));
  const out = new Float32Array(length);
  for (const channel of channels) {
    for (let i = 0; i < length; i += 1) out[i]! += channel[i]!;
  }
  const scale = 1 / channels.length;
  for (let i = 0; i < length; i += 1) out[i]! *= scale;
  return out;
}
