import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { PostFilter } from '../../shared/contract/posts';

/** The filter conditions shared by listing and searching, as SQL on the `posts` table. */
export function postFilterConditions(filter: Omit<PostFilter, 'limit' | 'offset'>): RawBuilder<SqlBool>[] {
  const conditions: RawBuilder<SqlBool>[] = [];
  if (!filter.includeDeleted) conditions.push(sql<SqlBool>`posts.deleted_at is null`);
  if (filter.statuses?.length) conditions.push(sql<SqlBool>`posts.status in (${sql.join(filter.statuses)})`);
  if (filter.platforms?.length) {
    conditions.push(
      sql<SqlBool>`exists (select 1 from json_each(posts.platforms) where value in (${sql.join(filter.platforms)}))`,
    );
  }
  if (filter.tag)
    conditions.push(sql<SqlBool>`exists (select 1 from json_each(posts.tags) where value = ${filter.tag})`);
  if (filter.from) conditions.push(sql<SqlBool>`coalesce(posts.scheduled_at, posts.updated_at) >= ${filter.from}`);
  if (filter.to) conditions.push(sql<SqlBool>`coalesce(posts.scheduled_at, posts.updated_at) <= ${filter.to}`);
  return conditions;
}

export function whereAll(conditions: RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  return conditions.length > 0 ? sql<SqlBool>`${sql.join(conditions, sql` and `)}` : sql<SqlBool>`1`;
}
