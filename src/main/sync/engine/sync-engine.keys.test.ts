import { describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { AppDatabase } from '../../db/database';
import { MemorySecrets } from '../../platform/secrets/memory';
import { addPost, PASSPHRASE, post, testbed } from './engine-testbed';
import { TEST_KDF_COST } from './simulated-device';
import { SyncEngine } from './sync-engine';

const bed = testbed();
const { device, pair } = bed;

describe('keys through the engine', () => {
  it('a wrong passphrase is refused plainly; creating a second keyring is refused', async () => {
    const [, b] = await pair();
    const c = await device();
    await expect(c.engine.unlock('not it')).rejects.toMatchObject({ code: 'wrong_passphrase' });
    expect(c.engine.isUnlocked()).toBe(false);
    await expect(c.engine.syncNow()).rejects.toMatchObject({ code: 'locked' });
    await expect(b.engine.createKeyring('another')).rejects.toMatchObject({ code: 'keyring_exists' });
  });

  it('after a passphrase change elsewhere and a rotation, every device keeps syncing', async () => {
    const [a, b] = await pair();
    await a.engine.changePassphrase('a long sync passphrase', 'a new sync passphrase');
    addPost(a, 'after-change');
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(post(b, 'after-change')).toBeDefined();

    await a.engine.rotateKey();
    addPost(a, 'after-rotation');
    await a.engine.syncNow();
    expect(new Set(bed.server.log.map((c) => c.keyId)).size).toBe(2);
    // B holds only the old key and an outdated passphrase key: it follows through the chain.
    await b.engine.syncNow();
    expect(post(b, 'after-rotation')).toBeDefined();
    addPost(b, 'from-b');
    await b.engine.syncNow();
    // B now seals with the rotated key too.
    expect(bed.server.log.at(-1)!.keyId).toBe(bed.server.getKeyring(a.id)!.currentKeyId);
    await a.engine.syncNow();
    expect(post(a, 'from-b')).toBeDefined();

    const c = await device();
    await expect(c.engine.unlock('a long sync passphrase')).rejects.toMatchObject({ code: 'wrong_passphrase' });
    await c.engine.unlock('a new sync passphrase');
    await c.engine.syncNow();
    expect(c.snapshot()).toEqual(a.snapshot());
  });

  it('starts sealing with a key rotated elsewhere within ten minutes, even with nothing new to pull', async () => {
    let offset = 0;
    const a = await device();
    const b = await device({ now: () => Date.now() + offset });
    await a.engine.createKeyring(PASSPHRASE);
    await b.engine.unlock(PASSPHRASE);
    await a.engine.syncNow();
    await b.engine.syncNow();
    const oldKey = bed.server.getKeyring(a.id)!.currentKeyId;
    await a.engine.rotateKey();
    const newKey = bed.server.getKeyring(a.id)!.currentKeyId;
    addPost(b, 'soon');
    await b.engine.syncNow();
    expect(bed.server.log.at(-1)!.keyId).toBe(oldKey);
    offset = 11 * 60_000;
    addPost(b, 'later');
    await b.engine.syncNow();
    expect(bed.server.log.at(-1)!.keyId).toBe(newKey);
  });

  it('retries a passphrase change when another device changed the keyring meanwhile (409)', async () => {
    const [a, b] = await pair();
    const server = bed.server;
    const put = server.putKeyring.bind(server);
    let raced = false;
    vi.spyOn(server, 'putKeyring').mockImplementation((deviceId, expected, draft) => {
      if (!raced) {
        raced = true;
        // Another device's rotation lands between A's read and A's write.
        const { version, ...current } = server.getKeyring(b.id)!;
        put(b.id, version, current);
      }
      return put(deviceId, expected, draft);
    });
    await a.engine.changePassphrase('a long sync passphrase', 'changed');
    expect(raced).toBe(true);
    const c = await device();
    await c.engine.unlock('changed');
  });

  it('another device id on the same database (signed in again) starts its sync state over', async () => {
    const [a, b] = await pair();
    addPost(a, 'p1');
    await a.engine.syncNow();
    await b.engine.syncNow();
    b.run(`update posts set title = 'unsynced edit' where id = 'p1'`);
    await b.close();
    const again = new SyncEngine({
      db: AppDatabase.open(b.database.path),
      deviceId: randomUUID(),
      transport: bed.server.transport('again'),
      secrets: new MemorySecrets(),
      kdfCost: TEST_KDF_COST,
    });
    await again.unlock(PASSPHRASE);
    await again.syncNow();
    const state = again.state();
    expect(state).toMatchObject({ phase: 'idle', pending: 0 });
    await a.engine.syncNow();
    // The kept local edit was queued again after the pull, so it reached A.
    expect(post(a, 'p1')!.title).toBe('unsynced edit');
    await again.stop();
  });

  it('keeps keys in the secrets port, and lock() forgets them', async () => {
    const [a] = await pair();
    expect(await a.secrets.keys()).toEqual(['sync.unlocked-keys']);
    const cached = JSON.parse((await a.secrets.get('sync.unlocked-keys'))!) as { keys: Record<string, string> };
    const dataKey = Object.values(cached.keys)[0]!;
    addPost(a, 'p1');
    await a.engine.syncNow();
    const tables = a.database.raw.prepare(`select name from sqlite_master where type = 'table'`).all() as {
      name: string;
    }[];
    for (const { name } of tables) {
      const dump = JSON.stringify(a.database.raw.prepare(`select * from "${name}"`).all());
      expect(dump).not.toContain(dataKey);
      expect(dump).not.toContain(Buffer.from(dataKey, 'base64').toString('hex'));
    }
    await a.engine.lock();
    expect(a.engine.isUnlocked()).toBe(false);
    expect(a.engine.state().phase).toBe('locked');
    expect(await a.secrets.keys()).toEqual([]);
  });
});

describe('clock skew and background sync', () => {
  it('a device two hours ahead still converges and is told how far off its clock is', async () => {
    const ahead = 2 * 3_600_000;
    const a = await device();
    const b = await device({ now: () => Date.now() + ahead });
    await a.engine.createKeyring('passphrase');
    await b.engine.unlock('passphrase');
    addPost(a, 'p1');
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(b.engine.state().clockSkewMs).toBeGreaterThan(ahead - 60_000);
    expect(a.engine.state().clockSkewMs).toBeNull();
    // B's edit is stamped in its (future) clock; A's later real edit still orders after what it saw.
    b.run(`update posts set title = 'from the future' where id = 'p1'`);
    await b.engine.syncNow();
    await a.engine.syncNow();
    a.run(`update posts set title = 'after seeing it' where id = 'p1'`);
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(post(a, 'p1')!.title).toBe('after seeing it');
    expect(b.snapshot()).toEqual(a.snapshot());
  });

  it('in the background, a local write reaches the other device through the live channel', async () => {
    const [a, b] = await pair();
    a.engine.start();
    b.engine.start();
    const states: string[] = [];
    b.engine.onStateChange((s) => states.push(s.phase));
    addPost(a, 'live-post');
    await vi.waitFor(() => expect(post(b, 'live-post')).toBeDefined(), { timeout: 10_000, interval: 100 });
    await vi.waitFor(() => expect(a.engine.state().pending).toBe(0), { timeout: 10_000, interval: 100 });
    expect(states).toContain('syncing');
    await a.engine.stop();
    await b.engine.stop();
  });

  it('backs off while offline, says when it retries, and catches up when back', async () => {
    const [a, b] = await pair();
    bed.server.setOnline(a.id, false);
    a.engine.start();
    await vi.waitFor(() => expect(a.engine.state().phase).toBe('offline'), { timeout: 10_000, interval: 50 });
    expect(a.engine.state().nextRetryAt).not.toBeNull();
    addPost(a, 'written-offline');
    bed.server.setOnline(a.id, true);
    await vi.waitFor(() => expect(a.engine.state()).toMatchObject({ phase: 'idle', pending: 0 }), {
      timeout: 15_000,
      interval: 100,
    });
    await b.engine.syncNow();
    expect(post(b, 'written-offline')).toBeDefined();
  });
});
