import type { DomainDeps } from '../domain-deps';

/** Analytics over the creator's publications and accounts (filled in by the analytics owner). */
export class AnalyticsService {
  constructor(private readonly deps: DomainDeps) {}
}
