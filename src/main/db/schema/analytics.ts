import type { Generated } from 'kysely';

/** A creator's account on a platform: imported (a handle from a CSV) or connected (publishing). */
export interface AccountsTable {
  id: string;
  platform: string;
  handle: string;
  display_name: string;
  /** 'import' | 'connected' */
  source: string;
  /** Set by publishing for connected accounts: 'valid' | 'expiring' | 'needs_reconnect' | 'missing_scope'. */
  token_status: string | null;
  created_at: string;
  updated_at: string;
  /** The account's id on the platform (DID for Bluesky, user id elsewhere). From migration 010. */
  external_id: string | null;
  /** The server of a Mastodon account (or a Bluesky PDS), e.g. https://mastodon.social. */
  instance_url: string | null;
  /** JSON array of the scopes granted. */
  scopes: Generated<string>;
  token_expires_at: string | null;
  token_checked_at: string | null;
  /** A plain sentence on the token's health ("Expired on … — reconnect"). */
  status_detail: string | null;
}

/** One row per account per calendar day (YYYY-MM-DD): the followers (and impressions) that day. */
export interface AccountMetricsTable {
  account_id: string;
  date: string;
  followers: number | null;
  impressions: number | null;
  captured_at: string;
}

/** The counts every snapshot may carry; null where the platform does not give that count. */
export interface MetricColumns {
  impressions: number | null;
  reach: number | null;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  clicks: number | null;
}

/** A post as it went out on one platform, with its latest metrics copied in for fast reads. */
export interface PostPublicationsTable extends MetricColumns {
  id: Generated<number>;
  post_id: string;
  platform: string;
  account_id: string | null;
  published_at: string;
  external_id: string | null;
  url: string | null;
  format: string | null;
  media_count: Generated<number>;
  metrics_at: string | null;
}

/** Every metrics snapshot of a publication (the time series). */
export interface PostMetricsTable extends MetricColumns {
  publication_id: number;
  captured_at: string;
}

/** Two posts marked as an A/B test on one platform. */
export interface AbPairsTable {
  id: Generated<number>;
  post_a: string;
  post_b: string;
  platform: string;
  label: string;
  created_at: string;
}

/** Money a post or campaign brought in (affiliate, sponsorship) and what it cost. */
export interface RevenueEntriesTable {
  id: Generated<number>;
  post_id: string | null;
  campaign: string | null;
  amount: number;
  cost: Generated<number>;
  currency: string;
  source: string;
  occurred_at: string;
}

/** A sudden spike or drop found in a daily series, notified once. */
export interface AnalyticsAnomaliesTable {
  id: Generated<number>;
  account_id: string | null;
  metric: string;
  date: string;
  /** 'spike' | 'drop' */
  direction: string;
  value: number;
  expected: number;
  score: number;
  cause: string;
  detected_at: string;
  notified_at: string | null;
  dismissed_at: string | null;
}

/** Small JSON documents by key; each owner validates its own with zod. */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

/** Generated report files in <data>/reports/. */
export interface ReportsTable {
  id: string;
  /** 'weekly' | 'custom' */
  kind: string;
  title: string;
  params: string;
  range_from: string;
  range_to: string;
  pdf_file: string;
  csv_file: string;
  created_at: string;
}
