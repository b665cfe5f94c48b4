import * as oauth from 'oauth4webapi';
import type { TokenSet } from '../publishing/providers/connector';
import type { OAuthEndpoints } from '../publishing/providers/registry';

/** One OAuth client at one authorization server (a platform, a Mastodon instance, or a peer). */
export interface OAuthClientConfig {
  endpoints: OAuthEndpoints;
  clientId: string;
  /** Confidential clients (Mastodon's per-instance app) send it in the body; public clients have none. */
  clientSecret?: string;
}

/** Why a token call failed: `revoked` (invalid_grant and friends) needs the creator; `transient` never does. */
export class TokenCallError extends Error {
  constructor(
    readonly kind: 'revoked' | 'transient',
    message: string,
    readonly oauthError: string | null = null,
  ) {
    super(message);
    this.name = 'TokenCallError';
  }
}

const TIMEOUT_MS = 30_000;

/** Errors that mean the grant itself is gone (RFC 6749 §5.2), not that the server had a bad moment. */
const REVOKING_ERRORS = new Set(['invalid_grant', 'unauthorized_client', 'invalid_client']);

export async function exchangeCode(
  config: OAuthClientConfig,
  callback: URL,
  state: string,
  redirectUri: string,
  codeVerifier: string,
  now: Date,
): Promise<TokenSet> {
  const { as, client, auth, options } = parts(config);
  return withErrors(async () => {
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      auth,
      params,
      redirectUri,
      codeVerifier,
      options,
    );
    return toTokenSet(await oauth.processAuthorizationCodeResponse(as, client, response), now);
  });
}

export async function refreshTokens(config: OAuthClientConfig, current: TokenSet, now: Date): Promise<TokenSet> {
  if (!current.refreshToken) throw new TokenCallError('revoked', 'There is no refresh token to renew the access with');
  const { as, client, auth, options } = parts(config);
  return withErrors(async () => {
    const response = await oauth.refreshTokenGrantRequest(as, client, auth, current.refreshToken ?? '', options);
    const fresh = toTokenSet(await oauth.processRefreshTokenResponse(as, client, response), now);
    // The refresh token is replaced only when the platform sends a new one (RFC 6749 §6).
    return {
      ...fresh,
      refreshToken: fresh.refreshToken ?? current.refreshToken,
      scopes: fresh.scopes ?? current.scopes,
      ...(current.extra ? { extra: current.extra } : {}),
    };
  }, 'refresh');
}

/** RFC 7009 revocation; a failure is reported, never thrown (the local token is deleted anyway). */
export async function revokeToken(config: OAuthClientConfig, token: string): Promise<boolean> {
  if (!config.endpoints.revokeUrl) return false;
  const { as, client, auth, options } = parts(config);
  try {
    const response = await oauth.revocationRequest(as, client, auth, token, options);
    await oauth.processRevocationResponse(response);
    return true;
  } catch {
    return false;
  }
}

function parts(config: OAuthClientConfig) {
  const as: oauth.AuthorizationServer = {
    issuer: new URL(config.endpoints.tokenUrl).origin,
    authorization_endpoint: config.endpoints.authorizeUrl,
    token_endpoint: config.endpoints.tokenUrl,
    ...(config.endpoints.revokeUrl ? { revocation_endpoint: config.endpoints.revokeUrl } : {}),
  };
  const client: oauth.Client = { client_id: config.clientId };
  const auth = config.clientSecret ? oauth.ClientSecretPost(config.clientSecret) : oauth.None();
  const insecure = new URL(config.endpoints.tokenUrl).protocol === 'http:';
  const options = { signal: () => AbortSignal.timeout(TIMEOUT_MS), [oauth.allowInsecureRequests]: insecure };
  return { as, client, auth, options };
}

function toTokenSet(response: oauth.TokenEndpointResponse, now: Date): TokenSet {
  const expiresIn = response.expires_in;
  return {
    accessToken: response.access_token,
    ...(response.refresh_token ? { refreshToken: response.refresh_token } : {}),
    ...(typeof expiresIn === 'number' ? { expiresAt: new Date(now.getTime() + expiresIn * 1000).toISOString() } : {}),
    ...(response.scope ? { scopes: response.scope.split(/[\s,]+/).filter(Boolean) } : {}),
  };
}

async function withErrors<T>(call: () => Promise<T>, grant: 'code' | 'refresh' = 'code'): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw classify(error, grant);
  }
}

function classify(error: unknown, grant: 'code' | 'refresh'): TokenCallError {
  if (error instanceof TokenCallError) return error;
  if (error instanceof oauth.ResponseBodyError) {
    const described = error.error_description ? `: ${error.error_description}` : '';
    // X answers a used or revoked refresh token with 400 invalid_request ("Value passed for the
    // token was invalid"), not invalid_grant; retrying the same request can never succeed.
    const xStyleRefusal = grant === 'refresh' && error.status === 400 && error.error === 'invalid_request';
    if (REVOKING_ERRORS.has(error.error) || xStyleRefusal) {
      return new TokenCallError('revoked', `The platform refused the grant (${error.error}${described})`, error.error);
    }
    if (error.status >= 500)
      return new TokenCallError('transient', `The platform answered ${error.status}`, error.error);
    return new TokenCallError('transient', `The platform refused the call (${error.error}${described})`, error.error);
  }
  if (error instanceof oauth.AuthorizationResponseError) {
    return new TokenCallError('revoked', `The sign-in was refused (${error.error})`, error.error);
  }
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new TokenCallError('transient', 'The platform did not answer in time');
  }
  if (error instanceof oauth.OperationProcessingError) {
    const status = error.cause instanceof Response ? error.cause.status : null;
    return new TokenCallError('transient', status ? `The platform answered ${status}` : error.message);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new TokenCallError('transient', `The platform could not be reached (${message})`);
}
