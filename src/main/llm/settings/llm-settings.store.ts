import { ContractError, toFieldIssues } from '../../../shared/contract/errors';
import {
  DEFAULT_LLM_SETTINGS,
  type LlmSettings,
  type LlmSettingsPatch,
  type LlmTaskName,
  llmSettingsSchema,
  type ProviderName,
} from '../../../shared/domain/llm';
import type { Db } from '../../db/database';
import type { ClockPort } from '../../platform/clock/types';
import type { LlmTask, ProviderId } from '../provider';

// The shared zod enums must list exactly the literals of provider.ts; this fails to compile if not.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _tasksMatch: Same<LlmTaskName, LlmTask> = true;
const _providersMatch: Same<ProviderName, ProviderId> = true;

/**
 * The router policy, kept as one JSON row and cached in memory. Reads go through zod, so a row
 * written by an older version gains defaults for new fields. A damaged row falls back to the
 * defaults with privacy mode ON: we cannot know what the user had chosen, so fail closed.
 */
export class LlmSettingsStore {
  private cached: LlmSettings | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: ClockPort,
    private readonly onUnreadable: (error: unknown) => void = () => {},
  ) {}

  async get(): Promise<LlmSettings> {
    if (!this.cached) this.cached = await this.load();
    return structuredClone(this.cached);
  }

  /**
   * Applies a change (fields given replace the current ones; chains per task) and validates the
   * whole result before saving; throws VALIDATION_FAILED with field issues.
   */
  async update(patch: LlmSettingsPatch): Promise<LlmSettings> {
    const current = await this.get();
    const merged = {
      ...current,
      ...definedOnly(patch),
      chains: { ...current.chains, ...definedOnly(patch.chains ?? {}) },
    };
    const parsed = llmSettingsSchema.safeParse(merged);
    if (!parsed.success) {
      throw new ContractError('VALIDATION_FAILED', 'These LLM settings are not valid', {
        issues: toFieldIssues(parsed.error),
      });
    }
    const now = this.clock.now().toISOString();
    const policy = JSON.stringify(parsed.data);
    await this.db
      .insertInto('llm_settings')
      .values({ id: 1, policy, updated_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ policy, updated_at: now }))
      .execute();
    this.cached = parsed.data;
    return structuredClone(parsed.data);
  }

  private async load(): Promise<LlmSettings> {
    const row = await this.db.selectFrom('llm_settings').select('policy').where('id', '=', 1).executeTakeFirst();
    if (!row) return structuredClone(DEFAULT_LLM_SETTINGS);
    try {
      return llmSettingsSchema.parse(JSON.parse(row.policy));
    } catch (error) {
      this.onUnreadable(error);
      return { ...structuredClone(DEFAULT_LLM_SETTINGS), privacyMode: true };
    }
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
