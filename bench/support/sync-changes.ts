import { randomUUID } from 'node:crypto';
import type { EncryptedChange } from '../../src/shared/sync-api/sync';
import { type BenchHlc, type FieldChange, sealChange } from './sync-protocol';

/** A small seeded PRNG (mulberry32) so every run pushes the same mix of field sizes. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const WORDS = [
  'launch',
  'hook',
  'thread',
  'morning',
  'audience',
  'reel',
  'draft',
  'idea',
  'story',
  'weekly',
  'tips',
  'behind',
  'scenes',
  'creator',
  'growth',
];

function sentence(random: () => number, length: number): string {
  const words: string[] = [];
  let size = 0;
  while (size < length) {
    const word = WORDS[Math.floor(random() * WORDS.length)]!;
    words.push(word);
    size += word.length + 1;
  }
  return words.join(' ').slice(0, length);
}

/**
 * One field change of the kinds the desktop engine captures, in roughly the proportions an
 * editing session produces: many small fields (status, title, tags, schedule) and fewer post
 * bodies of a few hundred characters. Sizes drive the stored bytes per change.
 */
export function fieldChange(random: () => number, rowIds: readonly string[], wall = Date.now()): FieldChange {
  const rowId = rowIds[Math.floor(random() * rowIds.length)]!;
  const roll = random();
  if (roll < 0.3)
    return { table: 'posts', rowId, column: 'body', value: sentence(random, 150 + Math.floor(random() * 450)), wall };
  if (roll < 0.5)
    return { table: 'posts', rowId, column: 'title', value: sentence(random, 20 + Math.floor(random() * 60)), wall };
  if (roll < 0.65)
    return { table: 'posts', rowId, column: 'status', value: random() < 0.5 ? 'draft' : 'scheduled', wall };
  if (roll < 0.8)
    return {
      table: 'posts',
      rowId,
      column: 'tags',
      value: JSON.stringify([sentence(random, 8), sentence(random, 10)]),
      wall,
    };
  if (roll < 0.9)
    return {
      table: 'posts',
      rowId,
      column: 'scheduled_at',
      value: new Date(wall + random() * 1e9).toISOString(),
      wall,
    };
  return { table: 'ideas', rowId, column: 'text', value: sentence(random, 40 + Math.floor(random() * 160)), wall };
}

/** `count` sealed field changes from one device, HLC-stamped in order. */
export function sealedChanges(
  key: Buffer,
  hlc: BenchHlc,
  random: () => number,
  count: number,
  rowIds: readonly string[] = Array.from({ length: 200 }, () => randomUUID()),
): EncryptedChange[] {
  return Array.from({ length: count }, () => {
    const change = fieldChange(random, rowIds);
    return sealChange(key, hlc.next(), change);
  });
}
