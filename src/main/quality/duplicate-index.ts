import type { Db } from '../db/database';
import { DUPLICATE_THRESHOLD, jaccard, shinglesOf } from '../../shared/quality/duplicate';
import type { DuplicateCandidate } from '../../shared/quality/context';

interface Entry {
  version: number;
  title: string;
  body: string;
  shingles: Set<string>;
}

const BATCH = 500;
/** Without a posts:changed event, the table is still re-checked this often. */
const RECHECK_MS = 2_000;

/**
 * The creator's posts as word-shingle sets, with an inverted index (shingle → posts), kept in
 * memory. Before a lookup it compares a fingerprint of the posts table (count, newest update, sum of
 * versions) and re-reads what changed: after any posts:changed event, and at least every couple of
 * seconds otherwise, so a write path that emits no event (a raw import) is seen too.
 *
 * Lookup is exact for Jaccard ≥ t by prefix filtering: a post B with J(A, B) ≥ t shares at least
 * ⌈t·|A|⌉ of A's shingles, so it must contain one of any |A| − ⌈t·|A|⌉ + 1 of them. Probing only
 * the rarest ones keeps the posting lists short.
 */
export class DuplicateIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly postings = new Map<string, Set<string>>();
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
    const mine = [...shinglesOf(text)];
    if (mine.length === 0) return [];
    mine.sort((a, b) => (this.postings.get(a)?.size ?? 0) - (this.postings.get(b)?.size ?? 0));
    const probe = mine.length - Math.ceil(DUPLICATE_THRESHOLD * mine.length) + 1;
    const seen = new Set<string>();
    const mineSet = new Set(mine);
    const matches: { candidate: DuplicateCandidate; similarity: number }[] = [];
    for (const shingle of mine.slice(0, probe)) {
      for (const id of this.postings.get(shingle) ?? []) {
        if (id === excludeId || seen.has(id)) continue;
        seen.add(id);
        const entry = this.entries.get(id)!;
        const similarity = jaccard(mineSet, entry.shingles);
        if (similarity >= DUPLICATE_THRESHOLD) {
          matches.push({ candidate: { postId: id, title: entry.title, text: entry.body }, similarity });
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
    for (const id of [...this.entries.keys()]) if (!live.has(id)) this.remove(id);
    const changed = versions.filter((v) => this.entries.get(v.id)?.version !== v.version).map((v) => v.id);
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

  private add(id: string, version: number, title: string, body: string): void {
    this.remove(id);
    const shingles = shinglesOf(body);
    this.entries.set(id, { version, title, body, shingles });
    for (const shingle of shingles) {
      let ids = this.postings.get(shingle);
      if (!ids) this.postings.set(shingle, (ids = new Set()));
      ids.add(id);
    }
  }

  private remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    for (const shingle of entry.shingles) {
      const ids = this.postings.get(shingle);
      ids?.delete(id);
      if (ids?.size === 0) this.postings.delete(shingle);
    }
    this.entries.delete(id);
  }
}
