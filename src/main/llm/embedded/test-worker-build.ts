import { type BuiltWorker, buildWorkerBundle } from '../../../../test/support/worker-bundle';

export type { BuiltWorker };

/** The embedded-LLM worker bundled for tests; node-llama-cpp stays external (native). */
export const buildTestWorker = (): Promise<BuiltWorker> => buildWorkerBundle('llm', ['node-llama-cpp']);
