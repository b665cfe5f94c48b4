import { ContractError } from '../../../shared/contract/errors';
import { checkModelFile } from './model-file-check';
import type { EngineStateName, SpeechSegment, VoiceActivityDetector } from './recognizer';
import type { SttSupervisor } from './stt.supervisor';

/**
 * Silero VAD in the STT worker (whisper.cpp's VAD), loaded once and kept. Short audio (under
 * Silero's 512-sample window) has no segments rather than an error.
 */
export function createWhisperVad(options: {
  /** The current worker (a new one after the GPU setting changes). */
  supervisor: () => SttSupervisor;
  modelPath: string;
  remedy: string;
}): VoiceActivityDetector {
  let current: { state: EngineStateName; message: string } = {
    state: 'not-loaded',
    message: 'The voice activity model loads with the first utterance.',
  };
  const what = 'The voice activity model (Silero VAD)';

  return {
    state: () => current,
    async segments(pcm: Int16Array): Promise<SpeechSegment[]> {
      try {
        await checkModelFile(options.modelPath, { what, remedy: options.remedy });
      } catch (error) {
        if (error instanceof ContractError) {
          current = { state: error.code === 'NOT_FOUND' ? 'missing-model' : 'error', message: error.message };
        }
        throw error;
      }
      if (pcm.length < 512) return [];
      const reply = await options.supervisor().request({ type: 'vad', modelPath: options.modelPath, pcm });
      if (reply.type === 'segments') {
        current = { state: 'ready', message: 'Silero VAD is loaded.' };
        return reply.segments;
      }
      const message = reply.type === 'error' ? reply.message : `unexpected ${reply.type} reply`;
      const error = new ContractError(
        'UNAVAILABLE',
        `${what} could not run on ${options.modelPath}: ${message}. ${options.remedy}`,
      );
      current = { state: 'error', message: error.message };
      throw error;
    },
    async close() {
      current = { state: 'not-loaded', message: 'The voice activity model was unloaded.' };
    },
  };
}
