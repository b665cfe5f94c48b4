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

/** A/B pairs: two posts published on the same platform, compared with a two-proportion z-test. */
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
        comparison: compare(platform, byKey.get(`${p.post_a}|${platform}`), byKey.get(`${p.post_b}|${platform}`)),
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

  async create(input: CreateAbPairInput): Promise<AbPair> {
    const publishedOn = await this.queries.publications({ postIds: [input.postA, input.postB] });
    for (const [name, id] of [
      ['A', input.postA],
      ['B', input.postB],
    ] as const) {
      if (!(await this.queries.postExists(id))) throw new ContractError('NOT_FOUND', `Post ${name} was not found.`);
      if (!publishedOn.some((r) => r.post_id === id && r.platform === input.platform)) {
        throw new ContractError(
          'CONFLICT',
          `Post ${name} has not been published on ${getPlatformLimit(input.platform).displayName}.`,
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

  async delete(id: number): Promise<{ id: number }> {
    const result = await this.db.deleteFrom('ab_pairs').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new ContractError('NOT_FOUND', 'That A/B pair no longer exists.');
    return { id };
  }
}
