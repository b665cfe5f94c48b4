import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encryptedChangeSchema, hlcStringSchema } from '../../src/shared/sync-api/sync';
import { fieldChange, sealedChanges, seededRandom } from './sync-changes';
import { BenchHlc, openChange, sealChange } from './sync-protocol';
import { storageGrowth } from './sync-storage';

/** The benches' own protocol client must speak the contract, or their figures measure errors. */
describe('bench sync protocol', () => {
  it('stamps HLCs the contract accepts, strictly increasing even within one millisecond', () => {
    const clock = new BenchHlc(randomUUID());
    const stamps = [clock.next(1_000), clock.next(1_000), clock.next(999), clock.next(1_001)];
    for (const stamp of stamps) expect(hlcStringSchema.safeParse(stamp).success).toBe(true);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('borrows the next millisecond instead of overflowing the 5-digit counter', () => {
    const clock = new BenchHlc(randomUUID());
    let last = clock.next(5);
    for (let i = 0; i < 100_001; i++) {
      const next = clock.next(5);
      expect(next > last).toBe(true);
      last = next;
    }
    expect(last.startsWith('000000000000006-')).toBe(true);
    expect(hlcStringSchema.safeParse(last).success).toBe(true);
  });

  it('seals changes that open again, and refuses a blob moved to another HLC or altered', () => {
    const key = randomBytes(32);
    const clock = new BenchHlc(randomUUID());
    const change = fieldChange(seededRandom(1), [randomUUID()]);
    const sealed = sealChange(key, clock.next(), change);
    expect(encryptedChangeSchema.safeParse(sealed).success).toBe(true);
    expect(openChange(key, sealed)).toEqual(change);

    expect(() => openChange(key, { ...sealed, hlc: clock.next() })).toThrow();
    const raw = Buffer.from(sealed.blob, 'base64');
    raw[20] = raw[20]! ^ 1;
    expect(() => openChange(key, { ...sealed, blob: raw.toString('base64') })).toThrow();
    expect(() => openChange(randomBytes(32), sealed)).toThrow();
  });

  it('generates the same field-change mix for the same seed, within the contract', () => {
    const first = seededRandom(9);
    const second = seededRandom(9);
    const a = Array.from({ length: 50 }, () => fieldChange(first, ['row'], 1_700_000_000_000));
    const b = Array.from({ length: 50 }, () => fieldChange(second, ['row'], 1_700_000_000_000));
    expect(new Set(a.map((c) => c.column)).size).toBeGreaterThan(2);
    expect(a).toEqual(b);
    const batch = sealedChanges(randomBytes(32), new BenchHlc(randomUUID()), seededRandom(3), 200);
    expect(batch).toHaveLength(200);
    for (const change of batch) expect(encryptedChangeSchema.safeParse(change).success).toBe(true);
    // A mix, not one size: the storage figure depends on it.
    const sizes = new Set(batch.map((c) => Math.round(c.blob.length / 100)));
    expect(sizes.size).toBeGreaterThan(3);
  });

  it('counts storage growth across every table, new tables included', () => {
    const growth = storageGrowth(
      { rows: { users: 1, sync_changes: 10 }, bytes: { users: 8192, sync_changes: 16384 } },
      { rows: { users: 1, sync_changes: 110, added: 5 }, bytes: { users: 8192, sync_changes: 90112, added: 8192 } },
    );
    expect(growth.rows).toBe(105);
    expect(growth.bytes).toBe(73728 + 8192);
    expect(growth.tables.map((t) => t.name)).toEqual(['sync_changes', 'added']);
  });
});
