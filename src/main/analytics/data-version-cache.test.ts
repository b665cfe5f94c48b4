import { describe, expect, it } from 'vitest';
import { DataVersionCache } from './data-version-cache';

describe('DataVersionCache', () => {
  it('computes once per key and version, again when the version changes', async () => {
    const cache = new DataVersionCache<number>();
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cache.get('all', 'v1', compute)).toBe(1);
    expect(await cache.get('all', 'v1', compute)).toBe(1);
    expect(await cache.get('x', 'v1', compute)).toBe(2);
    expect(await cache.get('all', 'v2', compute)).toBe(3);
    expect(runs).toBe(3);
  });

  it('does not keep a failure', async () => {
    const cache = new DataVersionCache<number>();
    await expect(cache.get('k', 'v', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('k', 'v', async () => 7)).toBe(7);
  });

  it('forgets the oldest entries beyond its size', async () => {
    const cache = new DataVersionCache<string>(2);
    let runs = 0;
    const compute = (value: string) => async () => (runs++, value);
    await cache.get('a', 'v', compute('a'));
    await cache.get('b', 'v', compute('b'));
    await cache.get('c', 'v', compute('c'));
    await cache.get('a', 'v', compute('a'));
    expect(runs).toBe(4);
  });
});
