import { z } from 'zod';
import { ContractError } from '../../../shared/contract/errors';
import {
  type Intervention,
  interventionActionSchema,
  type InterventionList,
  type InterventionRule,
  interventionRuleSchema,
  type RuleInsight,
} from '../../../shared/domain/coach';
import { engagementRate } from '../../analytics/math/engagement';
import type { DomainDeps } from '../../domain-deps';
import type { CoachDataReader } from '../coach-data.reader';
import type { CoachRepository, InterventionRow } from '../coach.repository';
import { localDay } from '../local-day';
import { evaluateRules, type RuleContext, type Situation } from '../rules';
import { DAY_MS } from '../rules/rule-types';
import { QUIET_INTERVAL_DAYS, ruleInsights } from './learning';

const Details = z.object({
  title: z.string(),
  message: z.string(),
  action: interventionActionSchema,
  responses: z.array(z.object({ response: z.string(), at: z.string() })).default([]),
});
type Details = z.infer<typeof Details>;

export const DEFAULT_SNOOZE_DAYS = 3;
const HISTORY_LIMIT = 30;

/** Raises interventions from the rules, records what the creator does, and learns from it. */
export class InterventionsService {
  constructor(
    private readonly deps: DomainDeps,
    private readonly reader: CoachDataReader,
    private readonly repository: CoachRepository,
  ) {}

  /**
   * Runs the rules and brings the table in step: situations that ended are 'resolved', expired
   * snoozes reopen, new situations are raised once (the unique index on live situations backs it).
   */
  async evaluate(): Promise<{ raised: number; resolved: number }> {
    const context = await this.context();
    if (!context) return { raised: 0, resolved: 0 };
    const holding = evaluateRules(context);
    const nowIso = context.now;
    const insights = await this.insights();
    const history = await this.repository.ruleHistory();
    const result = await this.deps.database.transaction(async (tx, onCommit) => {
      let raised = 0;
      let resolved = 0;
      const live = await this.repository.liveInterventions(tx);
      const holdingKeys = new Set(holding.map((s) => s.situation));
      for (const row of live) {
        if (!holdingKeys.has(row.situation)) {
          await this.repository.updateIntervention(row.id, { status: 'resolved', closed_at: nowIso }, tx);
          resolved += 1;
        } else if (row.status === 'snoozed' && row.snoozed_until !== null && row.snoozed_until <= nowIso) {
          await this.repository.updateIntervention(row.id, { status: 'open', snoozed_until: null }, tx);
        }
      }
      const liveKeys = new Set(live.map((r) => r.situation));
      const raisedNow: { rule: string; triggered_at: string }[] = [];
      for (const s of holding) {
        if (liveKeys.has(s.situation)) continue;
        if (await this.handledWhileLasting(s.situation, tx)) continue;
        if (quietedNow(s.rule, insights, [...history, ...raisedNow], Date.parse(nowIso))) continue;
        raisedNow.push({ rule: s.rule, triggered_at: nowIso });
        await this.repository.insertIntervention(
          {
            rule: s.rule,
            situation: s.situation,
            details: JSON.stringify(detailsOf(s)),
            status: 'open',
            triggered_at: nowIso,
            snoozed_until: null,
            closed_at: null,
            action: null,
          },
          tx,
        );
        raised += 1;
      }
      if (raised + resolved > 0) onCommit(() => this.deps.events.emit('coach:changed', { reason: 'interventions' }));
      return { raised, resolved };
    });
    if (result.raised + result.resolved > 0) this.deps.ports.logger.info(result, 'coach: interventions evaluated');
    return result;
  }

  async list(): Promise<InterventionList> {
    await this.evaluate();
    const insights = await this.insights();
    const rate = new Map(insights.map((i) => [i.rule, i.actRate]));
    const live = (await this.repository.liveInterventions()).map(toIntervention).filter((i) => i !== null);
    const open = live
      .filter((i) => i.status === 'open')
      .sort(
        (a, b) => (rate.get(b.rule) ?? 0.5) - (rate.get(a.rule) ?? 0.5) || b.triggeredAt.localeCompare(a.triggeredAt),
      );
    const snoozed = live.filter((i) => i.status === 'snoozed');
    const closed = (await this.repository.recentClosed(HISTORY_LIMIT)).map(toIntervention).filter((i) => i !== null);
    return { open, history: [...snoozed, ...closed], insights };
  }

  async respond(input: {
    id: number;
    response: 'acted' | 'snoozed' | 'dismissed';
    snoozeDays?: number | undefined;
  }): Promise<Intervention> {
    const nowIso = this.deps.ports.clock.now().toISOString();
    const row = await this.deps.database.transaction(async (tx, onCommit) => {
      const existing = await this.repository.intervention(input.id, tx);
      if (!existing) throw new ContractError('NOT_FOUND', 'That intervention does not exist.');
      if (existing.status !== 'open' && existing.status !== 'snoozed') {
        throw new ContractError('CONFLICT', `That intervention is already ${existing.status}.`);
      }
      const details = parseDetails(existing.details);
      if (!details) throw new ContractError('CONFLICT', 'That intervention’s record is unreadable.');
      details.responses.push({ response: input.response, at: nowIso });
      const patch =
        input.response === 'snoozed'
          ? {
              status: 'snoozed',
              snoozed_until: new Date(
                Date.parse(nowIso) + (input.snoozeDays ?? DEFAULT_SNOOZE_DAYS) * DAY_MS,
              ).toISOString(),
            }
          : { status: input.response, closed_at: nowIso, snoozed_until: null };
      await this.repository.updateIntervention(
        existing.id,
        { ...patch, action: input.response, details: JSON.stringify(details) },
        tx,
      );
      onCommit(() => this.deps.events.emit('coach:changed', { reason: 'intervention-response' }));
      return this.repository.intervention(existing.id, tx);
    });
    const intervention = row ? toIntervention(row) : null;
    if (!intervention) throw new ContractError('NOT_FOUND', 'That intervention does not exist.');
    return intervention;
  }

  async insights(): Promise<RuleInsight[]> {
    const rows = await this.repository.ruleHistory();
    return ruleInsights(rows.map((r) => ({ rule: r.rule, status: r.status, snoozes: snoozesOf(r.details) })));
  }

  /** The latest row for this situation was acted on or dismissed and it has not ended since. */
  private async handledWhileLasting(
    situation: string,
    tx: Parameters<CoachRepository['latestForSituation']>[1],
  ): Promise<boolean> {
    const latest = await this.repository.latestForSituation(situation, tx);
    return latest !== null && (latest.status === 'acted' || latest.status === 'dismissed');
  }

  private async context(): Promise<RuleContext | null> {
    const profile = await this.deps.profile.get();
    if (!profile) return null;
    const now = this.deps.ports.clock.now();
    const [publications, accounts, backlog, followerDays] = await Promise.all([
      this.reader.publications(new Date(now.getTime() - 120 * DAY_MS).toISOString()),
      this.reader.accounts(),
      this.reader.backlog(),
      this.reader.followerDays(),
    ]);
    const lastPublishedAt = publications.length > 0 ? null : await this.reader.lastPublishedAt();
    const followers = new Map(followerDays.map((f) => [f.accountId, f.followers]));
    const rated = publications.map((p) => ({
      postId: p.postId,
      title: p.title,
      publishedAt: p.publishedAt,
      engagementRate: engagementRate(p.platform, p, p.accountId ? (followers.get(p.accountId) ?? null) : null),
    }));
    if (lastPublishedAt) rated.push({ postId: '', title: '', publishedAt: lastPublishedAt, engagementRate: null });
    return {
      now: now.toISOString(),
      today: localDay(now, profile.timezone),
      timezone: profile.timezone,
      postsPerWeek: profile.cadence.postsPerWeek,
      publications: rated,
      accounts,
      backlog,
    };
  }
}

function detailsOf(s: Situation): Details {
  return { title: s.title, message: s.message, action: s.action, responses: [] };
}

function parseDetails(json: string): Details | null {
  try {
    const parsed = Details.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function snoozesOf(json: string): number {
  return parseDetails(json)?.responses.filter((r) => r.response === 'snoozed').length ?? 0;
}

/** A quieted rule (dismissed ≥ 3 times, never acted on) fires at most once per 14 days. */
function quietedNow(
  rule: InterventionRule,
  insights: readonly RuleInsight[],
  history: readonly { rule: string; triggered_at: string }[],
  now: number,
): boolean {
  if (!insights.find((i) => i.rule === rule)?.quieted) return false;
  const since = now - QUIET_INTERVAL_DAYS * DAY_MS;
  return history.some((h) => h.rule === rule && Date.parse(h.triggered_at) > since - 1);
}

function toIntervention(row: InterventionRow): Intervention | null {
  const details = parseDetails(row.details);
  const rule = interventionRuleSchema.safeParse(row.rule);
  if (!details || !rule.success) return null;
  return {
    id: row.id,
    rule: rule.data,
    situation: row.situation,
    status: row.status as Intervention['status'],
    title: details.title,
    message: details.message,
    action: details.action,
    triggeredAt: row.triggered_at,
    snoozedUntil: row.snoozed_until,
    closedAt: row.closed_at,
  };
}
