import type { Db } from '../db/database';
import {
  DUPLICATE_THRESHOLD,
  jaccard,
  normalizedWords,
  SHINGLE_SIZE,
  shinglesOf,
} from '../../shared/quality/duplicate';
import type { DuplicateCandidate } from '../../shared/quality/context';

interface Entry {
  id: string;
  version: number;
  title: string;
  body: string;
  /** The body's shingles hashed to 32 bits, sorted, each once. */
  hashes: Uint32Array;
}

const BATCH = 500;
/** Without a posts:changed event, the table is still re-checked this often. */
const RECHECK_MS = 2_000;
/**
 * Candidates whose hashed similarity is this far below the threshold are still compared exactly:
 * a 32-bit collision can only merge shingles, which moves the estimate by about 1/|A| per
 * collision, and even one collision inside a post is a one-in-a-million event.
 */
const HASH_SLACK = 0.1;

/** FNV-1a over a word's UTF-16 units. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A 32-bit hash of a shingle given its words' hashes (order matters), finished with a murmur mix. */
function combine(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ c, 0x27d4eb2d);
  h ^= h >>> 15;
  return h >>> 0;
}

/**
 * The hashes of `shinglesOf`'s shingles, one per shingle in the same order (duplicates kept):
 * a shingle is the same string exactly when its words are the same (words never hold a space).
 */
function shingleHashes(words: readonly string[]): number[] {
  if (words.length < SHINGLE_SIZE) return words.length > 0 ? [combine(wordHash(words.join(' ')), 0, words.length)] : [];
  const w = words.map(wordHash);
  const out: number[] = [];
  for (let i = 0; i + SHINGLE_SIZE <= w.length; i += 1) out.push(combine(w[i]!, w[i + 1]!, w[i + 2]!));
  return out;
}

function sortedUnique(hashes: readonly number[]): Uint32Array {
  const sorted = Uint32Array.from(hashes).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i += 1) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  return sorted.subarray(0, n);
}

/** Jaccard of two sorted, duplicate-free hash arrays. */
function hashedJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return shared / (a.length + b.length - shared);
}

/**
 * The creator's posts as hashed word-shingle sets, with an inverted index (shingle hash → posts),
 * kept in memory. Before a lookup it compares a fingerprint of the posts table (count, newest
 * update, sum of versions) and re-reads what changed: after any posts:changed event, and at least
 * every couple of seconds otherwise, so a write path that emits no event (a raw import) is seen too.
 *
 * Shingles are held as 32-bit hashes in typed arrays (no string or Set per shingle: building the
 * index over 10k posts took seconds that way); every match is still confirmed on the real
 * shingle strings, so exactly the posts with Jaccard ≥ t are returned.
 *
 * Lookup is exact for Jaccard ≥ t by prefix filtering: a post B with J(A, B) ≥ t shares at least
 * ⌈t·|A|⌉ of A's shingles, so it must contain one of any |A| − ⌈t·|A|⌉ + 1 of them. Probing only
 * the rarest ones keeps the posting lists short.
 */
export class DuplicateIndex {
  /** Posts by slot; a removed post leaves a hole that the next added post fills. */
  private readonly slots: (Entry | undefined)[] = [];
  private readonly free: number[] = [];
  private readonly slotOf = new Map<string, number>();
  /** Shingle hash → slots holding it: most shingles occur in one post, kept as a bare number. */
  private readonly postings = new Map<number, number | number[]>();
  private fingerprint = '';
  /** When the fingerprint was last compared (performance.now), and whether an event said "changed". */
  private checkedAt = Number.NEGATIVE_INFINITY;
  private dirty = true;

  constructor(private readonly db: Db) {}

  /** Posts changed (the domain calls this on posts:changed): the next lookup re-reads. */
  markDirty(): void {
    this.dirty = true;
  }

  /** Posts (other than `excludeId`) whose text is a near-duplicate of `text`, most similar first. */
  async nearDuplicates(text: string, excludeId?: string): Promise<DuplicateCandidate[]> {
    await this.refresh();
    const words = normalizedWords(text);
    if (words.length === 0) return [];
    // The shingle strings as shinglesOf makes them, each with its hash.
    const strings = words.length < SHINGLE_SIZE ? [words.join(' ')] : [];
    for (let i = 0; i + SHINGLE_SIZE <= words.length; i += 1) strings.push(words.slice(i, i + SHINGLE_SIZE).join(' '));
    const mineSet = new Set(strings);
    const hashes = shingleHashes(words);
    const byString = new Map<string, number>();
    strings.forEach((s, i) => byString.set(s, hashes[i]!));
    const mine = [...byString.values()];
    const sizes = new Map(mine.map((h) => [h, this.slotsWith(h).length]));
    mine.sort((a, b) => sizes.get(a)! - sizes.get(b)!);
    const probe = mine.length - Math.ceil(DUPLICATE_THRESHOLD * mine.length) + 1;
    const mineHashes = sortedUnique(hashes);
    const seen = new Set<number>();
    const matches: { candidate: DuplicateCandidate; similarity: number }[] = [];
    for (const hash of mine.slice(0, probe)) {
      for (const slot of this.slotsWith(hash)) {
        if (seen.has(slot)) continue;
        seen.add(slot);
        const entry = this.slots[slot]!;
        if (entry.id === excludeId) continue;
        if (hashedJaccard(mineHashes, entry.hashes) < DUPLICATE_THRESHOLD - HASH_SLACK) continue;
        const similarity = jaccard(mineSet, shinglesOf(entry.body));
        if (similarity >= DUPLICATE_THRESHOLD) {
          matches.push({ candidate: { postId: entry.id, title: entry.title, text: entry.body }, similarity });
        }
      }
    }
    return matches.sort((a, b) => b.similarity - a.similarity).map((m) => m.candidate);
  }

  /** Re-reads what changed since the last lookup (everything, the first time). */
  private async refresh(): Promise<void> {
    const now = performance.now();
    if (!this.dirty && now - this.checkedAt < RECHECK_MS) return;
    this.dirty = false;
    this.checkedAt = now;
    const row = await this.db
      .selectFrom('posts')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.max('updated_at').as('u'),
        eb.fn.sum<number>('version').as('v'),
      ])
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    const fingerprint = `${row.n}|${row.u ?? ''}|${row.v ?? 0}`;
    if (fingerprint === this.fingerprint) return;
    const versions = await this.db
      .selectFrom('posts')
      .select(['id', 'version'])
      .where('deleted_at', 'is', null)
      .execute();
    const live = new Map(versions.map((v) => [v.id, v.version]));
    for (const id of [...this.slotOf.keys()]) if (!live.has(id)) this.remove(id);
    const changed = versions.filter((v) => this.versionOf(v.id) !== v.version).map((v) => v.id);
    for (let i = 0; i < changed.length; i += BATCH) {
      const rows = await this.db
        .selectFrom('posts')
        .select(['id', 'title', 'body', 'version'])
        .where('id', 'in', changed.slice(i, i + BATCH))
        .execute();
      for (const post of rows) this.add(post.id, post.version, post.title, post.body);
    }
    this.fingerprint = fingerprint;
  }

  private versionOf(id: string): number | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.slots[slot]?.version;
  }

  private slotsWith(hash: number): readonly number[] {
    const list = this.postings.get(hash);
    return list === undefined ? [] : typeof list === 'number' ? [list] : list;
  }

  private add(id: string, version: number, title: string, body: string): void {
    this.remove(id);
    const hashes = sortedUnique(shingleHashes(normalizedWords(body)));
    const slot = this.free.pop() ?? this.slots.length;
    this.slots[slot] = { id, version, title, body, hashes };
    this.slotOf.set(id, slot);
    for (const hash of hashes) {
      const list = this.postings.get(hash);
      if (list === undefined) this.postings.set(hash, slot);
      else if (typeof list === 'number') this.postings.set(hash, [list, slot]);
      else list.push(slot);
    }
  }

  private remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const entry = this.slots[slot]!;
    for (const hash of entry.hashes) {
      const list = this.postings.get(hash);
      if (list === undefined) continue;
      if (typeof list === 'number') {
        if (list === slot) this.postings.delete(hash);
        continue;
      }
      const at = list.indexOf(slot);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 1) this.postings.set(hash, list[0]!);
      else if (list.length === 0) this.postings.delete(hash);
    }
    this.slots[slot] = undefined;
    this.free.push(slot);
    this.slotOf.delete(id);
  }
}
