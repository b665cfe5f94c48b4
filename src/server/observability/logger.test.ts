import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { redactUrl } from './logger';

describe('server logs keep credentials out', () => {
  it('redacts token parameters and keeps the rest of the URL', () => {
    expect(redactUrl('/v1/sync/live?token=abc.def.ghi&x=1')).toBe('/v1/sync/live?token=[redacted]&x=1');
    expect(redactUrl('/v1/x?a=1&refresh_token=zzz')).toBe('/v1/x?a=1&refresh_token=[redacted]');
    expect(redactUrl('/v1/sync/pull?cursor=42')).toBe('/v1/sync/pull?cursor=42');
  });

  it('never writes the Authorization header', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ redact: ['req.headers.authorization'] }, sink);
    logger.info({ req: { headers: { authorization: 'Bearer secret-token' } } }, 'request');
    expect(lines.join('')).not.toContain('secret-token');
  });
});
