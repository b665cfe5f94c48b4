import type { Input, Output } from '../../../shared/contract';
import type { Progress } from '../../../shared/contract/events';
import type { LlmSettingsPatch } from '../../../shared/domain/llm';
import { getClient } from '../../client/client';

/** The core calls the AI page makes; stores call these, components never do. */

export type CloudProviderId = Input<'llm:save-api-key'>['provider'];
export type HealthCheck = Output<'llm:check-health'>[number];

export const getEngineStatus = () => getClient().invoke('llm:get-engine-status', {});
export const checkHealth = () => getClient().invoke('llm:check-health', {});
export const listLocalModels = () => getClient().invoke('llm:list-local-models', {});
export const getRecommendations = () => getClient().invoke('llm:get-recommendations', {});
export const deleteModel = (model: string) => getClient().invoke('llm:delete-model', { model });

export const pullModel = (model: string, jobId: string) => getClient().invoke('llm:pull-model', { model, jobId });
export const downloadEmbeddedModel = (request: Input<'llm:download-embedded-model'>) =>
  getClient().invoke('llm:download-embedded-model', request);
export const getEmbeddedModelFile = () => getClient().invoke('llm:get-embedded-model-file', {});
export const setEmbeddedModelFile = (path: string | null) =>
  getClient().invoke('llm:set-embedded-model-file', { path });
export const cancelJob = (jobId: string) => getClient().invoke('llm:cancel-job', { jobId });

/** Progress of one job; returns the unsubscribe function. */
export function onJobProgress(jobId: string, listener: (progress: Progress) => void): () => void {
  return getClient().on('job:progress', (progress) => {
    if (progress.jobId === jobId) listener(progress);
  });
}

export const getSettings = () => getClient().invoke('llm:get-settings', {});
export const saveSettings = (patch: LlmSettingsPatch) => getClient().invoke('llm:save-settings', patch);

export const listCloudProviders = () => getClient().invoke('llm:list-cloud-providers', {});
export const saveApiKey = (provider: CloudProviderId, apiKey: string) =>
  getClient().invoke('llm:save-api-key', { provider, apiKey });
export const removeApiKey = (provider: CloudProviderId) => getClient().invoke('llm:remove-api-key', { provider });

export const getUsage = (from: string, to: string) => getClient().invoke('llm:get-usage', { from, to });
