import type { ClientOptions } from 'openai';

/** How a cloud provider reaches its service. The key comes from the SecretsPort, never from config. */
export interface CloudConnection {
  apiKey: string;
  /** Overrides the service's default base URL (tests point it at a protocol peer). */
  baseURL?: string;
  /** Both official SDKs take the same WHATWG fetch signature. */
  fetch?: ClientOptions['fetch'];
  /** Per-request timeout; both SDKs default to 10 minutes. */
  timeoutMs?: number;
}
