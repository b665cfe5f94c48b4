import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';
import { ConnectorRegistry, type ConnectorRegistryOptions } from '../publishing/providers/registry';
import { defaultConnectorFactories } from '../publishing/providers/registry.defaults';
import { accountsHandlers } from './accounts.handlers';
import { AccountsService } from './accounts.service';
import type { TokenBroker } from './token-broker';
import type { TokenProvider } from './token-provider';

/** The accounts domain as the core wires it: its handlers and its lifecycle. */
export interface AccountsDomain {
  service: AccountsService;
  /** Platform → connector and base URLs; publishing reads connectors from here too. */
  registry: ConnectorRegistry;
  /** The queue's tokens port. */
  tokens: TokenProvider;
  handlers: HandlerSlice<'accounts'>;
  /** Starts the refresh-ahead timer; the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

/** Optional services the core hands the accounts domain. */
export interface AccountsServices {
  /** Cadence's app for confidential platforms through the sync service (CloudTokenBroker). */
  broker?: TokenBroker;
}

export function createAccounts(
  deps: DomainDeps,
  options: ConnectorRegistryOptions = {},
  services: AccountsServices = {},
): AccountsDomain {
  const registry = new ConnectorRegistry({
    ...options,
    factories: { ...defaultConnectorFactories(), ...options.factories },
  });
  const service = new AccountsService(deps, registry, services.broker ?? null);
  return {
    service,
    registry,
    tokens: service.tokens,
    handlers: accountsHandlers(service),
    start: () => service.start(),
    close: async () => service.close(),
  };
}
