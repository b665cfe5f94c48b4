import * as argon2 from 'argon2';

/**
 * Argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): strong against GPU cracking
 * while a login stays around tens of milliseconds on one core.
 */
const PARAMS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, PARAMS);
}

/** False for a wrong password or a hash that cannot be read (never throws for a bad hash). */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash made with older parameters is replaced after the next successful sign-in. */
export function passwordNeedsRehash(hash: string): boolean {
  try {
    return argon2.needsRehash(hash, PARAMS);
  } catch {
    return true;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Spends the same work as a real check when the email is unknown, so response time does not tell
 * an attacker which addresses have accounts.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  decoy ??= hashPassword('decoy password that matches no account');
  await verifyPassword(await decoy, password);
}
