import { describe, expect, it } from 'vitest';
import { base64ToBytes } from './download';

describe('base64ToBytes', () => {
  it('decodes text and binary bytes exactly', () => {
    expect(new TextDecoder().decode(base64ToBytes(btoa('day,posts\n2026-01-01,3\n')))).toBe(
      'day,posts\n2026-01-01,3\n',
    );
    expect([...base64ToBytes('JVBERi0=')]).toEqual([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect([...base64ToBytes('/wA=')]).toEqual([255, 0]);
  });

  it('decodes nothing to no bytes', () => {
    expect(base64ToBytes('').length).toBe(0);
  });
});
