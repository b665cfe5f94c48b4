import { parentPort } from 'node:worker_threads';
import { EspeakEngine, UnknownVoiceError } from './espeak-engine';
import type { TtsEvent, TtsRequest } from './protocol';

/**
 * The embedded speech engine, run in a worker thread by src/main/voice/speech/. A thread, not a
 * process: espeak-ng here is WebAssembly with no native code, so ending the thread is safe and a
 * thread starts faster and shares the app's memory limits. Synthesis is synchronous inside the
 * module, so requests run one at a time in arrival order and main never blocks on them.
 */

const port = parentPort;
if (!port) throw new Error('The TTS worker must be started as a worker thread by its host');
const post = (event: TtsEvent, transfer: ArrayBuffer[] = []): void => port.postMessage(event, transfer);

const started = performance.now();
const engine = EspeakEngine.load().then(
  (loaded) => {
    post({ type: 'ready', sampleRate: loaded.sampleRate, loadMs: performance.now() - started });
    return loaded;
  },
  (error: unknown) => {
    post({ type: 'load-failed', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  },
);

async function handle(request: TtsRequest): Promise<void> {
  const loaded = await engine;
  const { requestId } = request;
  if (request.type === 'voices') {
    post({ type: 'voices', requestId, voices: loaded.voices() });
    return;
  }
  try {
    const samples = loaded.synthesize(request.text, request.settings, () => post({ type: 'first-audio', requestId }));
    post({ type: 'audio', requestId, samples, sampleRate: loaded.sampleRate }, [samples.buffer as ArrayBuffer]);
  } catch (error) {
    post({ type: 'error', requestId, message: error instanceof Error ? error.message : String(error) });
    // A trap inside WebAssembly can leave the module's memory inconsistent: end the thread so
    // that the host starts a fresh engine for the next call.
    if (!(error instanceof UnknownVoiceError)) process.exit(1);
  }
}

port.on('message', (request: TtsRequest) => void handle(request));
