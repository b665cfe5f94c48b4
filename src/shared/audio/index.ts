/**
 * PCM helpers shared by the renderer's AudioWorklet (capture), main (recognition) and tests. No
 * Node or DOM APIs: everything here runs in any JavaScript runtime.
 */
export { downmix } from './downmix';
export { StreamingResampler } from './streaming-resampler';
export { floatToInt16, int16ToFloat, int16ToBase64, base64ToInt16, bytesToBase64, base64ToBytes } from './pcm';
export { encodeWav, decodeWav, decodeWavToMono16k, SPEECH_SAMPLE_RATE, type WavFormat } from './wav';
export { rmsLevel } from './level';
