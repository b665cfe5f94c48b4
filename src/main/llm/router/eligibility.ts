import type { ChainEntry, LlmSettings } from '../../../shared/domain/llm';
import type { LlmTask, ProviderId } from '../provider';
import { CADENCE_CLOUD } from '../providers/provider-catalog';
import type { ProviderInfo } from './provider-gate';

export type SkipReason =
  'not_set_up' | 'privacy_blocked' | 'cloud_not_allowed' | 'no_key' | 'circuit_open' | 'budget_exceeded';

/** A chain step the router passed over without calling it, and why (shown to the user). */
export interface Skip {
  provider: ProviderId;
  model: string;
  reason: SkipReason;
  message: string;
}

export type HasCloudKey = (provider: ProviderId) => Promise<boolean>;

/**
 * The policy gates a step must pass before any call is made: present, allowed by privacy mode,
 * and — for cloud — allowed for this task with a key saved (for the Cadence cloud model: signed in
 * to sync). (The provider gate re-checks privacy
 * at the call itself; this check only gives the user a clear reason early.)
 */
export async function skipReasonFor(
  entry: ChainEntry,
  info: ProviderInfo | null,
  task: LlmTask,
  settings: LlmSettings,
  hasCloudKey: HasCloudKey,
): Promise<Skip | null> {
  const skip = (reason: SkipReason, message: string): Skip => ({ ...entry, reason, message });
  if (!info) return skip('not_set_up', `${entry.provider} is not set up on this device`);
  if (info.location === 'local') return null;
  if (settings.privacyMode) return skip('privacy_blocked', `privacy mode is on, so ${entry.provider} is not used`);
  if (!settings.allowedCloudTasks.includes(task)) {
    return skip('cloud_not_allowed', `cloud models are not allowed for ${task}`);
  }
  if (!(await hasCloudKey(entry.provider))) {
    // The Cadence cloud model has no key: its credential is the sync sign-in.
    const missing =
      entry.provider === CADENCE_CLOUD.id ? CADENCE_CLOUD.signInMessage : `no API key is saved for ${entry.provider}`;
    return skip('no_key', missing);
  }
  return null;
}
