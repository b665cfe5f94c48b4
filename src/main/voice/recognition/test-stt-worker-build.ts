import { type BuiltWorker, buildWorkerBundle } from '../../../../test/support/worker-bundle';

/** The speech-to-text worker bundled for tests; the whisper.node binding stays external (native). */
export const buildTestSttWorker = (): Promise<BuiltWorker> => buildWorkerBundle('stt', [/^@fugood\//]);
