import type { PlatformConnector, PublishRequest, RateLimitInfo } from '../providers/connector';
import type { PublishJobRow } from './job.repository';

/** Where a step stood when something went wrong (decides what an error means). */
export type Phase = 'before-send' | 'send' | 'check' | 'poll';

/** A job the runner holds, with what it learned along the way. */
export interface Work {
  row: PublishJobRow;
  accountId: string;
  connector: PlatformConnector;
  request: PublishRequest;
  rateLimits: RateLimitInfo[];
}
