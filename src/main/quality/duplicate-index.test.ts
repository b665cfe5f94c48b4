import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DUPLICATE_THRESHOLD, jaccard, shinglesOf } from '../../shared/quality/duplicate';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { DuplicateIndex } from './duplicate-index';

let t: TestCore;
afterEach(() => t.dispose());

const WORDS = 'the a starter dough bread crumb oven flour water salt rise fold bake loaf crust proof'.split(' ');

/** A seeded stream of numbers in [0, 1). */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

async function insertPost(id: string, body: string, version = 1): Promise<void> {
  const at = new Date().toISOString();
  await t.core.database.db
    .insertInto('posts')
    .values({
      id,
      title: id.slice(0, 8),
      body,
      status: 'draft',
      tags: '[]',
      platforms: '["x"]',
      scheduled_at: null,
      created_at: at,
      updated_at: at,
      version,
      deleted_at: null,
    })
    .execute();
}

/** The posts a brute-force comparison on the shingle strings finds, most similar first. */
function bruteForce(text: string, library: Map<string, string>, excludeId?: string): string[] {
  const mine = shinglesOf(text);
  if (mine.size === 0) return [];
  return [...library]
    .filter(([id]) => id !== excludeId)
    .map(([id, body]) => ({ id, similarity: jaccard(mine, shinglesOf(body)) }))
    .filter((m) => m.similarity >= DUPLICATE_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity)
    .map((m) => m.id);
}

describe('DuplicateIndex (hashed shingles)', () => {
  it('finds exactly the posts a brute-force Jaccard finds, also after edits and deletes', async () => {
    t = await createTestCore();
    const random = prng(11);
    const text = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
    const library = new Map<string, string>();
    const bases: string[] = [];
    for (let i = 0; i < 60; i++) bases.push(text(8 + Math.floor(random() * 30)));
    for (let i = 0; i < 200; i++) {
      const base = bases[i % bases.length] as string;
      // Near copies: the base with a word or two changed or added, or something else entirely.
      const body = random() < 0.7 ? `${base} ${random() < 0.5 ? text(1) : ''}`.trim() : text(3 + (i % 25));
      const id = randomUUID();
      library.set(id, body);
      await insertPost(id, body);
    }
    const index = new DuplicateIndex(t.core.database.db);
    const ids = (found: { postId: string }[]) => found.map((c) => c.postId);
    const live = new Map(library);

    let found = 0;
    for (const base of bases.slice(0, 30)) {
      const expected = bruteForce(base, live);
      found += expected.length;
      expect(new Set(ids(await index.nearDuplicates(base)))).toEqual(new Set(expected));
    }
    expect(found).toBeGreaterThan(30); // the fixture really has near copies

    // Edit some posts (a new version), trash others: the index follows.
    const some = [...live.keys()].slice(0, 40);
    for (const [i, id] of some.entries()) {
      if (i % 2 === 0) {
        const body = bases[(i + 7) % bases.length] as string;
        live.set(id, body);
        await t.core.database.db.updateTable('posts').set({ body, version: 2 }).where('id', '=', id).execute();
      } else {
        live.delete(id);
        await t.core.database.db
          .updateTable('posts')
          .set({ deleted_at: new Date().toISOString() })
          .where('id', '=', id)
          .execute();
      }
    }
    index.markDirty();
    for (const base of bases) {
      const exclude = some[0];
      expect(new Set(ids(await index.nearDuplicates(base, exclude)))).toEqual(new Set(bruteForce(base, live, exclude)));
    }
  });
});
