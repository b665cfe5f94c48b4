import { describe, expect, it } from 'vitest';
import { cadenceAccessFrom, cadenceAiBaseUrl, type CadenceSessionLike } from './cadence-cloud.access';

/** A stand-in with the two methods of CloudSession the access reads. */
function session(state: { account: { serverUrl: string } | null; token: () => Promise<string> }): CadenceSessionLike {
  return { current: () => state.account, accessToken: () => state.token() };
}

describe('cadence cloud access', () => {
  it('builds the proxy root under /v1/ai, whatever trailing slashes the server URL has', () => {
    expect(cadenceAiBaseUrl('https://sync.example.com')).toBe('https://sync.example.com/v1/ai');
    expect(cadenceAiBaseUrl('https://sync.example.com/base//')).toBe('https://sync.example.com/base/v1/ai');
  });

  it('is null before the sync domain exists and while signed out; the server and a fresh token once signed in', async () => {
    expect(await cadenceAccessFrom(() => undefined)()).toBeNull();
    const state = { account: null as { serverUrl: string } | null, token: async () => 'token-1' };
    const access = cadenceAccessFrom(() => session(state));
    expect(await access()).toBeNull();
    state.account = { serverUrl: 'https://sync.example.com' };
    expect(await access()).toEqual({ baseUrl: 'https://sync.example.com', token: 'token-1' });
  });

  it('reads a refresh that ended the sign-in as signed out, and passes other failures on', async () => {
    const state = {
      account: { serverUrl: 'https://sync.example.com' } as { serverUrl: string } | null,
      token: async (): Promise<string> => {
        throw new Error('offline');
      },
    };
    const access = cadenceAccessFrom(() => session(state));
    await expect(access()).rejects.toThrow('offline');
    state.token = async () => {
      state.account = null;
      throw new Error('refresh_reused');
    };
    expect(await access()).toBeNull();
  });
});
