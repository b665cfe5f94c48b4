import { create } from 'zustand';
import type { CommandContext, VoiceActionInfo, VoiceStatus } from '../../../shared/contract/voice';
import type {
  CustomCommand,
  VoiceCommand,
  VoiceIntent,
  VoiceLanguage,
  VoiceSettings,
  WhisperModelId,
} from '../../../shared/domain/voice';
import { errorMessage } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { type CapturePhase, CaptureSession } from './capture-session';
import { listMicrophones, openMicrophone } from './microphone';
import { microphoneErrorMessage } from './microphone-errors';
import { voiceCall } from './queries';
import { playWav } from './reply-player';
import { commandContextOf } from './voice-routes';

export interface ModelDownload {
  jobId: string;
  percent: number | null;
  status: string;
}

interface TalkState {
  phase: CapturePhase;
  /** 0–1 while listening, for the meter. */
  level: number;
  /** The command shown near the hold button (transcript, reply, yes/no). */
  last: VoiceCommand | null;
  /** A capture problem (microphone refused, no device) with how to fix it. */
  error: string | null;
  /** Why a recording stopped by itself. */
  notice: string | null;
  /** What the core says the utterance is doing (voice:state), while processing. */
  stage: string | null;
  pathname: string;
  settings: VoiceSettings | null;
  status: VoiceStatus | null;
  history: VoiceCommand[];
  custom: CustomCommand[];
  actions: VoiceActionInfo[];
  voices: Array<{ id: string; name: string; language: string }>;
  microphones: Array<{ id: string; label: string }>;
  downloads: Partial<Record<WhisperModelId, ModelDownload>>;
  loadError: string | null;
  running: boolean;

  setPathname: (pathname: string) => void;
  loadSettings: () => Promise<void>;
  loadAll: () => Promise<void>;
  loadStatus: () => Promise<void>;
  loadHistory: () => Promise<void>;
  loadCustom: () => Promise<void>;
  refreshMicrophones: () => Promise<void>;
  /** Hold started (button, in-window key, global key). */
  press: (source: 'button' | 'hotkey') => Promise<void>;
  /** Hold ended. */
  release: () => Promise<void>;
  /** Toggle mode (and the globalShortcut fallback): start, or stop a recording in progress. */
  toggle: (source: 'button' | 'hotkey') => Promise<void>;
  cancel: () => Promise<void>;
  runText: (text: string, language?: VoiceLanguage) => Promise<boolean>;
  confirm: (commandId: string, answer: 'yes' | 'no') => Promise<void>;
  correct: (commandId: string, intents: VoiceIntent[], rerun: boolean) => Promise<boolean>;
  saveCustom: (input: {
    id?: string;
    phrase: string;
    language: VoiceLanguage;
    intents: VoiceIntent[];
  }) => Promise<boolean>;
  deleteCustom: (id: string) => Promise<void>;
  updateSettings: (changes: Partial<VoiceSettings>) => Promise<void>;
  downloadModel: (model: WhisperModelId) => Promise<void>;
  cancelDownload: (model: WhisperModelId) => Promise<void>;
  onProgress: (progress: {
    jobId: string;
    percent?: number | null | undefined;
    phase: string;
    status?: string | undefined;
  }) => void;
  testVoice: () => Promise<void>;
  dismiss: () => void;
  /** Shows a command's outcome near the button and speaks the reply. */
  showCommand: (command: VoiceCommand) => void;
}

const isDesktop = () => typeof window !== 'undefined' && Boolean(window.cadence);

export const useTalk = create<TalkState>()((set, get) => {
  const session = new CaptureSession(
    {
      begin: (input) => voiceCall('voice:begin', input),
      push: (input) => voiceCall('voice:push-audio', input),
      end: (input) => voiceCall('voice:end', input),
      cancel: (input) => voiceCall('voice:cancel', input),
      openMicrophone,
      setTimeout: (run, ms) => window.setTimeout(run, ms),
      clearTimeout: (handle) => window.clearTimeout(handle as number),
    },
    {
      phase: (phase) => set({ phase, ...(phase === 'idle' ? { level: 0, stage: null } : {}) }),
      level: (level) => set({ level }),
      autoStopped: (reason) => {
        set({
          notice:
            reason === 'limit'
              ? `Stopped at the maximum length (${get().settings?.maxSeconds ?? 30} s).`
              : 'Stopped after a pause.',
        });
        void get().release();
      },
    },
  );

  const context = (): CommandContext => commandContextOf(get().pathname);

  const remember = (command: VoiceCommand) => {
    const rest = get().history.filter((entry) => entry.id !== command.id);
    set({ history: [command, ...rest] });
  };

  return {
    phase: 'idle',
    level: 0,
    last: null,
    error: null,
    notice: null,
    stage: null,
    pathname: typeof window === 'undefined' ? '/' : window.location.pathname,
    settings: null,
    status: null,
    history: [],
    custom: [],
    actions: [],
    voices: [],
    microphones: [],
    downloads: {},
    loadError: null,
    running: false,

    setPathname: (pathname) => set({ pathname }),

    loadSettings: async () => {
      try {
        set({ settings: await voiceCall('voice:get-settings', {}), loadError: null });
      } catch (error) {
        set({ loadError: errorMessage(error) });
      }
    },

    loadAll: async () => {
      const load = async <T>(run: () => Promise<T>, apply: (value: T) => void) => {
        try {
          apply(await run());
        } catch (error) {
          set({ loadError: errorMessage(error) });
        }
      };
      set({ loadError: null });
      await Promise.all([
        get().loadSettings(),
        get().loadStatus(),
        get().loadHistory(),
        get().loadCustom(),
        load(
          () => voiceCall('voice:list-actions', {}),
          ({ actions }) => set({ actions }),
        ),
        load(
          () => voiceCall('voice:list-voices', {}),
          ({ voices }) => set({ voices }),
        ),
        get().refreshMicrophones(),
      ]);
    },

    loadStatus: async () => {
      try {
        set({ status: await voiceCall('voice:status', {}) });
      } catch (error) {
        set({ loadError: errorMessage(error) });
      }
    },

    loadHistory: async () => {
      try {
        const { commands } = await voiceCall('voice:history', { limit: 50 });
        set({ history: commands });
      } catch (error) {
        set({ loadError: errorMessage(error) });
      }
    },

    loadCustom: async () => {
      try {
        const { commands } = await voiceCall('voice:list-custom', {});
        set({ custom: commands });
      } catch (error) {
        set({ loadError: errorMessage(error) });
      }
    },

    refreshMicrophones: async () => {
      try {
        set({ microphones: await listMicrophones() });
      } catch {
        set({ microphones: [] });
      }
    },

    press: async (source) => {
      if (session.current !== 'idle') return;
      set({ error: null, notice: null, last: null });
      let settings = get().settings;
      if (!settings) {
        await get().loadSettings();
        settings = get().settings;
      }
      try {
        await session.start({
          source,
          mode: settings?.mode ?? 'hold',
          context: context(),
          deviceId: settings?.inputDeviceId ?? null,
        });
        // Labels only appear once the microphone was allowed: list them again for the chooser.
        if (get().microphones.every((microphone) => microphone.label.startsWith('Microphone ')))
          void get().refreshMicrophones();
      } catch (error) {
        const name = error instanceof Error || error instanceof DOMException ? error.name : '';
        const isMicrophone = [
          'NotAllowedError',
          'SecurityError',
          'NotFoundError',
          'OverconstrainedError',
          'NotReadableError',
          'AbortError',
          'NotSupportedError',
        ].includes(name);
        set({
          error: isMicrophone
            ? microphoneErrorMessage(error, isDesktop())
            : `Could not start listening: ${errorMessage(error)}`,
        });
      }
    },

    release: async () => {
      // Both the in-window key and the global hook may report one release: the first one ends it.
      if (session.current === 'idle' || session.current === 'processing') return;
      try {
        const command = await session.stop();
        if (command) get().showCommand(command);
      } catch (error) {
        set({ error: `Could not understand that recording: ${errorMessage(error)}` });
      }
    },

    toggle: async (source) => {
      if (session.current === 'idle') await get().press(source);
      else await get().release();
    },

    cancel: async () => {
      if (session.current === 'idle') return;
      await session.cancel();
      set({ notice: 'Cancelled.' });
    },

    runText: async (text, language) => {
      set({ running: true, error: null, notice: null });
      try {
        const command = await voiceCall('voice:run-text', {
          text,
          context: context(),
          ...(language ? { language } : {}),
        });
        get().showCommand(command);
        return true;
      } catch (error) {
        showToast({ kind: 'error', message: `Could not run that command: ${errorMessage(error)}` });
        return false;
      } finally {
        set({ running: false });
      }
    },

    confirm: async (commandId, answer) => {
      set({ running: true });
      try {
        get().showCommand(await voiceCall('voice:confirm', { commandId, answer }));
      } catch (error) {
        showToast({ kind: 'error', message: `Could not answer: ${errorMessage(error)}` });
      } finally {
        set({ running: false });
      }
    },

    correct: async (commandId, intents, rerun) => {
      try {
        const { command, custom } = await voiceCall('voice:correct', { commandId, intents, teach: true, rerun });
        remember(command);
        if (rerun) get().showCommand(command);
        if (custom) set({ custom: [custom, ...get().custom.filter((entry) => entry.id !== custom.id)] });
        showToast({
          kind: 'success',
          message: custom ? `Learned: “${custom.phrase}” now does that.` : 'Saved the correction.',
        });
        return true;
      } catch (error) {
        showToast({ kind: 'error', message: `Could not save the correction: ${errorMessage(error)}` });
        return false;
      }
    },

    saveCustom: async (input) => {
      try {
        const saved = await voiceCall('voice:save-custom', input);
        set({ custom: [saved, ...get().custom.filter((entry) => entry.id !== saved.id)] });
        showToast({ kind: 'success', message: `Saved “${saved.phrase}”.` });
        return true;
      } catch (error) {
        showToast({ kind: 'error', message: `Could not save the command: ${errorMessage(error)}` });
        return false;
      }
    },

    deleteCustom: async (id) => {
      try {
        await voiceCall('voice:delete-custom', { id });
        set({ custom: get().custom.filter((entry) => entry.id !== id) });
      } catch (error) {
        showToast({ kind: 'error', message: `Could not delete the command: ${errorMessage(error)}` });
      }
    },

    updateSettings: async (changes) => {
      const previous = get().settings;
      if (previous) set({ settings: { ...previous, ...changes } });
      try {
        set({ settings: await voiceCall('voice:update-settings', changes) });
        void get().loadStatus();
      } catch (error) {
        set({ settings: previous });
        showToast({ kind: 'error', message: `Could not save the voice setting: ${errorMessage(error)}` });
      }
    },

    downloadModel: async (model) => {
      try {
        const { jobId } = await voiceCall('voice:download-model', { model });
        set({ downloads: { ...get().downloads, [model]: { jobId, percent: 0, status: 'Starting…' } } });
      } catch (error) {
        showToast({ kind: 'error', message: `Could not download the model: ${errorMessage(error)}` });
      }
    },

    cancelDownload: async (model) => {
      const download = get().downloads[model];
      if (!download) return;
      try {
        await voiceCall('voice:cancel-download', { jobId: download.jobId });
      } catch (error) {
        showToast({ kind: 'error', message: `Could not stop the download: ${errorMessage(error)}` });
      }
    },

    onProgress: (progress) => {
      const downloads = get().downloads;
      const entry = (Object.entries(downloads) as Array<[WhisperModelId, ModelDownload]>).find(
        ([, download]) => download.jobId === progress.jobId,
      );
      if (!entry) return;
      const [model, download] = entry;
      const finished = ['done', 'failed', 'cancelled', 'error'].includes(progress.phase);
      const next = { ...downloads };
      if (finished) {
        delete next[model];
        void get().loadStatus();
        if (progress.phase !== 'done')
          showToast({ kind: 'error', message: `The ${model} download stopped: ${progress.status ?? progress.phase}` });
      } else {
        next[model] = {
          ...download,
          percent: progress.percent ?? download.percent,
          status: progress.status ?? progress.phase,
        };
      }
      set({ downloads: next });
    },

    testVoice: async () => {
      const replies = get().settings?.replies;
      try {
        const speech = await voiceCall('voice:speak', {
          text: 'Hello! This is how Cadence sounds when it answers you.',
          ...(replies ? { voice: replies.voice, rate: replies.rate, pitch: replies.pitch, tone: replies.tone } : {}),
        });
        await playWav(speech.wavBase64);
      } catch (error) {
        showToast({ kind: 'error', message: `Could not play the voice: ${errorMessage(error)}` });
      }
    },

    dismiss: () => set({ last: null, error: null, notice: null }),

    showCommand: (command) => {
      set({ last: command });
      remember(command);
      const replies = get().settings?.replies;
      if (replies?.enabled && command.reply.trim() !== '') {
        voiceCall('voice:speak', { text: command.reply.slice(0, 2000) })
          .then((speech) => playWav(speech.wavBase64))
          .catch(() => undefined); // the reply is on screen; sound is a bonus
      }
    },
  };
});
