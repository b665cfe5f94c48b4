import { createHash, randomUUID } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import type { ConnectStart, ConnectStatus } from '../../shared/domain/accounts';
import { ContractError } from '../../shared/contract/errors';
import { PLATFORM_LABELS, type Platform } from '../../shared/domain/platform';
import type { TokenSet } from '../publishing/providers/connector';
import type { CallbackAnswer } from './loopback-server';
import { LoopbackServer } from './loopback-server';
import { exchangeCode, TokenCallError } from './oauth-client';
import type { OAuthSetup } from './oauth-config';

/** A sign-in not finished within this time is given up (the loopback port closes). */
export const CONNECT_TIMEOUT_MS = 10 * 60_000;

export interface FlowRequest {
  platform: Platform;
  instanceUrl: string | null;
  /** Set on reconnect: the account keeps its id. */
  accountId: string | null;
  setup: OAuthSetup;
}

/** Called with the tokens once the code was exchanged; returns the account id (or throws why not). */
export type CompleteFlow = (request: FlowRequest, token: TokenSet) => Promise<string>;

interface Flow {
  request: FlowRequest;
  state: string;
  codeVerifier: string;
  server: LoopbackServer;
  timer: NodeJS.Timeout;
  expiresAt: string;
  status: ConnectStatus;
}

/**
 * OAuth 2.0 authorization code + PKCE (RFC 7636, S256) through a loopback redirect (RFC 8252):
 * one one-shot server per flow, `state` checked before anything else, the code exchanged once.
 */
export class ConnectFlows {
  private readonly flows = new Map<string, Flow>();

  constructor(
    private readonly now: () => Date,
    private readonly complete: CompleteFlow,
  ) {}

  async start(request: FlowRequest): Promise<ConnectStart> {
    const flowId = randomUUID();
    const state = oauth.generateRandomState();
    const codeVerifier = oauth.generateRandomCodeVerifier();
    const style = request.setup.authorize;
    const challenge = await pkceChallenge(codeVerifier, style.pkceChallengeEncoding);
    const server = await LoopbackServer.start((url) => this.callback(flowId, url));
    const authorize = new URL(request.setup.config.endpoints.authorizeUrl);
    authorize.searchParams.set('response_type', 'code');
    authorize.searchParams.set(style.clientIdParam, request.setup.config.clientId);
    authorize.searchParams.set('redirect_uri', server.redirectUri);
    authorize.searchParams.set('scope', request.setup.scopes.join(style.scopeSeparator));
    authorize.searchParams.set('state', state);
    authorize.searchParams.set('code_challenge', challenge);
    authorize.searchParams.set('code_challenge_method', 'S256');
    const expiresAt = new Date(this.now().getTime() + CONNECT_TIMEOUT_MS).toISOString();
    const timer = setTimeout(() => this.expire(flowId), CONNECT_TIMEOUT_MS);
    timer.unref();
    this.flows.set(flowId, {
      request,
      state,
      codeVerifier,
      server,
      timer,
      expiresAt,
      status: { state: 'pending', platform: request.platform, expiresAt },
    });
    return { flowId, authorizeUrl: authorize.toString(), expiresAt };
  }

  status(flowId: string): ConnectStatus {
    const flow = this.flows.get(flowId);
    if (!flow) throw new ContractError('NOT_FOUND', 'No sign-in with this id is known; start connecting again.');
    return flow.status;
  }

  /** Gives up a pending flow now (what the 10-minute timer does). */
  expire(flowId: string): void {
    const flow = this.flows.get(flowId);
    if (!flow || flow.status.state !== 'pending') return;
    this.finish(flow, {
      state: 'failed',
      platform: flow.request.platform,
      reason: 'The sign-in was not finished within 10 minutes; start connecting again.',
    });
    flow.server.close();
  }

  close(): void {
    for (const flow of this.flows.values()) {
      clearTimeout(flow.timer);
      flow.server.close();
    }
    this.flows.clear();
  }

  private async callback(flowId: string, url: URL): Promise<CallbackAnswer> {
    const flow = this.flows.get(flowId);
    const label = flow ? PLATFORM_LABELS[flow.request.platform] : 'The platform';
    if (!flow || flow.status.state !== 'pending') {
      return { status: 410, title: 'This sign-in is over', message: 'Start connecting again from Cadence.' };
    }
    const fail = (reason: string, status = 400): CallbackAnswer => {
      this.finish(flow, { state: 'failed', platform: flow.request.platform, reason });
      return { status, title: 'Cadence did not connect the account', message: `${reason} You can close this tab.` };
    };
    if (url.searchParams.get('state') !== flow.state) {
      return fail(
        `Cadence refused this sign-in: the answer from ${label} did not match the request Cadence made (state mismatch). Start connecting again from Cadence.`,
      );
    }
    const denied = url.searchParams.get('error');
    if (denied) {
      const why = denied === 'access_denied' ? 'you declined access' : `it answered "${denied}"`;
      return fail(`${label} did not give Cadence access: ${why}.`);
    }
    try {
      const token = await this.exchange(flow, url);
      const accountId = await this.complete(flow.request, token);
      this.finish(flow, { state: 'connected', platform: flow.request.platform, accountId });
      return { status: 200, title: `${label} is connected`, message: 'You can close this tab and go back to Cadence.' };
    } catch (error) {
      const reason =
        error instanceof TokenCallError || error instanceof ContractError
          ? error.message
          : `Cadence could not finish connecting ${label}.`;
      return fail(reason.endsWith('.') ? reason : `${reason}.`, 502);
    }
  }

  /** A confidential platform's code goes through its own-app or broker client; public clients use oauth4webapi. */
  private async exchange(flow: Flow, url: URL): Promise<TokenSet> {
    const { setup } = flow.request;
    if (!setup.confidential) {
      return exchangeCode(setup.config, url, flow.state, flow.server.redirectUri, flow.codeVerifier, this.now());
    }
    const code = url.searchParams.get('code');
    if (!code) throw new TokenCallError('revoked', 'The sign-in answer carried no code; start connecting again');
    return setup.confidential.exchangeCode(
      { code, redirectUri: flow.server.redirectUri, codeVerifier: flow.codeVerifier },
      this.now(),
    );
  }

  private finish(flow: Flow, status: ConnectStatus): void {
    flow.status = status;
    clearTimeout(flow.timer);
  }
}

/**
 * The PKCE challenge: RFC 7636's BASE64URL(SHA256(verifier)), or the hex SHA-256 that TikTok's Login
 * Kit for Desktop compares (https://developers.tiktok.com/doc/login-kit-desktop/).
 */
export async function pkceChallenge(verifier: string, encoding: 'base64url' | 'hex'): Promise<string> {
  if (encoding === 'hex') return createHash('sha256').update(verifier).digest('hex');
  return oauth.calculatePKCECodeChallenge(verifier);
}
