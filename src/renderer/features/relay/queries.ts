import type { RelayStatus } from '../../../shared/contract/relay';
import type { PublishJob } from '../../../shared/domain/publishing';
import { getClient } from '../../client/client';

export const getRelayStatus = (): Promise<RelayStatus> => getClient().invoke('relay:status', {});

export const setRelayAccount = (accountId: string, enabled: boolean): Promise<RelayStatus> =>
  getClient().invoke('relay:set-account', { accountId, enabled });

export const handToRelay = (jobId: string): Promise<PublishJob> => getClient().invoke('relay:hand-off', { jobId });

export const takeBackFromRelay = (jobId: string): Promise<PublishJob> =>
  getClient().invoke('relay:take-back', { jobId });
