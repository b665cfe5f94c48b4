import { TZDate } from '@date-fns/tz';
import { ContractError } from '../../../shared/contract/errors';
import { type DataUsed, type TodayPlan, todayPlanSchema } from '../../../shared/domain/coach';
import type { Profile } from '../../../shared/domain/profile';
import type { DomainDeps } from '../../domain-deps';
import type { CoachAnalyticsPort, CoachSlot } from '../coach-analytics.port';
import type { CoachDataReader } from '../coach-data.reader';
import type { CoachRepository } from '../coach.repository';
import type { GoalStatusService } from '../goal/goal-status.service';
import { localDay, shiftDay, startOfLocalDay } from '../local-day';
import { COACH_JSON_SCHEMA, COACH_SYSTEM, coachPrompt, parseCoachAnswer } from './coach-prompt';
import { tipFor } from './coach-tips';
import { aiFailureReason } from './ai-failure';
import { goalLine } from './goal-line';
import { chooseFormat, hourLabel, mainPlatform, oldestIdea, slotToday, weakestFactor, weekdayName } from './plan-facts';
import { rulesMessage, rulesPost, speechOf } from './rules-writer';

export interface TodayPlanDeps {
  deps: DomainDeps;
  reader: CoachDataReader;
  repository: CoachRepository;
  analytics: CoachAnalyticsPort;
  goal: GoalStatusService;
}

/** Today's coaching plan: built from the creator's data, written by the AI engine or by rules. */
export class TodayPlanService {
  constructor(private readonly d: TodayPlanDeps) {}

  /** The plan for the creator's local today; made once per day unless `regenerate`. */
  async get(options: { regenerate: boolean }): Promise<TodayPlan> {
    const profile = await this.requireProfile();
    const today = localDay(this.d.deps.ports.clock.now(), profile.timezone);
    if (!options.regenerate) {
      const stored = await this.stored(today);
      if (stored) return stored;
    }
    const plan = await this.build(profile, today);
    await this.d.repository.saveSession(today, JSON.stringify(plan), plan.createdAt);
    this.d.deps.events.emit('coach:changed', { reason: 'plan' });
    return plan;
  }

  /** Whether a plan exists for that day already (the daily check notifies only for new ones). */
  async has(date: string): Promise<boolean> {
    return (await this.stored(date)) !== null;
  }

  /** A draft post from the day's suggested text; the same draft again if it still exists. */
  async sendToCompose(date: string): Promise<{ postId: string }> {
    const profile = await this.requireProfile();
    const plan = await this.stored(date);
    if (!plan) throw new ContractError('NOT_FOUND', `There is no coaching plan for ${date}.`);
    if (plan.sentPostId) {
      const existing = await this.d.deps.posts.get(plan.sentPostId).catch(() => null);
      if (existing && existing.deletedAt === null) return { postId: existing.id };
    }
    const platforms = plan.idea?.platforms.length ? plan.idea.platforms : profile.platforms.slice(0, 1);
    const title =
      plan.idea?.title || `Coach's suggestion for ${date}${plan.what.format ? ` (${plan.what.format})` : ''}`;
    const post = await this.d.deps.posts.create({
      title: title.slice(0, 300),
      body: plan.suggestedPost,
      status: 'draft',
      platforms,
    });
    const updated: TodayPlan = { ...plan, sentPostId: post.id };
    await this.d.repository.saveSession(date, JSON.stringify(updated), plan.createdAt);
    this.d.deps.events.emit('coach:changed', { reason: 'sent-to-compose' });
    return { postId: post.id };
  }

  private async requireProfile(): Promise<Profile> {
    const profile = await this.d.deps.profile.get();
    if (!profile) throw new ContractError('NOT_FOUND', 'Set up your profile and goal first (onboarding).');
    return profile;
  }

  private async stored(date: string): Promise<TodayPlan | null> {
    const row = await this.d.repository.session(date);
    if (!row) return null;
    try {
      const parsed = todayPlanSchema.safeParse(JSON.parse(row.plan));
      if (parsed.success) return parsed.data;
    } catch {
      // an unreadable stored plan is simply made again
    }
    this.d.deps.ports.logger.warn({ date }, 'coach: stored plan unreadable; making a new one');
    return null;
  }

  private async build(profile: Profile, today: string): Promise<TodayPlan> {
    const { ports, llm } = this.d.deps;
    const now = ports.clock.now();
    const tz = profile.timezone;
    const [publications, backlog, factors, status] = await Promise.all([
      this.d.reader.publications(),
      this.d.reader.backlog(),
      this.d.analytics.successFactors(),
      this.d.goal.status(),
    ]);
    const since = startOfLocalDay(shiftDay(today, -89), tz);
    const platform = mainPlatform(
      publications.filter((p) => p.publishedAt >= since),
      profile.platforms,
    );
    const what = chooseFormat(factors, publications);
    const local = new TZDate(now, tz);
    const weekday = (local.getDay() + 6) % 7;
    const slots = platform ? await this.d.analytics.bestTimes(platform) : [];
    const slot = slotToday(slots, weekday, local.getHours());
    const when = whenOf(platform, slot, slots, today, tz);
    const idea = oldestIdea(backlog);
    const ideaNote = idea
      ? `Your oldest ${idea.status} (${backlogAge(idea.createdAt, today, tz)}): “${idea.title || 'Untitled'}”.`
      : 'Your backlog is empty: no ideas or drafts to start from. Jot down one idea today.';
    const weak = weakestFactor(factors);
    const tip = { factor: weak?.label ?? null, ...tipFor(weak?.feature ?? null) };
    const line = goalLine(status);

    const dataUsed: DataUsed[] = [
      { label: 'Goal', value: line },
      { label: 'Format to post', value: what.format ? `${what.format}: ${what.reason}` : what.reason },
      { label: 'Main platform', value: platform ?? 'none chosen' },
      { label: 'Best slot today', value: when.label },
      { label: 'Backlog idea', value: idea ? `“${idea.title || 'Untitled'}” (${idea.status})` : 'none in the backlog' },
      {
        label: 'Ideas and drafts in the backlog',
        value: String(backlog.filter((p) => p.status === 'idea' || p.status === 'draft').length),
      },
      {
        label: 'Weakest success factor',
        value: weak
          ? `${weak.label} (${Math.round(weak.effectPercent)} % engagement)`
          : (factors.reason ?? 'none found'),
      },
      {
        label: 'Cadence streak',
        value: `${status.streak.current} weeks (best ${status.streak.best}); ${status.streak.thisWeek.published} of ${status.streak.thisWeek.target} posts this week`,
      },
      { label: 'Posts per week planned', value: String(profile.cadence.postsPerWeek) },
    ];

    const base = {
      date: today,
      createdAt: now.toISOString(),
      what: { format: what.format, reason: what.reason },
      when,
      idea: idea ? { postId: idea.id, title: idea.title, status: idea.status, platforms: idea.platforms } : null,
      ideaNote,
      tip,
      goalLine: line,
      dataUsed,
      sentPostId: null,
    };
    let written: Pick<TodayPlan, 'message' | 'suggestedPost' | 'generatedBy' | 'provider' | 'model' | 'fallbackReason'>;
    try {
      const generation = await llm.generate({
        task: 'coaching',
        system: COACH_SYSTEM,
        prompt: coachPrompt({
          niche: profile.niche,
          data: dataUsed,
          idea: idea ? { title: idea.title, body: idea.body } : null,
        }),
        maxTokens: 300,
        jsonSchema: COACH_JSON_SCHEMA,
      });
      const answer = parseCoachAnswer(generation.text);
      if (generation.finishReason === 'cancelled' || !answer) throw new Error('The AI answer could not be read');
      written = {
        message: answer.message,
        suggestedPost: answer.post,
        generatedBy: 'ai',
        provider: generation.provider,
        model: generation.model,
        fallbackReason: null,
      };
    } catch (caught) {
      const reason = aiFailureReason(caught);
      ports.logger.info({ reason }, 'coach: plan written by rules');
      written = {
        message: rulesMessage({ ...base, tip }),
        suggestedPost: rulesPost(idea, what.format),
        generatedBy: 'rules',
        provider: null,
        model: null,
        fallbackReason: reason,
      };
    }
    const plan: TodayPlan = { ...base, ...written, speech: '' };
    return { ...plan, speech: speechOf(plan) };
  }
}

function whenOf(
  platform: TodayPlan['when']['platform'],
  slot: CoachSlot | null,
  slots: readonly CoachSlot[],
  today: string,
  tz: string,
): TodayPlan['when'] {
  if (!platform)
    return { platform: null, at: null, label: 'No platform chosen', reason: 'Add a platform to your profile.' };
  if (slot) {
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const at = new TZDate(y, m - 1, d, slot.hour, 0, 0, tz).toISOString();
    return {
      platform,
      at,
      label: `${hourLabel(slot.hour)} on ${platform}`,
      reason:
        slot.source === 'default'
          ? 'A strong slot in published studies (too few of your own posts there yet).'
          : 'One of your best slots, from your own results.',
    };
  }
  const next = [...slots].sort((a, b) => b.score - a.score)[0];
  return {
    platform,
    at: null,
    label: next
      ? `No best slot left today; next: ${weekdayName(next.weekday)} ${hourLabel(next.hour)}`
      : 'Any time today',
    reason: next
      ? 'None of your best slots falls later today, so post when it suits you.'
      : 'No posting-time data yet.',
  };
}

function backlogAge(createdAt: string, today: string, tz: string): string {
  const day = localDay(createdAt, tz);
  return day === today ? 'added today' : `added ${day}`;
}
