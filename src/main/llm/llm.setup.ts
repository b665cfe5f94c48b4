import { join } from 'node:path';
import type { EventBus } from '../contract/event-bus';
import type { AppDatabase } from '../db/database';
import type { CorePorts } from '../ports';
import { ChosenModelFile } from './embedded/chosen-model-file';
import { createEmbeddedProvider, type EmbeddedSetup } from './embedded/create-embedded-provider';
import { resolveEmbeddedWorkerPath } from './embedded/worker-path';
import { LlmService } from './llm.service';
import { OllamaLink } from './ollama/ollama.link';
import type { LlmProvider, ProviderId } from './provider';
import type { CadenceCloudAccess } from './providers/cadence-cloud.access';
import { type CadenceCloudProvider, createCadenceCloudProvider } from './providers/cadence-cloud.provider';
import { BUNDLED_PRICES } from './providers/pricing';
import { CADENCE_CLOUD, CLOUD_PROVIDERS, isCloudProviderId } from './providers/provider-catalog';
import { ProviderRegistry, type ProviderRegistryOptions } from './providers/provider-registry';
import { FREE } from './router/cost';
import { KeyedCloudProvider } from './router/keyed-cloud-provider';

/** Which local engines to run. Tests turn them off or point them at peers; the app uses 'auto'. */
export interface LlmEngineOptions {
  /** 'auto': OLLAMA_HOST, the usual ports, else start the installed binary. */
  ollama?: 'auto' | 'off' | { url: string };
  /** 'auto': the worker built next to the main bundle. */
  embedded?: 'auto' | 'off' | { workerPath: string };
  /** Base URLs per cloud provider (tests point them at protocol peers; a proxy or gateway in use). */
  cloudConnections?: ProviderRegistryOptions['connections'];
  /**
   * The Cadence cloud model (the sync service's proxy): the sync session's server and access token,
   * or null while signed out. Without it the provider is not set up on this device.
   */
  cadence?: CadenceCloudAccess;
}

export interface LlmSetup {
  service: LlmService;
  registry: ProviderRegistry;
  ollama: OllamaLink | null;
  embedded: EmbeddedSetup | null;
  /** A GGUF the user pointed the embedded engine at, outside the data folder. */
  chosenModelFile: ChosenModelFile;
  close(): Promise<void>;
}

/**
 * Every text engine wired behind the one router: managed Ollama, embedded llama.cpp, five keyed
 * clouds and — when the core passes the sync session's access — the Cadence cloud model.
 */
export function createLlm(
  deps: { ports: CorePorts; database: AppDatabase; events: EventBus },
  options: LlmEngineOptions = {},
): LlmSetup {
  const { ports, database, events } = deps;
  const { logger, dataDir } = ports;
  const registry = new ProviderRegistry({ secrets: ports.secrets, logger, connections: options.cloudConnections });

  const ollamaOption = options.ollama ?? 'auto';
  const ollama =
    ollamaOption === 'off'
      ? null
      : new OllamaLink({ dataDir, logger, ...(typeof ollamaOption === 'object' ? { url: ollamaOption.url } : {}) });

  const chosenModelFile = new ChosenModelFile(join(dataDir, 'settings', 'embedded-model-file.json'));
  const embedded = startEmbedded(options.embedded ?? 'auto', dataDir, logger, () => chosenModelFile.path);

  const cadence = options.cadence ? createCadenceCloudProvider(options.cadence) : null;
  const providers: Partial<Record<ProviderId, LlmProvider>> = {
    ...(ollama ? { ollama } : {}),
    ...(embedded ? { embedded: embedded.provider } : {}),
    // Each reads its key at call time, so a key saved later works without a restart.
    ...Object.fromEntries(
      CLOUD_PROVIDERS.map((e) => [e.id, new KeyedCloudProvider(e.id, () => registry.provider(e.id))]),
    ),
    ...(cadence ? { cadence } : {}),
  };

  const service = new LlmService({
    database,
    clock: ports.clock,
    events,
    logger,
    providers,
    priceOf: (provider, model) => {
      // Included in the Cadence plan (metered in tokens on the server), so it costs no money here.
      if (provider === CADENCE_CLOUD.id) return FREE;
      const price = BUNDLED_PRICES.priceOf(provider, model);
      return price ? { inPerM: price.input, outPerM: price.output } : null;
    },
    hasCloudKey: (id) => cloudCredential(id, registry, cadence),
  });

  return {
    service,
    registry,
    ollama,
    embedded,
    chosenModelFile,
    close: async () => {
      service.cancelAll();
      await Promise.allSettled([ollama?.close(), embedded?.close()]);
    },
  };
}

/** A saved API key for the keyed clouds; a sync sign-in for the Cadence cloud model. */
function cloudCredential(
  id: ProviderId,
  registry: ProviderRegistry,
  cadence: CadenceCloudProvider | null,
): Promise<boolean> {
  if (id === CADENCE_CLOUD.id) return cadence ? cadence.isSignedIn() : Promise.resolve(false);
  return isCloudProviderId(id) ? registry.hasApiKey(id) : Promise.resolve(false);
}

function startEmbedded(
  option: NonNullable<LlmEngineOptions['embedded']>,
  dataDir: string,
  logger: CorePorts['logger'],
  userModelFile: () => string | null,
): EmbeddedSetup | null {
  if (option === 'off') return null;
  try {
    const workerPath = typeof option === 'object' ? option.workerPath : resolveEmbeddedWorkerPath();
    return createEmbeddedProvider({ dataDir, logger, workerPath, userModelFile });
  } catch (error) {
    // Only in an unbuilt development tree: the built app always ships the worker.
    logger.error({ err: error }, 'the embedded engine is unavailable');
    return null;
  }
}
