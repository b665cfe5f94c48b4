import type { MalformedRows } from '../../contract/malformed-rows';

const ACCOUNT = '2d8a5e0f-4f9c-4e3a-9b5d-7c8f9a0b1c2d';

/** Inputs each relay channel must refuse before any service runs (read by dispatcher.test.ts). */
export const relayMalformedInputs: MalformedRows<'relay'> = {
  'relay:status': [{ refresh: true }, 'status'],
  'relay:set-account': [
    undefined,
    {},
    { accountId: ACCOUNT },
    { accountId: 'mastodon', enabled: true },
    { accountId: ACCOUNT, enabled: 'yes' },
    { accountId: ACCOUNT, enabled: true, platform: 'mastodon' },
  ],
  'relay:hand-off': [undefined, {}, { jobId: 'job-1' }, { jobId: 7 }, { jobId: ACCOUNT, force: true }],
  'relay:take-back': [undefined, {}, { jobId: '' }, { jobId: ACCOUNT, cancelRemote: false }],
  'relay:pull-now': [{ since: '2026-01-01T00:00:00Z' }, 'now'],
};
