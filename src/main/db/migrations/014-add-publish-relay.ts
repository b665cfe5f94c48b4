import { sql, type Kysely } from 'kysely';

/**
 * The publish relay on the desktop: a job handed to the sync service's relay becomes `relayed`
 * (outside the runnable statuses, so the local runner never sends it), with a hand-off record
 * beside it; accounts opt in one by one; and a cursor per server for pulling results.
 *
 * SQLite cannot change a CHECK constraint in place, so publish_jobs is rebuilt to accept
 * `relayed`. publish_events is rebuilt with it: dropping the old publish_jobs while the events
 * still referenced it would cascade-delete them (foreign keys are on, and cannot be turned off
 * inside the migration's transaction). The new tables are made under `_next` names, filled,
 * and renamed, which rewrites the events' reference to the final name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table publish_jobs_next (
    id text primary key,
    post_id text not null references posts(id) on delete cascade,
    platform text not null check (platform in ('x','linkedin','instagram','facebook','youtube','tiktok','threads','bluesky','mastodon')),
    account_id text references accounts(id) on delete set null,
    idempotency_key text not null unique,
    due_at text not null,
    status text not null check (status in ('queued','leased','sending','outcome_unknown','pending_remote','published','failed','cancelled','missed','relayed')),
    attempts integer not null default 0,
    next_attempt_at text,
    lease_owner text,
    lease_expires_at text,
    external_id text,
    url text,
    remote_state text check (remote_state is null or json_valid(remote_state)),
    last_error text,
    error_kind text,
    created_at text not null,
    updated_at text not null,
    published_at text
  )`.execute(db);
  await sql`insert into publish_jobs_next (id, post_id, platform, account_id, idempotency_key, due_at, status,
      attempts, next_attempt_at, lease_owner, lease_expires_at, external_id, url, remote_state, last_error,
      error_kind, created_at, updated_at, published_at)
    select id, post_id, platform, account_id, idempotency_key, due_at, status, attempts, next_attempt_at,
      lease_owner, lease_expires_at, external_id, url, remote_state, last_error, error_kind, created_at,
      updated_at, published_at
    from publish_jobs`.execute(db);
  await sql`create table publish_events_next (
    id integer primary key,
    job_id text not null references publish_jobs_next(id) on delete cascade,
    at text not null,
    step text not null,
    detail text not null default ''
  )`.execute(db);
  await sql`insert into publish_events_next (id, job_id, at, step, detail)
    select id, job_id, at, step, detail from publish_events`.execute(db);
  await sql`drop table publish_events`.execute(db);
  await sql`drop table publish_jobs`.execute(db);
  await sql`alter table publish_jobs_next rename to publish_jobs`.execute(db);
  await sql`alter table publish_events_next rename to publish_events`.execute(db);

  // The indexes of migrations 010 and 011, exactly as they were (the queue's queries name them).
  await sql`create index publish_jobs_due on publish_jobs(status, due_at)`.execute(db);
  await sql`create index publish_jobs_post on publish_jobs(post_id)`.execute(db);
  await sql`create unique index publish_jobs_live on publish_jobs(post_id, platform)
    where status not in ('failed','cancelled')`.execute(db);
  await sql`create index publish_jobs_runnable_at on publish_jobs(coalesce(next_attempt_at, due_at))
    where status in ('queued','outcome_unknown','pending_remote')`.execute(db);
  await sql`create index publish_events_job on publish_events(job_id, id)`.execute(db);

  await sql`create table publish_relay_handoffs (
    job_id text primary key references publish_jobs(id) on delete cascade,
    server_url text not null,
    relay_job_id text,
    handed_at text not null,
    remote_status text,
    updated_at text not null
  )`.execute(db);
  await sql`create table publish_relay_accounts (
    account_id text primary key references accounts(id) on delete cascade,
    enabled_at text not null
  )`.execute(db);
  await sql`create table publish_relay_cursors (
    server_url text primary key,
    since text not null
  )`.execute(db);
}
