import type { LlmProvider } from '../provider';
import { AnthropicProvider } from './anthropic.provider';
import { CHAT_FLAVOURS } from './openai-compatible.flavours';
import type { CloudConnection } from './cloud-connection';
import { OpenAiCompatibleProvider } from './openai-compatible.provider';
import { PerplexityProvider } from './perplexity.provider';
import type { CloudProviderId } from './provider-catalog';

/** A cloud provider that can also prove an API key is accepted (throws LlmError when it is not). */
export interface CloudProvider extends LlmProvider {
  checkKey(): Promise<void>;
}

export function createCloudProvider(id: CloudProviderId, connection: CloudConnection): CloudProvider {
  switch (id) {
    case 'anthropic':
      return new AnthropicProvider(connection);
    case 'perplexity':
      return new PerplexityProvider(connection);
    case 'openai':
    case 'groq':
    case 'meta':
      return new OpenAiCompatibleProvider(CHAT_FLAVOURS[id], connection);
  }
}
