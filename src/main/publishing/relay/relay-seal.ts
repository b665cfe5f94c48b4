import {
  constants,
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  type KeyObject,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
} from 'node:crypto';
import {
  RELAY_SEAL_ALGORITHM,
  type RelayPayload,
  relayPayloadSchema,
  type SealedEnvelope,
} from '../../../shared/sync-api/relay';

/** Why an envelope would not open; the relay fails the job with this (the device must hand it over again). */
export class RelaySealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RelaySealError';
  }
}

/** The key id the wire contract names: SHA-256 of the SPKI DER, first 16 bytes, base64url. */
export function relayKeyId(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const der = key.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest().subarray(0, 16).toString('base64url');
}

/**
 * Seals a payload to the relay: a fresh AES-256-GCM key encrypts it (the context string is the
 * additional authenticated data, so an envelope moved to another user's or job's record does not
 * open), and RSA-OAEP-SHA256 wraps that key. A hybrid because RSA alone takes only ~190 bytes.
 */
export function sealForRelay(publicKeyPem: string, payload: RelayPayload, context: string): SealedEnvelope {
  const publicKey = createPublicKey(publicKeyPem);
  if (publicKey.asymmetricKeyType !== 'rsa') throw new RelaySealError('The relay key is not an RSA key.');
  const contentKey = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', contentKey, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  const key = publicEncrypt(
    { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    contentKey,
  );
  contentKey.fill(0);
  return {
    v: 1,
    alg: RELAY_SEAL_ALGORITHM,
    keyId: relayKeyId(publicKey),
    key: key.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** Opens an envelope with the relay's private key; refuses tampering, another context or another key. */
export function openRelayEnvelope(privateKey: KeyObject, envelope: SealedEnvelope, context: string): RelayPayload {
  let plain: Buffer;
  try {
    const contentKey = privateDecrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(envelope.key, 'base64'),
    );
    const decipher = createDecipheriv('aes-256-gcm', contentKey, Buffer.from(envelope.iv, 'base64'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
    plain = Buffer.concat([decipher.update(Buffer.from(envelope.data, 'base64')), decipher.final()]);
    contentKey.fill(0);
  } catch {
    throw new RelaySealError(
      'The sealed post could not be opened: it was sealed to another relay key or altered. Hand the post over again.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(plain.toString('utf8'));
  } catch {
    throw new RelaySealError('The sealed post is not valid JSON.');
  }
  const parsed = relayPayloadSchema.safeParse(json);
  if (!parsed.success) throw new RelaySealError('The sealed post does not hold a valid relay payload.');
  return parsed.data;
}
