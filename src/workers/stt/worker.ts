import { addNativeLogListener, toggleNativeLog } from '@fugood/whisper.node';
import {
  type SttEvent,
  type SttRequest,
  type SttTranscribeRequest,
  sttRequestSchema,
} from '../../shared/workers/stt-protocol';
import { connectToParent } from '../shared/parent-channel';
import { VadHost } from './vad-host';
import { WhisperHost } from './whisper-host';

/**
 * The speech-to-text engine, run as a child process by src/main/voice/recognition/ (a process,
 * not a thread: a native crash in whisper.cpp must not take the app with it, and main restarts
 * it on the next utterance). It keeps one Whisper context and one Silero VAD context loaded.
 * Whisper work runs one request at a time in arrival order; VAD has its own queue so that
 * end-of-speech detection keeps working while a long transcription runs; ping and cancel are
 * answered at once.
 */

const parent = connectToParent<SttEvent>('The speech-to-text worker');
const post = (event: SttEvent): void => parent.post(event);

const whisper = new WhisperHost();
const vad = new VadHost();

interface Running {
  cancelled: boolean;
  stop: (() => Promise<void>) | null;
}
const running = new Map<string, Running>();

function makeQueue(): (requestId: string, task: () => Promise<void>) => void {
  let tail: Promise<void> = Promise.resolve();
  return (requestId, task) => {
    tail = tail.then(async () => {
      try {
        await task();
      } catch (error) {
        post({ type: 'error', requestId, kind: 'failed', message: messageOf(error) });
      }
    });
  };
}
const whisperQueue = makeQueue();
const vadQueue = makeQueue();

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function load(requestId: string, spec: SttTranscribeRequest['model']): Promise<boolean> {
  try {
    const { loaded, loadMs } = await whisper.load(spec);
    post({
      type: 'loaded',
      requestId,
      modelPath: spec.modelPath,
      loadMs,
      gpu: loaded.gpu,
      loads: whisper.loads,
      note: loaded.note,
    });
    return true;
  } catch (error) {
    post({ type: 'error', requestId, kind: 'load-failed', message: messageOf(error) });
    return false;
  }
}

async function transcribe(request: SttTranscribeRequest, state: Running): Promise<void> {
  const { requestId } = request;
  if (state.cancelled) return post({ type: 'error', requestId, kind: 'cancelled', message: 'Cancelled' });
  if (!(await load(requestId, request.model))) return;
  const ctx = whisper.current!.ctx;
  if (state.cancelled) return post({ type: 'error', requestId, kind: 'cancelled', message: 'Cancelled' });
  const started = performance.now();
  const job = ctx.transcribeData(request.pcm.slice().buffer, {
    language: request.language,
    // Leave a core for the UI and main; whisper.cpp scales poorly past 4 threads for short clips.
    maxThreads: 2,
    // One pass: push-to-talk clips are short, and temperature fallback multiplies worst-case time.
    temperatureInc: 0,
  });
  state.stop = job.stop;
  // whisper.node 1.1.3 only checks its stop flag when the pass ends (it does not wire it into
  // whisper.cpp's abort callback), then rejects; main therefore recycles a worker that has not
  // answered a cancel within a grace period.
  const result = await job.promise.catch((error: unknown) => {
    if (state.cancelled) return null;
    throw error;
  });
  if (!result || result.isAborted || state.cancelled) {
    return post({ type: 'error', requestId, kind: 'cancelled', message: 'Cancelled' });
  }
  post({
    type: 'transcribed',
    requestId,
    text: result.result.trim(),
    language: result.language ?? (request.language === 'auto' ? null : request.language),
    ms: performance.now() - started,
  });
}

function handle(request: SttRequest): void {
  const { requestId } = request;
  switch (request.type) {
    case 'ping':
      post({
        type: 'pong',
        requestId,
        loadedModel: whisper.current?.spec.modelPath ?? null,
        loads: whisper.loads,
        vadLoads: vad.loads,
      });
      return;
    case 'cancel': {
      const state = running.get(requestId);
      if (state) {
        state.cancelled = true;
        void state.stop?.();
      }
      return;
    }
    case 'load':
      whisperQueue(requestId, async () => {
        await load(requestId, request.model);
      });
      return;
    case 'transcribe': {
      const state: Running = { cancelled: false, stop: null };
      running.set(requestId, state);
      whisperQueue(requestId, async () => {
        try {
          await transcribe(request, state);
        } finally {
          running.delete(requestId);
        }
      });
      return;
    }
    case 'vad':
      vadQueue(requestId, async () => {
        const started = performance.now();
        const segments = await vad.segments(request.modelPath, request.pcm);
        post({ type: 'segments', requestId, segments, ms: performance.now() - started });
      });
      return;
  }
}

// whisper.cpp logs every load and pass to stderr; only its errors are worth main's log, and
// keeping stderr quiet leaves its tail meaningful for crash reports.
addNativeLogListener((level, text) => {
  if (level === 'error') post({ type: 'log', level: 'error', message: text.trim() });
});
void toggleNativeLog(true);

parent.onMessage((raw: unknown) => {
  const parsed = sttRequestSchema.safeParse(raw);
  if (parsed.success) return handle(parsed.data);
  const requestId = typeof raw === 'object' && raw !== null && 'requestId' in raw ? String(raw.requestId) : '';
  const message = `Invalid message to the speech worker: ${parsed.error.issues.map((i) => i.message).join('; ')}`;
  if (requestId) post({ type: 'error', requestId, kind: 'invalid_request', message });
  else post({ type: 'log', level: 'error', message });
});
