import type { Kysely } from 'kysely';

/** Placeholder filled in this session (see the migration's owner). */
export async function up(_db: Kysely<unknown>): Promise<void> {}
