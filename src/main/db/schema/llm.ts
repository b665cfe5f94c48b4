import type { Generated } from 'kysely';

/**
 * One row per provider call the router made (a fallback chain writes one row per attempt).
 * Times are ISO-8601 UTC text; cost is in US dollars.
 */
export interface LlmUsageTable {
  id: Generated<number>;
  /** The generation this attempt belonged to; attempts of one request share it. */
  request_id: string;
  task: string;
  provider: string;
  model: string;
  /** 'local' | 'cloud', kept so history stays right if a provider's location ever changes. */
  location: string;
  /** 0 for the first step of the chain, 1 for the first fallback, ... */
  fallback_position: number;
  /** 'ok' | 'cancelled' | 'error' */
  outcome: string;
  /** An LlmErrorKind or 'timeout' when outcome is 'error'. */
  error_kind: string | null;
  tokens_in: number;
  tokens_out: number;
  ttft_ms: number | null;
  tokens_per_second: number | null;
  duration_ms: number;
  cost_usd: number;
  /** 1..5, set later by the user. */
  rating: number | null;
  created_at: string;
}

/** The router policy as one validated JSON document (id is always 1). */
export interface LlmSettingsTable {
  id: number;
  policy: string;
  updated_at: string;
}
