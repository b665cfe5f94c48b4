import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type RelayPayload, relaySealContext, sealedEnvelopeSchema } from '../../../shared/sync-api/relay';
import { openRelayEnvelope, relayKeyId, RelaySealError, sealForRelay } from './relay-seal';

const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const privateKey = createPrivateKey(pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
const payload: RelayPayload = {
  platform: 'mastodon',
  account: { id: 'a1', handle: '@me', externalId: '42', instanceUrl: 'https://social.example' },
  token: { accessToken: 'secret-platform-token' },
  request: { parts: ['Hello, relay'] },
};
const context = relaySealContext({ userId: 'u1', idempotencyKey: 'key-1', platform: 'mastodon' });

describe('relay sealing', () => {
  it('round-trips through the private key and names the key it was sealed to', () => {
    const envelope = sealForRelay(publicPem, payload, context);
    expect(sealedEnvelopeSchema.parse(envelope)).toEqual(envelope);
    expect(envelope.keyId).toBe(relayKeyId(publicPem));
    expect(JSON.stringify(envelope)).not.toContain('secret-platform-token');
    expect(openRelayEnvelope(privateKey, envelope, context)).toEqual(payload);
  });

  it('seals with a fresh content key each time', () => {
    const a = sealForRelay(publicPem, payload, context);
    const b = sealForRelay(publicPem, payload, context);
    expect(a.data).not.toBe(b.data);
    expect(a.key).not.toBe(b.key);
  });

  it('refuses a changed ciphertext, a changed tag, another context, and another key', () => {
    const envelope = sealForRelay(publicPem, payload, context);
    const flipped = Buffer.from(envelope.data, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openRelayEnvelope(privateKey, { ...envelope, data: flipped.toString('base64') }, context)).toThrow(
      RelaySealError,
    );
    const tag = Buffer.from(envelope.tag, 'base64');
    tag[0] = tag[0]! ^ 1;
    expect(() => openRelayEnvelope(privateKey, { ...envelope, tag: tag.toString('base64') }, context)).toThrow(
      RelaySealError,
    );
    const otherContext = relaySealContext({ userId: 'u2', idempotencyKey: 'key-1', platform: 'mastodon' });
    expect(() => openRelayEnvelope(privateKey, envelope, otherContext)).toThrow(/altered/);
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect(() => openRelayEnvelope(otherKey, envelope, context)).toThrow(RelaySealError);
  });

  it('refuses to seal to a key that is not RSA', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect(() => sealForRelay(ec, payload, context)).toThrow(/not an RSA key/);
  });
});
