import type { CreatorTableName, CreatorTables } from '../../shared/contract/data';
import type { Tx } from '../db/database';
import { CREATOR_TABLE_NAMES, idTaken } from './creator-tables';

type Counts = Record<CreatorTableName, number>;

/** Keeps an integer id when it is free here; otherwise lets SQLite give the row a new one. */
async function keepIdIfFree<T extends { id: number }>(tx: Tx, table: string, row: T): Promise<T | Omit<T, 'id'>> {
  if (!(await idTaken(tx, table, row.id))) return row;
  const { id, ...rest } = row;
  void id;
  return rest;
}

/**
 * Writes the version-2 sections. After a wipe (replace) every row goes in with its id. In merge,
 * only what is missing is added: rows are matched by their natural key (an account by platform +
 * handle, a publication by post + platform, a snapshot by publication + time, …), and ids taken by
 * other local rows are renumbered with the links that point to them.
 */
export async function importCreatorTables(tx: Tx, tables: CreatorTables): Promise<Counts> {
  const counts = Object.fromEntries(CREATOR_TABLE_NAMES.map((name) => [name, 0])) as Counts;
  const accountIds = new Map<string, string>();
  const publicationIds = new Map<number, number>();

  for (const account of tables.accounts) {
    const local = await tx
      .selectFrom('accounts')
      .select('id')
      .where((eb) =>
        eb.or([
          eb('id', '=', account.id),
          eb.and([eb('platform', '=', account.platform), eb('handle', '=', account.handle)]),
        ]),
      )
      .executeTakeFirst();
    if (local) {
      accountIds.set(account.id, local.id);
      continue;
    }
    await tx.insertInto('accounts').values(account).execute();
    accountIds.set(account.id, account.id);
    counts.accounts++;
  }
  for (const day of tables.accountMetrics) {
    const row = { ...day, account_id: accountIds.get(day.account_id) ?? day.account_id };
    const result = await tx
      .insertInto('account_metrics')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    counts.accountMetrics += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  for (const publication of tables.publications) {
    const local = await tx
      .selectFrom('post_publications')
      .select('id')
      .where('post_id', '=', publication.post_id)
      .where('platform', '=', publication.platform)
      .executeTakeFirst();
    if (local) {
      publicationIds.set(publication.id, local.id);
      continue;
    }
    const accountId = publication.account_id === null ? null : (accountIds.get(publication.account_id) ?? null);
    const row = await keepIdIfFree(tx, 'post_publications', { ...publication, account_id: accountId });
    const inserted = await tx.insertInto('post_publications').values(row).returning('id').executeTakeFirstOrThrow();
    publicationIds.set(publication.id, inserted.id);
    counts.publications++;
  }
  for (const snapshot of tables.postMetrics) {
    const row = { ...snapshot, publication_id: publicationIds.get(snapshot.publication_id) ?? snapshot.publication_id };
    const result = await tx
      .insertInto('post_metrics')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    counts.postMetrics += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  for (const pair of tables.abPairs) {
    const exists = await tx
      .selectFrom('ab_pairs')
      .select('id')
      .where('post_a', '=', pair.post_a)
      .where('post_b', '=', pair.post_b)
      .where('platform', '=', pair.platform)
      .executeTakeFirst();
    if (exists) continue;
    await tx
      .insertInto('ab_pairs')
      .values(await keepIdIfFree(tx, 'ab_pairs', pair))
      .execute();
    counts.abPairs++;
  }
  for (const entry of tables.revenueEntries) {
    let query = tx
      .selectFrom('revenue_entries')
      .select('id')
      .where('amount', '=', entry.amount)
      .where('cost', '=', entry.cost)
      .where('currency', '=', entry.currency)
      .where('source', '=', entry.source)
      .where('occurred_at', '=', entry.occurred_at);
    query = entry.post_id === null ? query.where('post_id', 'is', null) : query.where('post_id', '=', entry.post_id);
    query =
      entry.campaign === null ? query.where('campaign', 'is', null) : query.where('campaign', '=', entry.campaign);
    if (await query.executeTakeFirst()) continue;
    await tx
      .insertInto('revenue_entries')
      .values(await keepIdIfFree(tx, 'revenue_entries', entry))
      .execute();
    counts.revenueEntries++;
  }
  for (const goal of tables.coachGoal) {
    const result = await tx
      .insertInto('coach_goal')
      .values(goal)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    counts.coachGoal += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  for (const milestone of tables.coachMilestones) {
    const exists = await tx
      .selectFrom('coach_milestones')
      .select('id')
      .where('fraction', '=', milestone.fraction)
      .where('value', '=', milestone.value)
      .where('due_date', '=', milestone.due_date)
      .executeTakeFirst();
    if (exists) continue;
    await tx
      .insertInto('coach_milestones')
      .values(await keepIdIfFree(tx, 'coach_milestones', milestone))
      .execute();
    counts.coachMilestones++;
  }
  for (const session of tables.coachSessions) {
    const result = await tx
      .insertInto('coach_sessions')
      .values(session)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    counts.coachSessions += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  for (const intervention of tables.coachInterventions) {
    // The same situation raised at the same time, or one still open here, is already known.
    const live = intervention.status === 'open' || intervention.status === 'snoozed';
    const exists = await tx
      .selectFrom('coach_interventions')
      .select('id')
      .where('situation', '=', intervention.situation)
      .where((eb) =>
        live
          ? eb.or([eb('triggered_at', '=', intervention.triggered_at), eb('status', 'in', ['open', 'snoozed'])])
          : eb('triggered_at', '=', intervention.triggered_at),
      )
      .executeTakeFirst();
    if (exists) continue;
    await tx
      .insertInto('coach_interventions')
      .values(await keepIdIfFree(tx, 'coach_interventions', intervention))
      .execute();
    counts.coachInterventions++;
  }
  for (const report of tables.reports) {
    const result = await tx
      .insertInto('reports')
      .values(report)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    counts.reports += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return counts;
}
