import type { z } from 'zod';
import type { voiceChannels } from '../../../shared/contract/voice';
import { getClient } from '../../client/client';

type VoiceChannels = typeof voiceChannels;
export type VoiceChannel = keyof VoiceChannels;
export type VoiceInput<C extends VoiceChannel> = z.input<VoiceChannels[C]['input']>;
export type VoiceOutput<C extends VoiceChannel> = z.output<VoiceChannels[C]['output']>;

/**
 * Calls a `voice:*` channel, typed from the voice contract itself, so the Talk page does not
 * depend on how the contract map is assembled. Stores call this; components never do.
 */
export function voiceCall<C extends VoiceChannel>(channel: C, input: VoiceInput<C>): Promise<VoiceOutput<C>> {
  const client = getClient() as unknown as { invoke(channel: string, input: unknown): Promise<unknown> };
  return client.invoke(channel, input) as Promise<VoiceOutput<C>>;
}
