import { createHash, randomBytes } from 'node:crypto';

/**
 * What a token peer remembers: the codes it handed out on the authorize redirect (single-use, ten
 * minutes, bound to client, redirect URI and PKCE challenge) and the tokens it issued. Each
 * platform's peer reads requests and writes answers in that platform's own dialect on top of this.
 */
export interface IssuedCode {
  code: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  challenge: string | null;
  issuedAt: number;
  used: boolean;
}

export interface IssuedToken {
  token: string;
  kind: 'short' | 'long' | 'access' | 'refresh';
  scopes: string[];
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
  /** The grant the token belongs to (the code it came from): revoking one token of it revokes them all. */
  family: string;
}

export type CodeCheck =
  | { ok: true; code: IssuedCode }
  | { ok: false; why: 'unknown' | 'used' | 'expired' | 'redirect' | 'client' | 'verifier' };

/** Codes live ten minutes (RFC 6749 §4.1.2 recommends at most that). */
const CODE_TTL_MS = 10 * 60_000;

export class GrantBook {
  readonly codes = new Map<string, IssuedCode>();
  readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly now: () => Date) {}

  issueCode(input: Omit<IssuedCode, 'code' | 'issuedAt' | 'used'>): string {
    const code = `code-${randomBytes(12).toString('hex')}`;
    this.codes.set(code, { ...input, code, issuedAt: this.now().getTime(), used: false });
    return code;
  }

  /**
   * Redeems a code once. A second use is refused and, per RFC 6749 §4.1.2, revokes what the first
   * use issued. `verify` checks the PKCE verifier against the stored challenge when one was sent.
   */
  redeem(
    code: string,
    clientId: string,
    redirectUri: string | undefined,
    verify: ((challenge: string) => boolean) | null,
  ): CodeCheck {
    const issued = this.codes.get(code);
    if (!issued) return { ok: false, why: 'unknown' };
    if (issued.used) {
      for (const token of this.tokens.values()) if (token.issuedAt >= issued.issuedAt) token.revoked = true;
      return { ok: false, why: 'used' };
    }
    if (this.now().getTime() - issued.issuedAt > CODE_TTL_MS) return { ok: false, why: 'expired' };
    if (issued.clientId !== clientId) return { ok: false, why: 'client' };
    if (redirectUri !== undefined && issued.redirectUri !== redirectUri) return { ok: false, why: 'redirect' };
    if (verify && issued.challenge !== null && !verify(issued.challenge)) return { ok: false, why: 'verifier' };
    issued.used = true;
    return { ok: true, code: issued };
  }

  issueToken(kind: IssuedToken['kind'], scopes: string[], lifetimeSeconds: number, family?: string): IssuedToken {
    const now = this.now().getTime();
    const value = `${kind}-${randomBytes(16).toString('hex')}`;
    const token: IssuedToken = {
      token: value,
      kind,
      scopes,
      issuedAt: now,
      expiresAt: now + lifetimeSeconds * 1000,
      revoked: false,
      family: family ?? value,
    };
    this.tokens.set(token.token, token);
    return token;
  }

  /** Revokes every token of one grant (what a platform's revocation does to the access it gave). */
  revokeFamily(family: string): void {
    for (const token of this.tokens.values()) if (token.family === family) token.revoked = true;
  }

  /** Revokes every token issued (Meta's DELETE /me/permissions withdraws the app from the user altogether). */
  revokeAll(): void {
    for (const token of this.tokens.values()) token.revoked = true;
  }

  /** A live token of one of these kinds, or null (unknown, revoked or expired). */
  live(token: string | undefined, kinds: IssuedToken['kind'][]): IssuedToken | null {
    const found = token === undefined ? undefined : this.tokens.get(token);
    if (!found || found.revoked || !kinds.includes(found.kind)) return null;
    return found.expiresAt > this.now().getTime() ? found : null;
  }

  /** Every token value handed out (tests scan the database and logs for them). */
  issuedValues(): string[] {
    return [...this.tokens.keys()];
  }
}

export const s256Base64url = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');
export const s256Hex = (verifier: string): string => createHash('sha256').update(verifier).digest('hex');
