import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SyncTransportError } from './transport';
import { MemorySyncServer } from './memory-transport';
import { createSimulatedDevice, type SimulatedDevice } from './simulated-device';

/**
 * Property: devices that edit offline in any interleaving, then sync in any order, end with
 * identical synced content; nothing created is lost, and hard deletes are respected everywhere.
 * Each device is a real SQLite file with every migration; writes are plain SQL, like the app's
 * repositories, and reach the engine only through the capture triggers.
 */

const NOW = '2026-11-25T10:00:00.000Z';
const STATUSES = ['idea', 'draft', 'ready', 'scheduled', 'published', 'archived'] as const;
const text = fc.string({ maxLength: 10 });

type Op =
  | { kind: 'createPost'; d: number; n: number; title: string }
  | {
      kind: 'editPost';
      d: number;
      pick: number;
      field: 'title' | 'body' | 'status' | 'tags' | 'scheduled_at';
      value: string;
    }
  | { kind: 'trashPost'; d: number; pick: number }
  | { kind: 'purgePost'; d: number; pick: number }
  | { kind: 'upsertTemplate'; d: number; t: number; name: string }
  | { kind: 'deleteTemplate'; d: number; t: number }
  | { kind: 'createIdea'; d: number; n: number; pick: number | null }
  | { kind: 'linkOrigin'; d: number; pick: number; ideaPick: number }
  | { kind: 'profile'; d: number; name: string; target: number }
  | { kind: 'customCommand'; d: number; n: number; intents: string }
  | { kind: 'sync'; d: number }
  | { kind: 'toggleNetwork'; d: number };

function opArb(devices: number): fc.Arbitrary<Op> {
  const d = fc.integer({ min: 0, max: devices - 1 });
  const pick = fc.nat({ max: 20 });
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('createPost' as const), d, n: fc.nat({ max: 4 }), title: text }),
    },
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('editPost' as const),
        d,
        pick,
        field: fc.constantFrom(
          'title' as const,
          'body' as const,
          'status' as const,
          'tags' as const,
          'scheduled_at' as const,
        ),
        value: text,
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('trashPost' as const), d, pick }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('purgePost' as const), d, pick }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('upsertTemplate' as const), d, t: fc.nat({ max: 2 }), name: text }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteTemplate' as const), d, t: fc.nat({ max: 2 }) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('createIdea' as const),
        d,
        n: fc.nat({ max: 2 }),
        pick: fc.option(pick),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('linkOrigin' as const), d, pick, ideaPick: pick }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('profile' as const),
        d,
        name: text,
        target: fc.integer({ min: 1, max: 1000 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('customCommand' as const), d, n: fc.nat({ max: 1 }), intents: text }),
    },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), d }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('toggleNetwork' as const), d }) },
  );
}

function ids(device: SimulatedDevice, table: string, key = 'id'): string[] {
  return (
    device.database.raw.prepare(`select ${key} as id from ${table} order by ${key}`).all() as { id: string }[]
  ).map((r) => r.id);
}

function chosen(list: string[], pick: number): string | undefined {
  return list.length === 0 ? undefined : list[pick % list.length];
}

interface History {
  created: Set<string>;
  purged: Set<string>;
}

function perform(op: Exclude<Op, { kind: 'sync' | 'toggleNetwork' }>, device: SimulatedDevice, history: History): void {
  switch (op.kind) {
    case 'createPost': {
      // Post ids are UUIDs in the app: one device creates each id once.
      const id = `post-${op.d}-${op.n}`;
      if (history.created.has(id)) return;
      history.created.add(id);
      device.run(
        `insert into posts (id, title, body, status, tags, platforms, created_at, updated_at) values (?, ?, '', 'draft', '[]', '[]', ?, ?)`,
        id,
        op.title,
        NOW,
        NOW,
      );
      return;
    }
    case 'editPost': {
      const id = chosen(ids(device, 'posts'), op.pick);
      if (!id) return;
      const value =
        op.field === 'status'
          ? STATUSES[op.value.length % STATUSES.length]!
          : op.field === 'tags'
            ? JSON.stringify([op.value])
            : op.field === 'scheduled_at'
              ? op.value.length % 2 === 0
                ? null
                : NOW
              : op.value;
      device.run(`update posts set ${op.field} = ?, version = version + 1 where id = ?`, value, id);
      return;
    }
    case 'trashPost': {
      const id = chosen(ids(device, 'posts'), op.pick);
      if (id) device.run(`update posts set deleted_at = ? where id = ?`, NOW, id);
      return;
    }
    case 'purgePost': {
      const id = chosen(ids(device, 'posts'), op.pick);
      if (!id) return;
      history.purged.add(id);
      device.run(`delete from posts where id = ?`, id);
      return;
    }
    case 'upsertTemplate':
      // Template ids are shared: an edited copy of a bundled template keeps the bundled id.
      device.run(
        `insert into templates (id, name, structure, variables, format, created_at, updated_at)
         values (?, ?, 'structure', '[]', 'post', ?, ?)
         on conflict (id) do update set name = excluded.name, updated_at = excluded.updated_at`,
        `template-${op.t}`,
        op.name,
        NOW,
        NOW,
      );
      return;
    case 'deleteTemplate':
      device.run(`delete from templates where id = ?`, `template-${op.t}`);
      return;
    case 'createIdea': {
      const id = `idea-${op.d}-${op.n}`;
      if (history.created.has(id)) return;
      history.created.add(id);
      const source = op.pick === null ? null : (chosen(ids(device, 'posts'), op.pick) ?? null);
      device.run(
        `insert into ideas (id, topic, source_kind, source_post_id, platforms, created_at) values (?, 'topic', 'post', ?, '[]', ?)`,
        id,
        source,
        NOW,
      );
      return;
    }
    case 'linkOrigin': {
      const postId = chosen(ids(device, 'posts'), op.pick);
      const ideaId = chosen(ids(device, 'ideas'), op.ideaPick);
      if (!postId || !ideaId) return;
      device.run(
        `insert into post_origins (post_id, idea_id, variant_label) values (?, ?, 'A')
         on conflict (post_id) do update set idea_id = excluded.idea_id`,
        postId,
        ideaId,
      );
      return;
    }
    case 'profile':
      device.run(
        `insert into profile (id, name, niche, platforms, timezone, goal_metric, goal_target, goal_deadline,
           cadence_posts_per_week, cadence_days, created_at, updated_at)
         values (1, ?, 'niche', '[]', 'UTC', 'followers', ?, '2027-01-01', 3, '[]', ?, ?)
         on conflict (id) do update set name = excluded.name, goal_target = excluded.goal_target`,
        op.name,
        op.target,
        NOW,
        NOW,
      );
      return;
    case 'customCommand': {
      const id = `command-${op.d}-${op.n}`;
      if (history.created.has(id)) return;
      history.created.add(id);
      // Phrases are unique per language, and two devices may pick the same one.
      device.run(
        `insert or ignore into voice_custom_commands (id, phrase, language, intents, origin, created_at) values (?, ?, 'en', ?, 'manual', ?)`,
        id,
        `phrase ${op.n}`,
        JSON.stringify([op.intents]),
        NOW,
      );
      return;
    }
  }
}

async function syncQuietly(device: SimulatedDevice): Promise<void> {
  try {
    await device.engine.syncNow();
  } catch (error) {
    if (!(error instanceof SyncTransportError && error.code === 'network')) throw error;
  }
}

async function runScenario(deviceCount: number, ops: Op[], finalOrder: number[], skewMs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cadence-sync-property-'));
  const server = new MemorySyncServer();
  const devices: SimulatedDevice[] = [];
  try {
    for (let i = 0; i < deviceCount; i += 1) {
      // The last device's clock is off by `skewMs` (hours, in the skew property).
      const offset = i === deviceCount - 1 ? skewMs : 0;
      devices.push(await createSimulatedDevice(server, dir, { now: () => Date.now() + offset }));
    }
    await devices[0]!.engine.createKeyring('property passphrase');
    for (const device of devices.slice(1)) await device.engine.unlock('property passphrase');

    const history: History = { created: new Set(), purged: new Set() };
    const offline = new Set<number>();
    for (const op of ops) {
      const device = devices[op.d]!;
      if (op.kind === 'sync') await syncQuietly(device);
      else if (op.kind === 'toggleNetwork') {
        if (offline.delete(op.d)) server.setOnline(device.id, true);
        else {
          offline.add(op.d);
          server.setOnline(device.id, false);
        }
      } else perform(op, device, history);
    }

    for (const device of devices) server.setOnline(device.id, true);
    for (let round = 0; round < 2; round += 1) {
      for (const index of finalOrder) await devices[index]!.engine.syncNow();
    }

    const reference = devices[0]!.snapshot();
    for (const device of devices.slice(1)) expect(device.snapshot()).toEqual(reference);
    const posts = new Set(reference.posts!.map((p) => p.id as string));
    for (const id of history.purged) expect(posts.has(id)).toBe(false);
    for (const id of history.created) {
      if (id.startsWith('post-') && !history.purged.has(id)) expect(posts.has(id)).toBe(true);
    }
    // Every phrase somebody created is there (once: clashing rows resolve to the smallest id).
    const phrases = reference.voice_custom_commands!.map((c) => c.phrase as string);
    expect(new Set(phrases).size).toBe(phrases.length);
    for (const id of history.created) {
      if (id.startsWith('command-')) expect(phrases).toContain(`phrase ${id.split('-')[2]}`);
    }
    for (const device of devices) expect(device.engine.state().pending).toBe(0);
  } finally {
    for (const device of devices) await device.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function scenario(deviceCount: number, maxOps: number) {
  const order = fc.shuffledSubarray(
    Array.from({ length: deviceCount }, (_, i) => i),
    { minLength: deviceCount, maxLength: deviceCount },
  );
  return { ops: fc.array(opArb(deviceCount), { minLength: 1, maxLength: maxOps }), order };
}

describe('sync convergence (property)', () => {
  it('two devices converge after random offline edits and syncs', { timeout: 180_000 }, async () => {
    const { ops, order } = scenario(2, 40);
    await fc.assert(
      fc.asyncProperty(ops, order, (o, finalOrder) => runScenario(2, o, finalOrder, 0)),
      { numRuns: 40 },
    );
  });

  it('three devices converge in any sync order and interleaving', { timeout: 180_000 }, async () => {
    const { ops, order } = scenario(3, 50);
    await fc.assert(
      fc.asyncProperty(ops, order, (o, finalOrder) => runScenario(3, o, finalOrder, 0)),
      {
        numRuns: 30,
        // Found by this property: a device's first sync re-stamped the rows it had just pulled,
        // and the re-stamped insert beat a delete another device made before it.
        examples: [
          [
            [
              { kind: 'createPost', d: 0, n: 0, title: '' },
              { kind: 'sync', d: 0 },
              { kind: 'purgePost', d: 0, pick: 0 },
            ] as Op[],
            [2, 1, 0],
          ],
        ],
      },
    );
  });

  it('converges when one device’s clock is hours off', { timeout: 180_000 }, async () => {
    const { ops, order } = scenario(3, 40);
    const skew = fc.integer({ min: -12, max: 12 }).map((hours) => hours * 3_600_000 + 1_234);
    await fc.assert(
      fc.asyncProperty(ops, order, skew, (o, finalOrder, skewMs) => runScenario(3, o, finalOrder, skewMs)),
      { numRuns: 25 },
    );
  });
});
