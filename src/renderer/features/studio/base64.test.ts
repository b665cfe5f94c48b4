import { describe, expect, it } from 'vitest';
import { bytesToBase64, dataUrlPayload } from './base64';

const decode = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

describe('base64 for uploads', () => {
  it('encodes bytes that decode back, also past one chunk', () => {
    expect(bytesToBase64(new Uint8Array([77, 97, 110]))).toBe('TWFu');
    const big = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(decode(bytesToBase64(big))).toEqual(big);
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });

  it('takes the payload out of a data URL', () => {
    expect(dataUrlPayload('data:image/jpeg;base64,QUJD')).toBe('QUJD');
    expect(dataUrlPayload('nonsense')).toBe('');
  });
});
