import { type BuiltWorker, buildWorkerBundle } from '../../../../test/support/worker-bundle';

export type BuiltTtsWorker = BuiltWorker;

/** The speech worker bundled for tests; espeak-ng stays external (it finds its data file beside its module). */
export const buildTestTtsWorker = (): Promise<BuiltTtsWorker> =>
  buildWorkerBundle('tts', ['@echogarden/espeak-ng-emscripten']);
