import OpenAI from 'openai';
import type { ModelInfo, ProviderId } from '../provider';
import type { CloudConnection } from './cloud-connection';
import { type ErrorContext, toLlmError } from './errors';

/** The official OpenAI SDK client as every OpenAI-compatible provider here needs it. */
export function createOpenAiClient(connection: CloudConnection, defaultBaseURL: string): OpenAI {
  return new OpenAI({
    apiKey: connection.apiKey,
    baseURL: connection.baseURL ?? defaultBaseURL,
    fetch: connection.fetch,
    timeout: connection.timeoutMs,
    // The router owns retries and fallback; SDK retries would hide failures and double the wait.
    maxRetries: 0,
    // Never pick up OPENAI_* environment variables meant for another tool, and never log requests.
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    logLevel: 'off',
  });
}

/** GET /models through the SDK's pager, failures normalised. */
export async function listOpenAiModels(
  client: OpenAI,
  provider: ProviderId,
  context: ErrorContext,
): Promise<ModelInfo[]> {
  try {
    const models: ModelInfo[] = [];
    for await (const model of client.models.list()) models.push({ id: model.id, provider });
    return models;
  } catch (error) {
    throw toLlmError(error, context);
  }
}
