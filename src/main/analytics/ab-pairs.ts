import { sql } from 'kysely';
import type { AbComparison, AbPair, AbSummary, PublishedPost } from '../../shared/domain/analytics';
import { ContractError } from '../../shared/contract';
import type { Platform } from '../../shared/domain/platform';
import { getPlatformLimit } from '../../shared/platforms';
import type { Db } from '../db/database';
import type { ClockPort } from '../platform/clock/types';
import type { AnalyticsQueries } from './analytics.queries';
import { compareAB } from './math/ab-test';
import { ENGAGEMENT_FORMULAS } from './math/engagement';
import { toPublishedPost } from './published-post';

export interface CreateAbPairInput {
  postA: string;
  postB: string;
  platform: Platform;
  label?: string | undefined;
}

/** The comparison of two publications; a missing exposure counts as 0, so the verdict says "not enough data". */
export function compare(platform: Platform, a: PublishedPost | undefined, b: PublishedPost | undefined): AbComparison {
  const kind = a?.exposure?.kind ?? b?.exposure?.kind ?? ENGAGEMENT_FORMULAS[platform].denominator;
  const armA = { engagements: a?.engagements ?? 0, exposure: a?.exposure?.value ?? 0 };
  const armB = { engagements: b?.engagements ?? 0, exposure: b?.exposure?.value ?? 0 };
  const result = compareAB(armA, armB, 100, kind);
  return {
    rateA: result.rateA,
    rateB: result.rateB,
    engagementsA: armA.engagements,
    engagementsB: armB.engagements,
    exposureA: Math.round(armA.exposure),
    exposureB: Math.round(armB.exposure),
    exposureKind: kind,
    liftPercent: result.liftPercent,
    pValue: result.pValue,
    confidence: result.confidence,
    winner: result.winner,
    verdict: result.verdict,
    message: result.message,
  };
}

/**
 * The comparison of a pair; while either post has not gone out on the platform yet (a pair set up
 * at scheduling time), the verdict is "not enough data" and the message says which is still to come.
 */
export function comparePair(
  platform: Platform,
  a: PublishedPost | undefined,
  b: PublishedPost | undefined,
): AbComparison {
  const result = compare(platform, a, b);
  if (a && b) return result;
  const which = !a && !b ? 'neither post has' : !a ? 'A has not' : 'B has not';
  const where = getPlatformLimit(platform).displayName;
  return { ...result, verdict: 'not_enough_data', message: `Not published yet: ${which} gone out on ${where}.` };
}

/** A/B pairs: two posts on the same platform (published, or scheduled to be), compared with a two-proportion z-test. */
export class AbPairs {
  constructor(
    private readonly db: Db,
    private readonly queries: AnalyticsQueries,
    private readonly clock: ClockPort,
  ) {}

  async list(platforms?: readonly Platform[]): Promise<AbPair[]> {
    let q = this.db
      .selectFrom('ab_pairs as ab')
      .innerJoin('posts as pa', 'pa.id', 'ab.post_a')
      .innerJoin('posts as pb', 'pb.id', 'ab.post_b')
      .select(['ab.id', 'ab.post_a', 'ab.post_b', 'ab.platform', 'ab.label', 'ab.created_at'])
      .select(['pa.title as title_a', 'pb.title as title_b']);
    if (platforms && platforms.length > 0) q = q.where('ab.platform', 'in', [...platforms]);
    const pairs = await q.orderBy('ab.created_at', 'desc').orderBy('ab.id', 'desc').execute();
    if (pairs.length === 0) return [];
    const ids = [...new Set(pairs.flatMap((p) => [p.post_a, p.post_b]))];
    const rows = await this.queries.publications({ postIds: ids });
    const byKey = new Map(rows.map((r) => [`${r.post_id}|${r.platform}`, toPublishedPost(r)]));
    return pairs.map((p) => {
      const platform = p.platform as Platform;
      return {
        id: p.id,
        platform,
        label: p.label,
        createdAt: p.created_at,
        postA: { id: p.post_a, title: p.title_a },
        postB: { id: p.post_b, title: p.title_b },
        comparison: comparePair(platform, byKey.get(`${p.post_a}|${platform}`), byKey.get(`${p.post_b}|${platform}`)),
      };
    });
  }

  async summary(platforms?: readonly Platform[]): Promise<AbSummary> {
    const pairs = await this.list(platforms);
    return {
      pairs: pairs.length,
      decided: pairs.filter((p) => p.comparison.verdict === 'significant').length,
      notEnoughData: pairs.filter((p) => p.comparison.verdict === 'not_enough_data').length,
    };
  }

  /**
   * Pairs two posts on a platform. Each must be published there or at least target it (its
   * `platforms` lists it), so a pair can be set up when the posts are scheduled, before they go out.
   */
  async create(input: CreateAbPairInput): Promise<AbPair> {
    const publishedOn = await this.queries.publications({ postIds: [input.postA, input.postB] });
    for (const [name, id] of [
      ['A', input.postA],
      ['B', input.postB],
    ] as const) {
      if (!(await this.queries.postExists(id))) throw new ContractError('NOT_FOUND', `Post ${name} was not found.`);
      const published = publishedOn.some((r) => r.post_id === id && r.platform === input.platform);
      if (!published && !(await this.targets(id, input.platform))) {
        const platform = getPlatformLimit(input.platform).displayName;
        throw new ContractError(
          'CONFLICT',
          `Post ${name} is not for ${platform}: it neither targets ${platform} nor has been published there.`,
        );
      }
    }
    const inserted = await this.db
      .insertInto('ab_pairs')
      .values({
        post_a: input.postA,
        post_b: input.postB,
        platform: input.platform,
        label: input.label ?? '',
        created_at: this.clock.now().toISOString(),
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      throw new ContractError(
        'CONFLICT',
        `These two posts are already an A/B pair on ${getPlatformLimit(input.platform).displayName}.`,
      );
    }
    const created = (await this.list()).find((p) => p.id === inserted.id);
    if (!created) throw new ContractError('NOT_FOUND', 'The A/B pair was removed while it was being created.');
    return created;
  }

  /** Whether a post's platforms list the platform. */
  private async targets(postId: string, platform: Platform): Promise<boolean> {
    const row = await this.db
      .selectFrom('posts')
      .select('id')
      .where('id', '=', postId)
      .where(sql<boolean>`exists (select 1 from json_each(posts.platforms) where json_each.value = ${platform})`)
      .executeTakeFirst();
    return row !== undefined;
  }

  async delete(id: number): Promise<{ id: number }> {
    const result = await this.db.deleteFrom('ab_pairs').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new ContractError('NOT_FOUND', 'That A/B pair no longer exists.');
    return { id };
  }
}
