import { sql } from 'kysely';
import type { CreatorTableName, CreatorTables } from '../../shared/contract/data';
import type { Db, Tx } from '../db/database';

/** The version-2 sections and the table each is stored in. */
const TABLES: Record<CreatorTableName, string> = {
  accounts: 'accounts',
  accountMetrics: 'account_metrics',
  publications: 'post_publications',
  postMetrics: 'post_metrics',
  abPairs: 'ab_pairs',
  revenueEntries: 'revenue_entries',
  coachGoal: 'coach_goal',
  coachMilestones: 'coach_milestones',
  coachSessions: 'coach_sessions',
  coachInterventions: 'coach_interventions',
  reports: 'reports',
};
export const CREATOR_TABLE_NAMES = Object.keys(TABLES) as CreatorTableName[];

/** Every row of the analytics, coach and report tables the creator owns, in a stable order. */
export async function exportCreatorTables(tx: Db | Tx): Promise<CreatorTables> {
  return {
    accounts: await tx.selectFrom('accounts').selectAll().orderBy('id').execute(),
    accountMetrics: await tx.selectFrom('account_metrics').selectAll().orderBy('account_id').orderBy('date').execute(),
    publications: await tx.selectFrom('post_publications').selectAll().orderBy('id').execute(),
    postMetrics: await tx
      .selectFrom('post_metrics')
      .selectAll()
      .orderBy('publication_id')
      .orderBy('captured_at')
      .execute(),
    abPairs: await tx.selectFrom('ab_pairs').selectAll().orderBy('id').execute(),
    revenueEntries: await tx.selectFrom('revenue_entries').selectAll().orderBy('id').execute(),
    coachGoal: (await tx.selectFrom('coach_goal').selectAll().execute()).map((row) => ({ ...row, id: 1 as const })),
    coachMilestones: await tx.selectFrom('coach_milestones').selectAll().orderBy('id').execute(),
    coachSessions: await tx.selectFrom('coach_sessions').selectAll().orderBy('date').execute(),
    coachInterventions: await tx.selectFrom('coach_interventions').selectAll().orderBy('id').execute(),
    reports: await tx.selectFrom('reports').selectAll().orderBy('created_at').orderBy('id').execute(),
  } as CreatorTables;
}

/** Empties the creator tables (children first); analytics_anomalies go with their accounts. */
export async function wipeCreatorTables(tx: Tx): Promise<void> {
  for (const name of [...CREATOR_TABLE_NAMES].reverse()) {
    await sql`delete from ${sql.table(TABLES[name])}`.execute(tx);
  }
  await tx.deleteFrom('analytics_anomalies').execute();
}

/**
 * An export only links rows it contains: every publication's post, every snapshot's publication,
 * every day's account. Returns what is broken, so a damaged file is refused before writing.
 */
export function danglingReferences(tables: CreatorTables, postIds: Set<string>): string[] {
  const accountIds = new Set(tables.accounts.map((a) => a.id));
  const publicationIds = new Set(tables.publications.map((p) => p.id));
  const problems: string[] = [];
  const check = (section: string, bad: number) => {
    if (bad > 0) problems.push(`${bad} ${section} row(s) point to rows the file does not contain`);
  };
  check('accountMetrics', tables.accountMetrics.filter((m) => !accountIds.has(m.account_id)).length);
  check(
    'publications',
    tables.publications.filter(
      (p) => !postIds.has(p.post_id) || (p.account_id !== null && !accountIds.has(p.account_id)),
    ).length,
  );
  check('postMetrics', tables.postMetrics.filter((m) => !publicationIds.has(m.publication_id)).length);
  check('abPairs', tables.abPairs.filter((p) => !postIds.has(p.post_a) || !postIds.has(p.post_b)).length);
  check('revenueEntries', tables.revenueEntries.filter((r) => r.post_id !== null && !postIds.has(r.post_id)).length);
  return problems;
}

/** Whether a row with this integer id already exists in the table. */
export async function idTaken(tx: Tx, table: string, id: number): Promise<boolean> {
  const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where id = ${id}`.execute(tx);
  return Number(result.rows[0]?.n ?? 0) > 0;
}
