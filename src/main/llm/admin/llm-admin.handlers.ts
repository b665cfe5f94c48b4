import type { LlmAdminChannel } from '../../../shared/contract/llm-admin';
import type { Handlers } from '../../contract/handlers';
import type { LlmAdminService } from './llm-admin.service';

/** The dashboard's channels (part of the llm domain, kept apart from generation). */
export function llmAdminHandlers(admin: LlmAdminService): Pick<Handlers, LlmAdminChannel> {
  return {
    'llm:get-engine-status': () => admin.engineStatus(),
    'llm:list-local-models': () => admin.listLocalModels(),
    'llm:get-recommendations': () => admin.recommendations(),
    'llm:pull-model': ({ model, jobId }) => admin.pull(model, jobId),
    'llm:cancel-job': ({ jobId }) => ({ cancelled: admin.cancelJob(jobId) }),
    'llm:delete-model': async ({ model }) => ({ deleted: await admin.deleteModel(model) }),
    'llm:download-embedded-model': (request) => admin.downloadEmbeddedModel(request),
    'llm:get-embedded-model-file': () => ({ path: admin.chosenModelFile() }),
    'llm:set-embedded-model-file': ({ path }) => ({ path: admin.chooseModelFile(path) }),
    'llm:list-cloud-providers': () => admin.cloudProviders(),
    'llm:save-api-key': async ({ provider, apiKey }) => {
      await admin.saveApiKey(provider, apiKey);
      return { provider, saved: true as const };
    },
    'llm:remove-api-key': async ({ provider }) => ({ provider, removed: await admin.removeApiKey(provider) }),
    'llm:check-health': () => admin.health(),
  };
}
