/** Metered use per user and month: cloud-AI tokens and relay posts, checked against the tier. */
export interface UsageCountersTable {
  user_id: string;
  /** `YYYY-MM` in UTC. */
  period: string;
  kind: 'ai_tokens' | 'relay_posts';
  amount: number;
}

export interface UsageTables {
  usage_counters: UsageCountersTable;
}
