/**
 * How the desktop reaches the Cadence cloud model: the sync server's address and a fresh access
 * token from the sync sign-in (CloudSession refreshes it ahead of expiry), or null when nobody is
 * signed in. Called before every request, so signing in or out takes effect without a restart.
 */
export type CadenceCloudAccess = () => Promise<{ baseUrl: string; token: string } | null>;

/** What the access needs from the sync session (src/main/sync/account/cloud-session.ts). */
export interface CadenceSessionLike {
  current(): { serverUrl: string } | null;
  accessToken(): Promise<string>;
}

/** The proxy's OpenAI-compatible root on a sync server. */
export function cadenceAiBaseUrl(serverUrl: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/v1/ai`;
}

/**
 * The access for the core to pass as `LlmEngineOptions.cadence`. The session is looked up per call
 * because the LLM domain is built before the sync domain; a token refresh that ended the sign-in
 * (refresh reused, device revoked) reads as signed out, while other failures (offline) propagate.
 */
export function cadenceAccessFrom(session: () => CadenceSessionLike | null | undefined): CadenceCloudAccess {
  return async () => {
    const current = session();
    const account = current?.current();
    if (!current || !account) return null;
    try {
      return { baseUrl: account.serverUrl, token: await current.accessToken() };
    } catch (error) {
      if (current.current() === null) return null;
      throw error;
    }
  };
}
