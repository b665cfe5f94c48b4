import { join } from 'node:path';
import type { Logger } from '../../platform/logger/logger';
import { EmbeddedEngine } from './embedded.engine';
import { EmbeddedProvider, type EmbeddedProviderOptions } from './embedded.provider';
import { EmbeddedSupervisor, type EmbeddedSupervisorOptions } from './embedded.supervisor';
import { ModelCatalog } from './model-catalog';
import { resolveEmbeddedWorkerPath } from './worker-path';

export interface EmbeddedSetupOptions extends EmbeddedProviderOptions {
  /** The app's data folder; model files live in its `models/`. */
  dataDir: string;
  logger: Logger;
  /** A .gguf file the user chose outside the data folder (read on every listing). */
  userModelFile?: () => string | null | undefined;
  /** Defaults to the bundled worker next to the main bundle. */
  workerPath?: string | URL;
  supervisor?: Omit<EmbeddedSupervisorOptions, 'workerPath' | 'logger'>;
}

export interface EmbeddedSetup {
  provider: EmbeddedProvider;
  supervisor: EmbeddedSupervisor;
  /** Unloads the model and ends the worker thread; call on app quit. */
  close(): Promise<void>;
}

/** Wires the embedded provider for createCore; the worker starts lazily on first use. */
export function createEmbeddedProvider(options: EmbeddedSetupOptions): EmbeddedSetup {
  const supervisor = new EmbeddedSupervisor({
    ...options.supervisor,
    workerPath: options.workerPath ?? resolveEmbeddedWorkerPath(),
    logger: options.logger,
  });
  const engine = new EmbeddedEngine(supervisor);
  const catalog = new ModelCatalog(join(options.dataDir, 'models'), options.userModelFile);
  const provider = new EmbeddedProvider(engine, supervisor, catalog, options);
  return { provider, supervisor, close: () => supervisor.close() };
}
