import { sql, type Kysely } from 'kysely';

const PLATFORM_CHECK = sql`platform in ('x','linkedin','instagram','facebook','youtube','tiktok','threads','bluesky','mastodon')`;

/**
 * The content studio: ideas and where each drafted post came from, templates, the brand voice,
 * media stored by content hash, durable bulk-generation jobs, embeddings for semantic search and
 * hashtag trend data. Thread parts live in a post's body (see src/shared/platforms/thread.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ideas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) =>
      c.notNull().check(sql`source_kind in ('topic','link','text','transcript','post')`),
    )
    .addColumn('source_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_post_id', 'text', (c) => c.references('posts.id').onDelete('set null'))
    .addColumn('platforms', 'text', (c) => c.notNull().check(sql`json_valid(platforms)`))
    .addColumn('template_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Where a post came from: its idea, which variant it is, the template and the bulk item that made it.
  await db.schema
    .createTable('post_origins')
    .addColumn('post_id', 'text', (c) => c.primaryKey().references('posts.id').onDelete('cascade'))
    .addColumn('idea_id', 'text', (c) => c.references('ideas.id').onDelete('set null'))
    .addColumn('variant_label', 'text')
    .addColumn('template_id', 'text')
    .addColumn('bulk_item_id', 'integer', (c) => c.unique())
    .execute();
  await db.schema.createIndex('post_origins_idea').on('post_origins').column('idea_id').execute();

  // A user's own templates and edited copies of the bundled ones (same id overrides the bundled one).
  await db.schema
    .createTable('templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('structure', 'text', (c) => c.notNull())
    .addColumn('variables', 'text', (c) => c.notNull().check(sql`json_valid(variables)`))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('voice_profile')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('profile', 'text', (c) => c.notNull().check(sql`json_valid(profile)`))
    .addColumn('learned_at', 'text')
    .addColumn('edited_at', 'text')
    .execute();

  await db.schema
    .createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('image','video')`))
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('duration_ms', 'integer')
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('thumb_file', 'text')
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('post_media')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('media_id', 'text', (c) => c.notNull().references('media.id').onDelete('restrict'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('alt_text', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('post_media_pk', ['post_id', 'media_id'])
    .execute();

  await db.schema
    .createTable('bulk_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request', 'text', (c) => c.notNull().check(sql`json_valid(request)`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('planned','running','paused','cancelled','done','failed')`),
    )
    .addColumn('concurrency', 'integer', (c) => c.notNull().check(sql`concurrency between 1 and 8`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('bulk_items')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('job_id', 'text', (c) => c.notNull().references('bulk_jobs.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull().check(PLATFORM_CHECK))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text')
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending','generating','done','failed','cancelled')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('post_id', 'text', (c) => c.unique().references('posts.id').onDelete('set null'))
    .addColumn('error', 'text')
    .addColumn('generation_ms', 'real')
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addUniqueConstraint('bulk_items_position', ['job_id', 'position'])
    .execute();
  await db.schema.createIndex('bulk_items_status').on('bulk_items').columns(['job_id', 'status']).execute();

  await db.schema
    .createTable('post_embeddings')
    .addColumn('post_id', 'text', (c) => c.primaryKey().references('posts.id').onDelete('cascade'))
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('dims', 'integer', (c) => c.notNull())
    .addColumn('vector', 'blob', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('hashtag_trends')
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull().check(PLATFORM_CHECK))
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('observed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hashtag_trends_pk', ['tag', 'platform', 'source'])
    .execute();
}
