import type { LlmAdminChannel } from '../../shared/contract/llm-admin';
import type { HandlerSlice } from '../contract/handlers';
import type { LlmService } from './llm.service';

/** Generation, routing policy and usage; the dashboard's channels are in admin/llm-admin.handlers.ts. */
export function llmHandlers(llm: LlmService): Omit<HandlerSlice<'llm'>, LlmAdminChannel> {
  return {
    'llm:generate-text': (input) => llm.generate(input),
    'llm:cancel-generation': ({ requestId }) => ({ cancelled: llm.cancel(requestId) }),
    'llm:get-settings': () => llm.getSettings(),
    'llm:save-settings': (patch) => llm.saveSettings(patch),
    'llm:get-usage': ({ from, to }) => llm.usageReport(from, to),
    'llm:rate-generation': ({ usageId, rating }) => llm.rate(usageId, rating),
    'llm:list-providers': () => llm.listProviders(),
  };
}
