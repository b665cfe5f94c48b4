import { ConnectorError, type MetricCounts, type PlatformConnector, type RateLimitInfo } from '../providers/connector';
import type { QueuePorts } from '../queue/ports';
import { FakeTokens, ScriptedPlatform } from '../queue/scripted-connector.test-support';

/**
 * The queue's scripted platform with metrics: counts per post id set by the test, followers, the
 * rate-limit headers each call reports, and errors the next metrics calls throw.
 */
export class MetricsPlatform extends ScriptedPlatform {
  readonly counts = new Map<string, Partial<MetricCounts>>();
  followers: number | null = 120;
  /** Rate-limit headers sent with every metrics call. */
  rateLimit: RateLimitInfo = { bucket: 'api', limit: 300, remaining: 299, resetAt: null };
  readonly metricsErrors: ConnectorError[] = [];
  /** Ids asked per postMetrics call, and accountMetrics calls. */
  readonly metricCalls: string[][] = [];
  accountCalls = 0;

  override connector(): PlatformConnector {
    const base = super.connector();
    const authorize = (token: string): void => {
      if (token !== this.validToken)
        throw new ConnectorError('auth_expired', 'The access token expired', { status: 401 });
    };
    return {
      ...base,
      postMetrics: async (ctx, ids) => {
        this.metricCalls.push([...ids]);
        const error = this.metricsErrors.shift();
        if (error) throw error;
        authorize(ctx.token.accessToken);
        ctx.onRateLimit?.(this.rateLimit);
        const out = new Map<string, MetricCounts>();
        for (const id of ids) {
          const c = this.counts.get(id);
          if (!c) continue;
          out.set(id, {
            impressions: null,
            reach: null,
            views: null,
            likes: null,
            comments: null,
            shares: null,
            saves: null,
            clicks: null,
            ...c,
          });
        }
        return out;
      },
      accountMetrics: async (ctx) => {
        this.accountCalls += 1;
        const error = this.metricsErrors.shift();
        if (error) throw error;
        authorize(ctx.token.accessToken);
        ctx.onRateLimit?.(this.rateLimit);
        return { followers: this.followers };
      },
    };
  }
}

/** Queue ports (connectors + tokens) over the metrics platform. */
export function metricsPorts(
  platform: MetricsPlatform,
  tokens = new FakeTokens(platform),
): QueuePorts & { tokens: FakeTokens } {
  const connector = platform.connector();
  return { connectors: (p) => (p === platform.platform ? connector : null), tokens };
}
