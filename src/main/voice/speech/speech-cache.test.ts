import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SpeechCache, speechCacheKey } from './speech-cache';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cadence-tts-cache-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const bytes = (size: number, fill: number): Uint8Array => new Uint8Array(size).fill(fill);

describe('speechCacheKey', () => {
  it('depends on every part, not on their order', () => {
    const base = { engine: 'e', voice: 'en-us', rate: 175, pitch: 50, range: 50, text: 'Hi' };
    expect(speechCacheKey(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(speechCacheKey({ text: 'Hi', range: 50, pitch: 50, rate: 175, voice: 'en-us', engine: 'e' })).toBe(
      speechCacheKey(base),
    );
    for (const change of [
      { voice: 'es' },
      { rate: 176 },
      { pitch: 49 },
      { range: 30 },
      { text: 'Hi!' },
      { engine: 'f' },
    ]) {
      expect(speechCacheKey({ ...base, ...change })).not.toBe(speechCacheKey(base));
    }
  });
});

describe('SpeechCache (real files)', () => {
  it('returns what was stored, byte for byte, and misses what was not', async () => {
    const cache = new SpeechCache(dir, 1000);
    await cache.put('a', bytes(10, 7));
    expect(await cache.get('a')).toEqual(bytes(10, 7));
    expect(await cache.get('b')).toBeNull();
    expect(await readdir(dir)).toEqual(['a.wav']);
  });

  it('evicts least recently used entries past the bound, and never keeps one larger than the bound', async () => {
    const cache = new SpeechCache(dir, 250);
    await cache.put('a', bytes(100, 1));
    await cache.put('b', bytes(100, 2));
    await cache.get('a');
    await cache.put('c', bytes(100, 3));
    expect((await readdir(dir)).sort()).toEqual(['a.wav', 'c.wav']);
    expect(await cache.size()).toBe(200);
    await cache.put('huge', bytes(300, 4));
    expect(await cache.get('huge')).toBeNull();
  });

  it('recovers its order from file times after a restart, and removes interrupted writes', async () => {
    await writeFile(join(dir, 'old.wav'), bytes(100, 1));
    await writeFile(join(dir, 'new.wav'), bytes(100, 2));
    await writeFile(join(dir, 'new.wav.abc123.tmp'), bytes(50, 9));
    await utimes(join(dir, 'old.wav'), new Date(1_000_000), new Date(1_000_000));
    const cache = new SpeechCache(dir, 250);
    expect(await cache.size()).toBe(200);
    await cache.put('next', bytes(100, 3));
    expect((await readdir(dir)).sort()).toEqual(['new.wav', 'next.wav']);
  });

  it('forgets an entry whose file was deleted behind its back', async () => {
    const cache = new SpeechCache(dir, 1000);
    await cache.put('a', bytes(10, 1));
    await rm(join(dir, 'a.wav'));
    expect(await cache.get('a')).toBeNull();
    expect(await cache.size()).toBe(0);
  });
});
