import { ContractError } from '../../../shared/contract/errors';
import type { WhisperModelId } from '../../../shared/domain/voice';
import { abortError } from './abort-error';
import { checkModelFile } from './model-file-check';
import type { RecognizerState, SpeechRecognizer, TranscribeRequest, Transcript } from './recognizer';
import type { SttSupervisor } from './stt.supervisor';

export interface WhisperRecognizerOptions {
  supervisor: SttSupervisor;
  /** The catalog model, or null for a file chosen by path (tests). */
  model: WhisperModelId | null;
  modelPath: string;
  useGpu: boolean;
  /** The catalog size, to spot an interrupted copy before whisper.cpp reads it. */
  expectedBytes?: number;
  /** How to get the file, e.g. "Download it in Settings → Voice." */
  remedy: string;
}

/**
 * Whisper behind the SpeechRecognizer seam. The model lives in the STT worker and stays loaded
 * between utterances; this side checks the file first (so a missing or damaged file gets a
 * message naming it), tracks the load state for `voice:status`, and maps worker errors to
 * ContractErrors.
 */
export function createWhisperRecognizer(options: WhisperRecognizerOptions): SpeechRecognizer {
  const { supervisor, modelPath, useGpu } = options;
  const spec = { modelPath, useGpu };
  const label = options.model ? `The Whisper model ${options.model}` : 'The Whisper model';
  let current: RecognizerState = {
    state: 'not-loaded',
    message: `${label} loads on the first utterance and then stays loaded.`,
    loadMs: null,
    loads: 0,
    gpu: false,
    model: options.model,
  };
  const set = (patch: Partial<RecognizerState>): void => {
    current = { ...current, ...patch };
  };

  const onLoaded = (event: { loadMs: number; gpu: boolean; note: string }): void => {
    // loadMs 0 means it was already loaded: warm reuse, not a load.
    if (event.loadMs > 0 || current.state !== 'ready') {
      set({
        loadMs: event.loadMs > 0 ? event.loadMs : current.loadMs,
        loads: current.loads + (event.loadMs > 0 ? 1 : 0),
      });
    }
    const where = event.gpu ? 'on the GPU' : 'on the CPU';
    set({ state: 'ready', gpu: event.gpu, message: event.note || `${label} is loaded ${where} and kept warm.` });
  };

  const checkFile = async (): Promise<void> => {
    try {
      await checkModelFile(modelPath, { what: label, remedy: options.remedy, bytes: options.expectedBytes });
    } catch (error) {
      if (error instanceof ContractError) {
        set({ state: error.code === 'NOT_FOUND' ? 'missing-model' : 'error', message: error.message });
      }
      throw error;
    }
  };

  const loadFailed = (message: string): ContractError => {
    const error = new ContractError(
      'UNAVAILABLE',
      `${label} could not be loaded from ${modelPath}: ${message}. The file may be damaged. ${options.remedy}`,
    );
    set({ state: 'error', message: error.message });
    return error;
  };

  const workerFailed = (error: unknown): never => {
    if (!(error instanceof ContractError)) throw error;
    if (current.state === 'loading') {
      // whisper.cpp aborts the process on some malformed files (a GGML_ASSERT) instead of
      // returning an error: a crash during the load is the file's fault, so say so.
      const crash = new ContractError(
        'UNAVAILABLE',
        `${label} at ${modelPath} is damaged: the speech engine crashed while loading it (${error.message}). ${options.remedy}`,
      );
      set({ state: 'error', message: crash.message });
      throw crash;
    }
    // The worker died: the model must be loaded again next time.
    set({ state: 'not-loaded', message: error.message });
    throw error;
  };

  return {
    id: 'whisper',
    state: () => current,

    async warm() {
      await checkFile();
      if (current.state !== 'ready') set({ state: 'loading', message: `Loading ${label}…` });
      const reply = await supervisor.request({ type: 'load', model: spec }).catch(workerFailed);
      if (reply.type === 'error') throw loadFailed(reply.message);
      if (reply.type === 'loaded') onLoaded(reply);
    },

    async transcribe(request: TranscribeRequest): Promise<Transcript> {
      const { signal } = request;
      if (signal?.aborted) throw abortError();
      await checkFile();
      if (current.state !== 'ready') set({ state: 'loading', message: `Loading ${label}…` });
      // English-only models must not be asked to detect a language.
      const language = options.model?.endsWith('.en') ? 'en' : request.language;
      let requestId: string | null = null;
      const onAbort = (): void => {
        if (requestId) supervisor.abandon(requestId, abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const reply = await supervisor
          .request(
            { type: 'transcribe', model: spec, pcm: request.pcm, language },
            { onRequestId: (id) => (requestId = id), onLoaded },
          )
          .catch(workerFailed);
        if (reply.type === 'transcribed') return { text: reply.text, language: reply.language, ms: reply.ms };
        if (reply.type === 'error' && reply.kind === 'cancelled') throw abortError();
        if (reply.type === 'error' && reply.kind === 'load-failed') throw loadFailed(reply.message);
        throw new ContractError(
          'INTERNAL',
          `Transcription failed: ${reply.type === 'error' ? reply.message : `unexpected ${reply.type} reply`}`,
        );
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },

    async close() {
      // The worker is shared with the VAD; its owner (createRecognition) closes it.
      set({ state: 'not-loaded', message: `${label} was unloaded.` });
    },
  };
}
