import type { HandlerSlice } from '../contract/handlers';
import type { VoiceService } from './voice.service';

/** Binds the voice:* channels to the service; inputs arrive parsed by the dispatcher. */
export function voiceHandlers(voice: VoiceService): HandlerSlice<'voice'> {
  return {
    'voice:get-settings': () => voice.getSettings(),
    'voice:update-settings': (input) => voice.updateSettings(input),
    'voice:status': () => voice.status(),
    'voice:download-model': ({ model }) => voice.downloadModel(model),
    'voice:cancel-download': ({ jobId }) => {
      voice.cancelDownload(jobId);
      return {};
    },
    'voice:begin': (input) => voice.begin(input),
    'voice:push-audio': (input) => voice.pushAudio(input),
    'voice:end': ({ utteranceId }) => voice.end(utteranceId),
    'voice:cancel': ({ utteranceId }) => {
      voice.cancel(utteranceId);
      return {};
    },
    'voice:run-text': (input) => voice.runText(input),
    'voice:confirm': ({ commandId, answer }) => voice.confirm(commandId, answer),
    'voice:history': async ({ limit, before }) => ({ commands: await voice.history(limit, before) }),
    'voice:correct': (input) => voice.correct(input),
    'voice:list-custom': async () => ({ commands: await voice.listCustom() }),
    'voice:save-custom': (input) => voice.saveCustom(input),
    'voice:delete-custom': async ({ id }) => {
      await voice.deleteCustom(id);
      return {};
    },
    'voice:list-actions': () => ({ actions: voice.listActions() }),
    'voice:speak': (input) => voice.speak(input),
    'voice:list-voices': async () => ({ voices: await voice.listVoices() }),
  };
}
