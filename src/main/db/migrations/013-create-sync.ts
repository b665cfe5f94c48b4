import { sql, type Kysely } from 'kysely';

/**
 * The sync engine's local tables and the triggers that capture writes to the synced tables.
 *
 * Capture is off (`sync_control.mode = 0`) until the creator turns sync on, so a library that never
 * syncs grows no change log. Mode 1 captures; mode 2 is set by the engine, inside its own
 * transaction, while it applies remote changes, so they are not echoed back as local writes.
 *
 * The synced columns are frozen here (a shipped migration never changes); the engine's copy in
 * src/main/sync/engine/synced-tables.ts is checked against these triggers by a test.
 */
const CAPTURED: { table: string; key: string; columns: string[] }[] = [
  {
    table: 'posts',
    key: 'id',
    columns: ['title', 'body', 'status', 'tags', 'platforms', 'scheduled_at', 'created_at', 'updated_at', 'deleted_at'],
  },
  {
    table: 'ideas',
    key: 'id',
    columns: ['topic', 'source_kind', 'source_text', 'source_post_id', 'platforms', 'template_id', 'created_at'],
  },
  {
    table: 'templates',
    key: 'id',
    columns: ['name', 'description', 'structure', 'variables', 'format', 'hidden', 'created_at', 'updated_at'],
  },
  { table: 'post_origins', key: 'post_id', columns: ['idea_id', 'variant_label', 'template_id'] },
  {
    table: 'profile',
    key: 'id',
    columns: [
      'name',
      'niche',
      'platforms',
      'timezone',
      'goal_metric',
      'goal_target',
      'goal_deadline',
      'cadence_posts_per_week',
      'cadence_days',
      'created_at',
      'updated_at',
    ],
  },
  { table: 'voice_profile', key: 'id', columns: ['profile', 'learned_at', 'edited_at'] },
  { table: 'coach_goal', key: 'id', columns: ['metric', 'target', 'deadline', 'started_at'] },
  {
    table: 'voice_custom_commands',
    key: 'id',
    columns: ['phrase', 'language', 'intents', 'origin', 'created_at'],
  },
];

const WALL_MS = "cast(unixepoch('subsec') * 1000 as integer)";
const CAPTURING = '(select mode from sync_control where id = 1) = 1';

function log(table: string, rowId: string, op: string, column: string | null, value: string): string {
  const columnSql = column === null ? 'null' : `'${column}'`;
  return `insert into sync_changelog (table_name, row_id, op, column_name, value, wall_ms)
    values ('${table}', cast(${rowId} as text), '${op}', ${columnSql}, ${value}, ${WALL_MS});`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table sync_control (
    id integer primary key check (id = 1),
    mode integer not null default 0 check (mode in (0, 1, 2))
  )`.execute(db);
  await sql`insert into sync_control (id, mode) values (1, 0)`.execute(db);

  // Typeless value columns keep each value's SQLite type (text, integer, real, null).
  await sql`create table sync_changelog (
    id integer primary key,
    table_name text not null,
    row_id text not null,
    op text not null check (op in ('insert', 'update', 'delete')),
    column_name text,
    value,
    wall_ms integer not null
  )`.execute(db);

  // Stamped changes waiting for the server, in plain JSON: they are sealed with the current
  // data key when pushed (so a rotation applies to them too). The content is already in this file.
  await sql`create table sync_outbox (
    hlc text primary key,
    payload text not null check (json_valid(payload))
  )`.execute(db);

  // The newest HLC seen for each field; column '+' is a row's newest insert, '*' its newest delete.
  await sql`create table sync_field_clock (
    table_name text not null,
    row_id text not null,
    column_name text not null,
    hlc text not null,
    primary key (table_name, row_id, column_name)
  ) without rowid`.execute(db);

  // Winning remote values that could not be written yet (the row is missing required fields or
  // a parent row, or breaks a unique rule); retried after each batch.
  await sql`create table sync_shadow (
    table_name text not null,
    row_id text not null,
    column_name text not null,
    value,
    primary key (table_name, row_id, column_name)
  ) without rowid`.execute(db);

  // device_id: the server device this progress belongs to; another sign-in starts over.
  await sql`create table sync_state (
    id integer primary key check (id = 1),
    device_id text,
    cursor text,
    clock text,
    last_synced_at text,
    conflicts_resolved integer not null default 0
  )`.execute(db);
  await sql`insert into sync_state (id) values (1)`.execute(db);

  for (const { table, key, columns } of CAPTURED) {
    const onInsert = columns.map((c) => log(table, `new.${key}`, 'insert', c, `new.${c}`)).join('\n');
    await sql
      .raw(
        `create trigger sync_${table}_after_insert after insert on ${table} when ${CAPTURING} begin
        ${onInsert}
      end`,
      )
      .execute(db);
    const onUpdate = columns
      .map(
        (c) => `insert into sync_changelog (table_name, row_id, op, column_name, value, wall_ms)
          select '${table}', cast(new.${key} as text), 'update', '${c}', new.${c}, ${WALL_MS}
          where old.${c} is not new.${c};`,
      )
      .join('\n');
    await sql
      .raw(
        `create trigger sync_${table}_after_update after update on ${table} when ${CAPTURING} begin
        ${onUpdate}
      end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger sync_${table}_after_delete after delete on ${table} when ${CAPTURING} begin
        ${log(table, `old.${key}`, 'delete', null, 'null')}
      end`,
      )
      .execute(db);
  }
}
