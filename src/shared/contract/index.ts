import type { z } from 'zod';
import { studioChannels } from './studio';
import { templatesChannels } from './templates';
import { brandChannels } from './brand';
import { qualityChannels } from './quality';
import { hashtagsChannels } from './hashtags';
import { bulkChannels } from './bulk';
import { mediaChannels } from './media';
import { searchChannels } from './search';
import { planningChannels } from './planning';
import { accountsChannels } from './accounts';
import { publishingChannels } from './publishing';
import { analyticsChannels } from './analytics';
import { appChannels } from './app';
import { coachChannels } from './coach';
import { dataChannels } from './data';
import { importsChannels } from './imports';
import { llmChannels } from './llm';
import { llmAdminChannels } from './llm-admin';
import { postsChannels } from './posts';
import { profileChannels } from './profile';
import { reportsChannels } from './reports';
import { voiceChannels } from './voice';
import { syncChannels } from './sync';
import { relayChannels } from './relay';

/**
 * Every channel of the Cadence contract, `domain:verb-noun`. A new domain adds its file here;
 * main validates each input against these schemas before any service runs.
 */
export const contract = {
  ...appChannels,
  ...profileChannels,
  ...postsChannels,
  ...dataChannels,
  ...llmChannels,
  ...llmAdminChannels,
  ...importsChannels,
  ...analyticsChannels,
  ...reportsChannels,
  ...coachChannels,
  ...studioChannels,
  ...templatesChannels,
  ...brandChannels,
  ...qualityChannels,
  ...hashtagsChannels,
  ...bulkChannels,
  ...mediaChannels,
  ...searchChannels,
  ...planningChannels,
  ...accountsChannels,
  ...publishingChannels,
  ...voiceChannels,
  ...syncChannels,
  ...relayChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives, after parsing and defaults. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

export * from './errors';
export * from './events';
export type { ChannelDefinition } from './channel';
