import { sessionTokensSchema, type SessionTokens } from '../../shared/sync-api/accounts';
import { serverErrorBodySchema } from '../../shared/sync-api/errors';
import type { ReceivedMail } from '../../../test/support/smtp-inbox';

/** Test helpers for the account endpoints: plain fetch against the real server, nothing mocked. */
export interface ApiResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

export function accountsApi(baseUrl: string) {
  async function call(method: string, path: string, options: { body?: unknown; token?: string } = {}) {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(`${baseUrl}/v1${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const body: unknown = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    return { status: response.status, body, headers: response.headers } satisfies ApiResponse;
  }
  const device = { name: 'Test laptop', platform: 'linux' };
  return {
    call,
    async register(email: string, password = 'correct horse battery'): Promise<SessionTokens> {
      const response = await call('POST', '/auth/register', { body: { email, password, device } });
      if (response.status !== 201)
        throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
      return sessionTokensSchema.parse(response.body);
    },
    login(email: string, password = 'correct horse battery', deviceName = 'Another laptop') {
      return call('POST', '/auth/login', { body: { email, password, device: { ...device, name: deviceName } } });
    },
    async loginOk(email: string, password = 'correct horse battery', deviceName?: string): Promise<SessionTokens> {
      const response = await this.login(email, password, deviceName);
      if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
      return sessionTokensSchema.parse(response.body);
    },
    refresh(refreshToken: string) {
      return call('POST', '/auth/refresh', { body: { refreshToken } });
    },
    me(token: string) {
      return call('GET', '/me', { token });
    },
  };
}

/** The error code of a response, parsed with the shared error schema (so the body shape is checked too). */
export function errorCode(response: ApiResponse): string {
  return serverErrorBodySchema.parse(response.body).error.code;
}

/** The token in the link of a verification or reset email. */
export function tokenFromMail(mail: ReceivedMail): string {
  const match = /token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match?.[1]) throw new Error(`No token link in the email: ${mail.text}`);
  return match[1];
}

export function uniqueEmail(label: string): string {
  return `${label}-${Math.random().toString(36).slice(2, 10)}@example.test`;
}
