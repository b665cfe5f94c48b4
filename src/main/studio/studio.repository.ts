import { sql } from 'kysely';
import type { Platform } from '../../shared/domain/platform';
import type { IdeaSourceKind, VariantLabel } from '../../shared/domain/studio';
import type { Db, Tx } from '../db/database';

export interface IdeaRow {
  id: string;
  topic: string;
  sourceKind: IdeaSourceKind;
  sourceText: string;
  sourcePostId: string | null;
  platforms: Platform[];
  templateId: string | null;
  createdAt: string;
}

export interface IdeaDraftRow {
  postId: string;
  platform: Platform;
  variant: VariantLabel;
  body: string;
}

type StoredIdea = {
  id: string;
  topic: string;
  source_kind: string;
  source_text: string;
  source_post_id: string | null;
  platforms: string;
  template_id: string | null;
  created_at: string;
};

function toIdea(row: StoredIdea): IdeaRow {
  return {
    id: row.id,
    topic: row.topic,
    sourceKind: row.source_kind as IdeaSourceKind,
    sourceText: row.source_text,
    sourcePostId: row.source_post_id,
    platforms: JSON.parse(row.platforms) as Platform[],
    templateId: row.template_id,
    createdAt: row.created_at,
  };
}

/** SQL for ideas and the origins of the posts drafted from them. Writes take their transaction. */
export class StudioRepository {
  constructor(private readonly db: Db) {}

  async insertIdea(idea: IdeaRow, tx: Tx): Promise<void> {
    await tx
      .insertInto('ideas')
      .values({
        id: idea.id,
        topic: idea.topic,
        source_kind: idea.sourceKind,
        source_text: idea.sourceText,
        source_post_id: idea.sourcePostId,
        platforms: JSON.stringify(idea.platforms),
        template_id: idea.templateId,
        created_at: idea.createdAt,
      })
      .execute();
  }

  async insertOrigin(
    origin: { postId: string; ideaId: string; variant: VariantLabel; templateId: string | null },
    tx: Tx,
  ): Promise<void> {
    await tx
      .insertInto('post_origins')
      .values({
        post_id: origin.postId,
        idea_id: origin.ideaId,
        variant_label: origin.variant,
        template_id: origin.templateId,
        bulk_item_id: null,
      })
      .execute();
  }

  async findIdea(id: string): Promise<IdeaRow | null> {
    const row = await this.db.selectFrom('ideas').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toIdea(row) : null;
  }

  async listIdeas(limit: number): Promise<(IdeaRow & { draftCount: number })[]> {
    const rows = await this.db
      .selectFrom('ideas as i')
      .selectAll('i')
      .select((eb) =>
        eb
          .selectFrom('post_origins as o')
          .whereRef('o.idea_id', '=', 'i.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('draft_count'),
      )
      .orderBy('i.created_at', 'desc')
      .orderBy(sql`i.rowid`, 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ ...toIdea(row), draftCount: Number(row.draft_count ?? 0) }));
  }

  /** The idea's drafts (posts not yet purged), platforms in the idea's order, then A, B, C. */
  async draftsOf(idea: IdeaRow): Promise<IdeaDraftRow[]> {
    const rows = await this.db
      .selectFrom('post_origins as o')
      .innerJoin('posts as p', 'p.id', 'o.post_id')
      .select(['o.post_id', 'o.variant_label', 'p.platforms', 'p.body'])
      .where('o.idea_id', '=', idea.id)
      .execute();
    const drafts = rows.map((row) => ({
      postId: row.post_id,
      platform: (JSON.parse(row.platforms) as Platform[])[0] ?? idea.platforms[0] ?? 'x',
      variant: (row.variant_label ?? 'A') as VariantLabel,
      body: row.body,
    }));
    const order = (d: IdeaDraftRow) => idea.platforms.indexOf(d.platform) * 10 + 'ABC'.indexOf(d.variant);
    return drafts.sort((a, b) => order(a) - order(b));
  }

  /** Where a post came from: its idea and variant, or null for a post written by hand. */
  async originOf(postId: string): Promise<{ ideaId: string | null; variant: string | null } | null> {
    const row = await this.db
      .selectFrom('post_origins')
      .select(['idea_id', 'variant_label'])
      .where('post_id', '=', postId)
      .executeTakeFirst();
    return row ? { ideaId: row.idea_id, variant: row.variant_label } : null;
  }
}
