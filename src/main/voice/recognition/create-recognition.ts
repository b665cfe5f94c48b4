import { join } from 'node:path';
import type { VoiceLanguage, VoiceSettings, WhisperModelId } from '../../../shared/domain/voice';
import { createPocketsphinxRecognizer, type PocketsphinxOptions } from './pocketsphinx.recognizer';
import type { SpeechRecognizer, VoiceActivityDetector } from './recognizer';
import { SttSupervisor, type SttSupervisorOptions } from './stt.supervisor';
import { resolveSttWorkerPath } from './stt-worker-path';
import { catalogEntry } from './whisper-catalog';
import {
  createWhisperModelManager,
  type WhisperModelManager,
  type WhisperModelManagerOptions,
} from './whisper-model-manager';
import { createWhisperRecognizer } from './whisper.recognizer';
import { createWhisperVad } from './whisper-vad';

export interface RecognitionOptions {
  dataDir: string;
  logger: SttSupervisorOptions['logger'];
  settings: () => VoiceSettings;
  /** A JSGF grammar of the commands in this language, for pocketsphinx (intents' commandJsgf). */
  grammar: (language: VoiceLanguage) => string;
  /** The built worker; defaults to out/main/stt-worker.js beside the main bundle. */
  workerPath?: string;
  /** Overrides the Whisper model file (tests use whisper.cpp's weightless test model). */
  whisperModelPath?: (model: WhisperModelId) => string;
  /** Overrides the Silero VAD file (tests use ../shared/models). */
  vadModelPath?: string;
  pocketsphinx?: Partial<Omit<PocketsphinxOptions, 'grammar' | 'logger'>>;
  /** Overrides for the model manager (tests point downloads at 127.0.0.1). */
  models?: Partial<WhisperModelManagerOptions>;
}

export interface Recognition {
  /** The engine the current settings choose, created once and kept warm until the settings change. */
  recognizer(): SpeechRecognizer;
  /**
   * Silero VAD (in the Whisper worker, whichever recognizer is chosen). Its state is
   * 'missing-model' until a Whisper model download brings the VAD file; callers then skip trimming.
   */
  vad: VoiceActivityDetector;
  models: WhisperModelManager;
  /** The running worker, for status and tests (load counts, crash counts). */
  worker(): SttSupervisor;
  close(): Promise<void>;
}

const REMEDY = 'Download it again in Settings → Voice.';

/**
 * Builds speech recognition from the voice settings: Whisper in a supervised worker process (the
 * model loaded once and kept warm) or pocketsphinx, plus Silero VAD and the Whisper model manager.
 * Changing the recognizer, model or GPU setting swaps the engine on the next call; the old one is
 * closed in the background.
 */
export function createRecognition(options: RecognitionOptions): Recognition {
  const modelsDir = join(options.dataDir, 'models', 'whisper');
  const models = createWhisperModelManager({ modelsDir, logger: options.logger, ...options.models });

  let supervisor: { useGpu: boolean; instance: SttSupervisor } | null = null;
  const worker = (useGpu = options.settings().useGpu): SttSupervisor => {
    if (supervisor && supervisor.useGpu === useGpu) return supervisor.instance;
    // whisper.node picks its native build (CPU, CUDA, Vulkan) once per process.
    if (supervisor) void supervisor.instance.close();
    const instance = new SttSupervisor({
      workerPath: options.workerPath ?? resolveSttWorkerPath(),
      logger: options.logger,
    });
    supervisor = { useGpu, instance };
    return instance;
  };

  let engine: { key: string; recognizer: SpeechRecognizer } | null = null;
  const recognizer = (): SpeechRecognizer => {
    const settings = options.settings();
    const key =
      settings.recognizer === 'whisper' ? `whisper:${settings.whisperModel}:${settings.useGpu}` : 'pocketsphinx';
    if (engine?.key === key) return engine.recognizer;
    if (engine) void engine.recognizer.close();
    const created =
      settings.recognizer === 'whisper'
        ? createWhisperRecognizer({
            supervisor: worker(settings.useGpu),
            model: settings.whisperModel,
            modelPath: options.whisperModelPath?.(settings.whisperModel) ?? models.pathOf(settings.whisperModel),
            useGpu: settings.useGpu,
            expectedBytes: options.whisperModelPath ? undefined : catalogEntry(settings.whisperModel).bytes,
            remedy: `Download the ${settings.whisperModel} model in Settings → Voice.`,
          })
        : createPocketsphinxRecognizer({
            dataDir: options.dataDir,
            grammar: options.grammar,
            logger: options.logger,
            ...options.pocketsphinx,
          });
    engine = { key, recognizer: created };
    return created;
  };

  const vad = createWhisperVad({
    supervisor: () => worker(),
    modelPath: options.vadModelPath ?? models.vadPath(),
    remedy: `It downloads with any Whisper model in Settings → Voice. ${REMEDY}`,
  });

  return {
    recognizer,
    vad,
    models,
    worker: () => worker(),
    async close() {
      await engine?.recognizer.close();
      await vad.close();
      await supervisor?.instance.close();
      engine = null;
      supervisor = null;
    },
  };
}
