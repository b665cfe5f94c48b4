import { performance } from 'node:perf_hooks';
import type {
  CommandContext,
  SpeakInput,
  Speech,
  VoiceActionInfo,
  VoiceSettingsUpdate,
  VoiceStatus,
} from '../../shared/contract/voice';
import { ContractError } from '../../shared/contract/errors';
import type {
  CustomCommand,
  VoiceCommand,
  VoiceIntent,
  VoiceLanguage,
  VoiceSettings,
  WhisperModelId,
} from '../../shared/domain/voice';
import type { EventBus } from '../contract/event-bus';
import type { Logger } from '../platform/logger/logger';
import { type ActionRegistry, listActions } from './actions/action-registry';
import type { CustomCommandsRepository } from './custom/custom-commands.repository';
import type { CommandHistoryRepository } from './history/command-history.repository';
import { normalizePhrase } from './intents';
import { trimToSpeech, type SpeechRecognizer, type VoiceActivityDetector } from './recognition/recognizer';
import type { SpeechTracker } from './speech-tracker';
import type { WhisperModelManager } from './recognition/whisper-model-manager';
import type { SpeechSynthesizer } from './speech/speech-synthesizer';
import type { CommandRunner } from './voice-commands';
import type { VoiceSettingsStore } from './voice-settings.store';
import { UtteranceStore } from './voice-utterances';

/** The recognition side as the voice domain uses it (src/main/voice/recognition builds it). */
export interface VoiceRecognition {
  /** The engine the current settings ask for, loaded once and kept warm. */
  recognizer(): SpeechRecognizer;
  vad: VoiceActivityDetector;
  models: Pick<WhisperModelManager, 'list' | 'download' | 'cancel'>;
  close(): Promise<void>;
}

export interface HotkeyAvailability {
  global: boolean;
  message: string;
}

/** The detector's edges clip soft consonants; this much audio is kept either side of the speech. */
const SPEECH_PAD_MS = 500;

export const NO_GLOBAL_HOTKEY: HotkeyAvailability = {
  global: false,
  message:
    'No global key hook here (the browser version): use the on-screen hold button, or the key while the Cadence window has focus.',
};

/** Desktop before the host reports its key hook (VoiceService.setHotkey). */
export const HOTKEY_NOT_STARTED: HotkeyAvailability = {
  global: false,
  message: 'The global key hook has not started; the key works while the Cadence window has focus.',
};

export interface VoiceServiceDeps {
  events: EventBus;
  logger: Logger;
  settings: VoiceSettingsStore;
  history: CommandHistoryRepository;
  custom: CustomCommandsRepository;
  registry: ActionRegistry;
  runner: CommandRunner;
  recognition: VoiceRecognition;
  speech: SpeechSynthesizer;
  hotkey: HotkeyAvailability;
}

/**
 * Push-to-talk: utterances (audio in, silence trimmed, transcribed by the warm recognizer) handed to
 * the command runner; settings, history, corrections, custom phrases, spoken replies and models.
 */
export class VoiceService {
  private readonly utterances = new UtteranceStore();
  private recognition: VoiceRecognition;
  private speech: SpeechSynthesizer;
  private hotkey: HotkeyAvailability;
  private readonly downloads = new Set<Promise<unknown>>();
  private readonly downloadJobs = new Set<string>();

  constructor(private readonly deps: VoiceServiceDeps) {
    this.recognition = deps.recognition;
    this.speech = deps.speech;
    this.hotkey = deps.hotkey;
  }

  /** Swaps the recognition engines (tests and benches point them at test models); the old ones close. */
  async attachRecognition(recognition: VoiceRecognition): Promise<void> {
    const old = this.recognition;
    this.recognition = recognition;
    if (old !== recognition) await old.close();
  }

  async attachSpeech(speech: SpeechSynthesizer): Promise<void> {
    const old = this.speech;
    this.speech = speech;
    if (old !== speech) await old.close();
  }

  /** The desktop host says whether its global key hook started. */
  setHotkey(availability: HotkeyAvailability): void {
    this.hotkey = availability;
  }

  getSettings(): Promise<VoiceSettings> {
    return this.deps.settings.load();
  }

  async updateSettings(patch: VoiceSettingsUpdate): Promise<VoiceSettings> {
    const next = await this.deps.settings.update(patch);
    this.deps.events.emit('voice:changed', { commandId: null, reason: 'settings' });
    return next;
  }

  async status(): Promise<VoiceStatus> {
    const recognizer = this.recognizer();
    const r = recognizer.state();
    const settings = this.deps.settings.current();
    const models = await this.recognition.models.list();
    // Before the first utterance the engine has not looked for its file: say now that it is missing.
    const chosen = models.find((m) => m.id === settings.whisperModel);
    const notDownloaded = recognizer.id === 'whisper' && r.state === 'not-loaded' && chosen && !chosen.installed;
    return {
      recognizer: {
        id: recognizer.id,
        state: notDownloaded ? 'missing-model' : r.state,
        message: notDownloaded
          ? `The Whisper model ${chosen.label} is not downloaded yet: download it under Speech recognition on the Talk page.`
          : r.message,
        model: r.model ?? (recognizer.id === 'whisper' ? settings.whisperModel : null),
        loadMs: r.loadMs,
        loads: r.loads,
        gpu: r.gpu,
      },
      vad: this.vadState(),
      tts: this.speech.state(),
      models,
      hotkey: this.hotkey,
    };
  }

  downloadModel(model: WhisperModelId): { jobId: string } {
    const { jobId, done } = this.recognition.models.download(model, (progress) =>
      this.deps.events.emit('job:progress', progress),
    );
    const tracked = done
      .then((outcome) => {
        this.deps.events.emit('voice:changed', { commandId: null, reason: `model-${outcome}` });
      })
      .catch((error: unknown) => this.deps.logger.warn({ err: error, model }, 'voice: model download failed'))
      .finally(() => {
        this.downloads.delete(tracked);
        this.downloadJobs.delete(jobId);
      });
    this.downloads.add(tracked);
    this.downloadJobs.add(jobId);
    return { jobId };
  }

  cancelDownload(jobId: string): void {
    if (!this.recognition.models.cancel(jobId)) {
      throw new ContractError('NOT_FOUND', 'No model download with this id is running');
    }
  }

  async begin(input: {
    source: 'button' | 'hotkey';
    mode: 'hold' | 'toggle';
    context: CommandContext;
  }): Promise<{ utteranceId: string; maxSeconds: number }> {
    const settings = await this.deps.settings.load();
    const utterance = this.utterances.begin(input, settings.maxSeconds, this.recognition.vad);
    // Load the model while the creator speaks; a failure is reported by voice:end with its message.
    this.recognizer()
      .warm()
      .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'voice: recognizer did not warm'));
    this.state(utterance.id, 'listening');
    return { utteranceId: utterance.id, maxSeconds: settings.maxSeconds };
  }

  pushAudio(input: { utteranceId: string; seq: number; pcm: string }) {
    return this.utterances.push(input.utteranceId, input.seq, input.pcm);
  }

  /** Key released: trim silence, transcribe, then understand and act. */
  async end(utteranceId: string): Promise<VoiceCommand> {
    const { utterance, pcm } = this.utterances.finish(utteranceId);
    const { signal } = utterance.controller;
    const settings = await this.deps.settings.load();
    try {
      this.state(utteranceId, 'transcribing');
      const started = performance.now();
      const recognizer = this.recognizer();
      const speech = await this.speechOnly(pcm, utterance.speech, recognizer.id === 'pocketsphinx');
      let text = '';
      if (speech.length > 0) {
        const transcript = await recognizer.transcribe({ pcm: speech, language: settings.language, signal });
        text = transcript.text;
      }
      if (signal.aborted) throw cancelled();
      const transcribeMs = performance.now() - started;
      return await this.deps.runner.run({
        transcript: text,
        source: 'voice',
        context: utterance.context,
        utteranceId,
        transcribeMs,
        signal,
      });
    } catch (error) {
      const failure = signal.aborted ? cancelled() : error;
      this.state(utteranceId, 'error', failure instanceof Error ? failure.message : 'The recording failed');
      throw failure;
    } finally {
      this.utterances.drop(utteranceId);
    }
  }

  cancel(utteranceId: string): void {
    this.utterances.cancel(utteranceId);
    this.state(utteranceId, 'done', 'Cancelled');
  }

  runText(input: {
    text: string;
    language?: VoiceLanguage | undefined;
    context: CommandContext;
  }): Promise<VoiceCommand> {
    return this.deps.runner.run({
      transcript: input.text,
      source: 'text',
      language: input.language,
      context: input.context,
    });
  }

  confirm(commandId: string, answer: 'yes' | 'no'): Promise<VoiceCommand> {
    return this.deps.runner.confirm(commandId, answer);
  }

  async history(limit: number, before?: string): Promise<VoiceCommand[]> {
    return this.deps.history.list(limit, before);
  }

  /**
   * Records what a command should have meant; `teach` keeps the transcript as a custom phrase for
   * those intents (replacing what that phrase meant before); `rerun` runs them now as a new command.
   */
  async correct(input: {
    commandId: string;
    intents: VoiceIntent[];
    teach: boolean;
    rerun: boolean;
  }): Promise<{ command: VoiceCommand; custom: CustomCommand | null }> {
    const stored = await this.deps.history.get(input.commandId);
    if (!stored) throw new ContractError('NOT_FOUND', 'That command is not in the history');
    const corrected = { ...stored, command: { ...stored.command, correctedTo: input.intents } };
    let custom: CustomCommand | null = null;
    if (input.teach) {
      const phrase = normalizePhrase(stored.command.transcript);
      if (phrase.length < 2) {
        throw new ContractError('VALIDATION_FAILED', 'Nothing was heard, so there is no phrase to teach', {
          issues: [{ path: ['teach'], message: 'Turn teaching off for an empty command' }],
        });
      }
      const existing = (await this.deps.custom.list()).find(
        (c) => c.language === stored.command.language && c.phrase === phrase,
      );
      custom = await this.deps.custom.save({
        id: existing?.id,
        phrase,
        language: stored.command.language,
        intents: input.intents,
        origin: 'correction',
      });
    }
    await this.deps.history.update(corrected);
    this.deps.events.emit('voice:changed', { commandId: input.commandId, reason: 'corrected' });
    if (!input.rerun) return { command: corrected.command, custom };
    const rerun = await this.deps.runner.run({
      transcript: stored.command.transcript,
      source: stored.command.source,
      language: stored.command.language,
      context: { postId: null, page: null },
      intents: { intents: input.intents, by: 'custom' },
    });
    return { command: rerun, custom };
  }

  listCustom(): Promise<CustomCommand[]> {
    return this.deps.custom.list();
  }

  async saveCustom(input: {
    id?: string | undefined;
    phrase: string;
    language: VoiceLanguage;
    intents: VoiceIntent[];
  }): Promise<CustomCommand> {
    const saved = await this.deps.custom.save({ ...input, origin: 'manual' });
    this.deps.events.emit('voice:changed', { commandId: null, reason: 'custom' });
    return saved;
  }

  async deleteCustom(id: string): Promise<void> {
    await this.deps.custom.delete(id);
    this.deps.events.emit('voice:changed', { commandId: null, reason: 'custom' });
  }

  listActions(): VoiceActionInfo[] {
    return listActions(this.deps.registry);
  }

  async speak(input: SpeakInput): Promise<Speech> {
    const { replies } = await this.deps.settings.load();
    return this.speech.speak({
      text: input.text,
      voice: input.voice ?? replies.voice,
      rate: input.rate ?? replies.rate,
      pitch: input.pitch ?? replies.pitch,
      tone: input.tone ?? replies.tone,
    });
  }

  listVoices() {
    return this.speech.listVoices();
  }

  async close(): Promise<void> {
    this.utterances.cancelAll();
    // A download stops now and resumes from its part file next time.
    for (const jobId of this.downloadJobs) this.recognition.models.cancel(jobId);
    await Promise.allSettled([...this.downloads]);
    await Promise.allSettled([this.recognition.close(), this.speech.close()]);
  }

  /**
   * The current engine; one that cannot even be set up (its worker missing from the build) becomes
   * an unavailable engine whose calls fail with that plain message, so status still answers.
   */
  private recognizer(): SpeechRecognizer {
    try {
      return this.recognition.recognizer();
    } catch (error) {
      const message = error instanceof Error ? error.message : 'Speech recognition could not start';
      this.deps.logger.warn({ err: error }, 'voice: recognizer could not be set up');
      const refuse = async (): Promise<never> => {
        throw new ContractError('UNAVAILABLE', message);
      };
      const settings = this.deps.settings.current();
      return {
        id: settings.recognizer,
        state: () => ({ state: 'unavailable', message, loadMs: null, loads: 0, gpu: false, model: null }),
        warm: refuse,
        transcribe: refuse,
        close: async () => undefined,
      };
    }
  }

  private vadState(): VoiceStatus['vad'] {
    try {
      return this.recognition.vad.state();
    } catch (error) {
      return {
        state: 'unavailable',
        message: error instanceof Error ? error.message : 'Speech detection could not start',
      };
    }
  }

  /**
   * The audio between the first and last speech (none when none was heard), from the speech
   * tracked while the creator spoke; all of it when the detector cannot run.
   */
  private async speechOnly(pcm: Int16Array, tracker: SpeechTracker, keepWhole: boolean): Promise<Int16Array> {
    if (pcm.length === 0) return pcm;
    // pocketsphinx finds its own utterance edges; a trim moves its 10 ms frames, and with the
    // detector's edges varying a little from run to run, "morning routines" came back as
    // "week routines" now and then. It gets the whole recording when speech was heard, so once
    // speech was found during the recording, the last moments need no analysis.
    if (keepWhole && tracker.segments().length > 0) return pcm;
    try {
      const segments = await tracker.finish();
      if (keepWhole && segments.length > 0) return pcm;
      return trimToSpeech(pcm, segments, SPEECH_PAD_MS);
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'voice: speech detection failed; transcribing the whole recording');
      return pcm;
    }
  }

  private state(utteranceId: string, phase: 'listening' | 'transcribing' | 'done' | 'error', message?: string): void {
    this.deps.events.emit('voice:state', {
      utteranceId,
      commandId: null,
      phase,
      ...(message ? { message } : {}),
    });
  }
}

function cancelled(): ContractError {
  return new ContractError('CONFLICT', 'The recording was cancelled');
}
