import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { RELAY_SEAL_ALGORITHM, type RelayPublicKey } from '../../shared/sync-api/relay';
import { relayKeyId } from '../../main/publishing/relay/relay-seal';

export interface RelayKeys {
  privateKey: KeyObject;
  publicKey: RelayPublicKey;
}

/**
 * The relay's key pair from `RELAY_PRIVATE_KEY` (PEM, RSA of at least 2048 bits), or null when
 * the relay is not configured (its routes then answer 503 `unavailable`). A key that cannot be
 * used stops the service at start, naming the variable, rather than failing on the first post.
 */
export function loadRelayKeys(pem: string | undefined): RelayKeys | null {
  if (!pem || pem.trim() === '') return null;
  let privateKey: KeyObject;
  try {
    // Environments often carry PEMs with literal "\n"; both forms are accepted.
    privateKey = createPrivateKey(pem.includes('\\n') ? pem.replace(/\\n/g, '\n') : pem);
  } catch {
    throw new Error('RELAY_PRIVATE_KEY is not a PEM private key.');
  }
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new Error('RELAY_PRIVATE_KEY must be an RSA key (RSA-OAEP-SHA256 wraps the sealed posts).');
  }
  const bits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < 2048) throw new Error(`RELAY_PRIVATE_KEY is ${bits} bits; use at least 2048.`);
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey: {
      keyId: relayKeyId(publicKey),
      algorithm: RELAY_SEAL_ALGORITHM,
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    },
  };
}
