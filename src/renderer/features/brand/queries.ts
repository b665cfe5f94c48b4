import type { SaveVoiceInput } from '../../../shared/contract/brand';
import type { VoiceGuide, VoiceState } from '../../../shared/domain/brand';
import type { Platform } from '../../../shared/domain/platform';
import { getClient } from '../../client/client';

export function fetchVoice(): Promise<VoiceState> {
  return getClient().invoke('brand:get-voice', {});
}

export function learnVoice(overwriteEdits: boolean): Promise<VoiceState> {
  return getClient().invoke('brand:learn-voice', { overwriteEdits });
}

export function saveVoice(changes: SaveVoiceInput): Promise<VoiceState> {
  return getClient().invoke('brand:save-voice', changes);
}

export function previewExamples(text: string, platform: Platform | null): Promise<VoiceGuide> {
  return getClient().invoke('brand:preview-examples', platform ? { text, platform } : { text });
}

/** The creator's platforms, for the preview's platform choice. */
export async function fetchPlatforms(): Promise<Platform[]> {
  return (await getClient().invoke('profile:get-profile', {}))?.platforms ?? [];
}
